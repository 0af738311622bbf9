import { z } from 'zod';
import { storableString } from './text.js';
import { Id } from './ids.js';

/**
 * Passwords: long enough to resist guessing, short enough that hashing stays cheap; storable text, since a lone
 * surrogate would hash as U+FFFD and so match a different password.
 */
export const Password = storableString().min(8, 'Passwords have at least 8 characters.').max(200);

export const Email = z.email().max(254).transform((email) => email.trim().toLowerCase());

export const SignUpBody = z.object({ name: storableString().trim().min(1).max(100), email: Email, password: Password });
export type SignUpBody = z.input<typeof SignUpBody>;

/** The password is not checked for length on sign-in: a wrong password is just wrong. */
export const SignInBody = z.object({ email: Email, password: storableString().min(1).max(200) });
export type SignInBody = z.input<typeof SignInBody>;

export const ChangePasswordBody = z.object({ currentPassword: storableString().min(1).max(200), newPassword: Password });
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

/** The signed-in account, as the account itself sees it (email included). */
export const Account = z.object({
  id: Id,
  name: z.string(),
  email: z.string().nullable(),
  color: z.string(),
  /** A demo member (signs in without a password, in demo mode only). */
  demo: z.boolean(),
});
export type Account = z.infer<typeof Account>;

/** GET /api/auth/me: who is signed in (null when nobody), and whether the login page offers demo members. */
export const Me = z.object({ account: Account.nullable(), demoMode: z.boolean() });
export type Me = z.infer<typeof Me>;

/** A demo member the login page offers, with their role in the demo group. */
export const DemoMember = z.object({ id: Id, name: z.string(), color: z.string(), role: z.string() });
export type DemoMember = z.infer<typeof DemoMember>;

export const DemoSignInBody = z.object({ userId: Id });
export type DemoSignInBody = z.infer<typeof DemoSignInBody>;
