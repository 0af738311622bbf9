import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/prisma.js';

/** How long a sign-in lasts. */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** Only the SHA-256 of a token is stored: the cookie alone opens a session, a copy of the table does not. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * How long an instance trusts a session it has just checked without asking PostgreSQL again. Without it every
 * request (and, after a restart, every reconnecting client at once) costs a query on the shared pool. Sign-out
 * and password changes clear it at once on the instance that handles them; other instances notice within this.
 */
const RECHECK_MS = 5_000;

/** Sessions in PostgreSQL; the only place that touches the sessions table. */
export function createSessionRepository(db: Db) {
  const checked = new Map<string, { userId: string; expiresAt: Date; at: number }>();
  // Concurrent checks of one token (every tab of a browser reconnecting at once) share one query.
  const inFlight = new Map<string, Promise<{ id: string; userId: string; expiresAt: Date } | null>>();
  const lookUp = (tokenHash: string) => {
    let pending = inFlight.get(tokenHash);
    if (!pending) {
      pending = db.session.findUnique({ where: { tokenHash }, select: { id: true, userId: true, expiresAt: true } }).finally(() => inFlight.delete(tokenHash));
      inFlight.set(tokenHash, pending);
    }
    return pending;
  };
  return {
    /** Starts a session and returns its token (the cookie value), which is not stored. */
    async create(userId: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
      await db.session.create({ data: { userId, tokenHash: hashToken(token), expiresAt } });
      return { token, expiresAt };
    },

    /** The user of a live session, or null for an unknown or expired token. */
    async userIdFor(token: string, now = new Date()): Promise<string | null> {
      const tokenHash = hashToken(token);
      const recent = checked.get(tokenHash);
      if (recent && now.getTime() - recent.at < RECHECK_MS && recent.expiresAt > now) return recent.userId;
      checked.delete(tokenHash);
      const session = await lookUp(tokenHash);
      if (!session) return null;
      if (session.expiresAt <= now) {
        await db.session.deleteMany({ where: { id: session.id } });
        return null;
      }
      if (checked.size > 10_000) checked.clear(); // bounded: a cache, not a second session store
      checked.set(tokenHash, { userId: session.userId, expiresAt: session.expiresAt, at: now.getTime() });
      return session.userId;
    },

    async delete(token: string): Promise<void> {
      checked.delete(hashToken(token));
      await db.session.deleteMany({ where: { tokenHash: hashToken(token) } });
    },

    /** Ends every session of a user but the one given (after a password change). */
    async deleteOthers(userId: string, keepToken: string | null): Promise<void> {
      const keep = keepToken ? hashToken(keepToken) : null;
      for (const [tokenHash, entry] of checked) if (entry.userId === userId && tokenHash !== keep) checked.delete(tokenHash);
      await db.session.deleteMany({
        where: { userId, ...(keepToken ? { NOT: { tokenHash: hashToken(keepToken) } } : {}) },
      });
    },
  };
}

export type SessionRepository = ReturnType<typeof createSessionRepository>;
