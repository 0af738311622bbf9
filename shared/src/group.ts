import { z } from 'zod';
import { Id } from './ids.js';

/**
 * What a member of a group may do.
 * - `owner`: everything, including managing members; a group always keeps at least one.
 * - `editor`: edits maps and sources.
 * - `commenter`: reads, comments and records stances.
 * - `viewer`: reads only.
 */
export const Role = z.enum(['owner', 'editor', 'commenter', 'viewer']);
export type Role = z.infer<typeof Role>;

/** Every role: what any member may do (read). */
export const ANY_ROLE_LIST: readonly Role[] = Role.options;

/** Roles allowed to change a map's graph. */
export const EDITING_ROLES: readonly Role[] = ['owner', 'editor'];

export const User = z.object({
  id: Id,
  name: z.string().min(1).max(100),
  /** The colour that marks this member's cursor and selection. */
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
});
export type User = z.infer<typeof User>;

export const Group = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  description: z.string().max(2000),
  /** The acting user's role in this group. */
  role: Role,
  createdAt: z.iso.datetime(),
});
export type Group = z.infer<typeof Group>;

export const Member = z.object({ user: User, role: Role });
export type Member = z.infer<typeof Member>;

/** A member's position on a claim. */
export const StanceValue = z.enum(['agree', 'disagree', 'unsure']);
export const Stance = z.object({
  userId: Id,
  nodeId: Id,
  value: StanceValue,
  confidence: z.number().int().min(0).max(100),
  note: z.string().max(280),
});
export type Stance = z.infer<typeof Stance>;

/** A comment in a thread on a node; replies name their parent. */
export const Comment = z.object({
  id: Id,
  nodeId: Id,
  authorId: Id,
  parentId: Id.nullable(),
  body: z.string().max(10_000),
  /** Set on the first comment of a thread: the whole thread is resolved. */
  resolved: z.boolean(),
  /** A deleted comment that still has replies stays as a placeholder (its body is empty). */
  deleted: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Comment = z.infer<typeof Comment>;
