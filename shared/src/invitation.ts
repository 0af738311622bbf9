import { z } from 'zod';
import { storableString } from './text.js';
import { Id } from './ids.js';
import { Role } from './group.js';

/** POST /api/groups: a new study group; its creator becomes its owner. */
export const CreateGroupBody = z.object({
  name: storableString().trim().min(1).max(200),
  description: storableString().max(2000).default(''),
});
export type CreateGroupBody = z.input<typeof CreateGroupBody>;

/** POST /api/groups/:groupId/invitations: a link for one person to join with `role`, valid for `expiresInHours`. */
export const CreateInvitationBody = z.object({
  role: Role,
  expiresInHours: z.number().int().min(1).max(24 * 30).default(24 * 7),
});
export type CreateInvitationBody = z.input<typeof CreateInvitationBody>;

/** The new invitation. `token` is shown this once (only its hash is stored); the link is `/invite/:token`. */
export const CreatedInvitation = z.object({
  id: Id,
  token: z.string(),
  role: Role,
  expiresAt: z.iso.datetime(),
});
export type CreatedInvitation = z.infer<typeof CreatedInvitation>;

/** GET /api/invitations/:token: what joining would mean, shown before accepting (signed in or not). */
export const InvitationPreview = z.object({
  groupId: Id,
  groupName: z.string(),
  role: Role,
  invitedBy: z.string(),
  expiresAt: z.iso.datetime(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

/** PATCH /api/groups/:groupId/members/:userId */
export const ChangeRoleBody = z.object({ role: Role });
export type ChangeRoleBody = z.infer<typeof ChangeRoleBody>;
