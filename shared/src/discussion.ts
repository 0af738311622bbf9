import { z } from 'zod';
import { storableString } from './text.js';
import { StanceValue } from './group.js';

/** PUT /api/nodes/:nodeId/stance: the acting member's position on a claim (replaces their previous one). */
export const SetStanceBody = z.object({
  value: StanceValue,
  confidence: z.number().int().min(0).max(100),
  /** An optional one-line reason. */
  note: storableString().trim().max(280).refine((note) => !note.includes('\n'), 'The reason is one line.').default(''),
});
export type SetStanceBody = z.input<typeof SetStanceBody>;

/** POST /api/nodes/:nodeId/comments: a new thread, or a reply when `parentId` names a comment of the node. */
export const PostCommentBody = z.object({
  body: storableString().trim().min(1).max(10_000),
  parentId: z.uuid().nullable().default(null),
});
export type PostCommentBody = z.input<typeof PostCommentBody>;

/** PATCH /api/comments/:commentId: authors edit their own words. */
export const EditCommentBody = z.object({ body: storableString().trim().min(1).max(10_000) });
export type EditCommentBody = z.infer<typeof EditCommentBody>;

/** POST /api/comments/:commentId/resolve: closes (or, with `resolved: false`, reopens) the thread it starts. */
export const ResolveCommentBody = z.object({ resolved: z.boolean().default(true) });
export type ResolveCommentBody = z.input<typeof ResolveCommentBody>;
