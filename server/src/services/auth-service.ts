import type { Account, ChangePasswordBody, DemoMember } from '@counterpoint/shared';
import type { Db } from '../db/prisma.js';
import { AppError } from '../errors.js';
import { hashPassword, UNUSABLE_HASH, verifyPassword } from '../auth/password.js';
import type { SessionRepository } from '../repositories/session-repository.js';

/** Demo members are seeded with emails under this domain and no password. */
export const DEMO_EMAIL_DOMAIN = '@demo.counterpoint';

/** A colour per new account, so members tell each other's cursors apart. */
const COLORS = ['#4f46e5', '#0f766e', '#b45309', '#be185d', '#1d4ed8', '#15803d', '#9333ea', '#c2410c'];

type UserRow = { id: string; name: string; email: string | null; color: string };
const toAccount = (user: UserRow): Account => ({
  id: user.id,
  name: user.name,
  email: user.email,
  color: user.color,
  demo: user.email?.endsWith(DEMO_EMAIL_DOMAIN) ?? false,
});

/** Accounts: sign-up, sign-in, password change. Sessions themselves are the session repository's. */
export function createAuthService(db: Db, sessions: SessionRepository, options: { demoMode: boolean }) {
  const invalid = () => new AppError('INVALID_CREDENTIALS', 'That email and password do not match an account.');

  return {
    demoMode: options.demoMode,

    async signUp(input: { name: string; email: string; password: string }) {
      const taken = await db.user.findUnique({ where: { email: input.email } });
      if (taken) throw new AppError('EMAIL_TAKEN', 'An account with that email already exists. Sign in instead.');
      const color = COLORS[(await db.user.count()) % COLORS.length]!;
      const user = await db.user.create({
        data: { name: input.name, email: input.email, passwordHash: await hashPassword(input.password), color },
      });
      return { account: toAccount(user), session: await sessions.create(user.id) };
    },

    async signIn(input: { email: string; password: string }) {
      const user = await db.user.findUnique({ where: { email: input.email } });
      // Hash even for an unknown email, so the answer takes as long either way.
      const ok = await verifyPassword(input.password, user?.passwordHash ?? UNUSABLE_HASH);
      if (!user?.passwordHash || !ok) throw invalid();
      return { account: toAccount(user), session: await sessions.create(user.id) };
    },

    /** Checks the current password, stores the new one and signs out every other session of the account. */
    async changePassword(userId: string, body: ChangePasswordBody, currentToken: string | null) {
      const user = await db.user.findUnique({ where: { id: userId } });
      if (!user?.passwordHash || !(await verifyPassword(body.currentPassword, user.passwordHash))) {
        throw new AppError('INVALID_CREDENTIALS', 'The current password is not right.');
      }
      await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(body.newPassword) } });
      await sessions.deleteOthers(userId, currentToken);
    },

    async account(userId: string): Promise<Account | null> {
      const user = await db.user.findUnique({ where: { id: userId } });
      return user ? toAccount(user) : null;
    },

    /** The demo members offered on the login page, with their role in the demo group (demo mode only). */
    async demoMembers(): Promise<DemoMember[]> {
      if (!options.demoMode) return [];
      const users = await db.user.findMany({
        where: { email: { endsWith: DEMO_EMAIL_DOMAIN }, passwordHash: null },
        include: { memberships: { orderBy: { createdAt: 'asc' }, take: 1 } },
        orderBy: { createdAt: 'asc' },
      });
      return users.map((user) => ({ id: user.id, name: user.name, color: user.color, role: user.memberships[0]?.role ?? 'viewer' }));
    },

    /** Signs in as a demo member without a password: demo mode only, demo members only. */
    async demoSignIn(userId: string) {
      const user = options.demoMode ? await db.user.findUnique({ where: { id: userId } }) : null;
      if (!user || user.passwordHash || !user.email?.endsWith(DEMO_EMAIL_DOMAIN)) {
        throw new AppError('DEMO_MODE_OFF', 'Demo sign-in is not available for that member.');
      }
      return { account: toAccount(user), session: await sessions.create(user.id) };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
