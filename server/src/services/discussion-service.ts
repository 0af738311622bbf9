import {
  ANY_ROLE_LIST,
  type Comment,
  type ServerMessage,
  type EditCommentBody,
  type PostCommentBody,
  type ResolveCommentBody,
  type Role,
  type SetStanceBody,
  type Stance,
} from '@counterpoint/shared';
import type { Db } from '../db/prisma.js';
import type { Prisma } from '../generated/prisma/client.js';
import { AppError } from '../errors.js';
import type { Actor } from '../plugins/actor.js';
import { requireRole } from '../repositories/membership-repository.js';

/** Who may take a position or join a discussion: everyone but viewers. */
export const DISCUSSING_ROLES: readonly Role[] = ['owner', 'editor', 'commenter'];

/** The live messages of this domain. */
export type DiscussionMessage = Extract<ServerMessage, { type: 'stance' | 'comment' }>;

type CommentRow = {
  id: string; nodeId: string; authorId: string; parentId: string | null; body: string;
  resolved: boolean; deletedAt: Date | null; createdAt: Date; updatedAt: Date;
};
const toComment = (row: CommentRow): Comment => ({
  id: row.id,
  nodeId: row.nodeId,
  authorId: row.authorId,
  parentId: row.parentId,
  body: row.deletedAt ? '' : row.body,
  resolved: row.resolved,
  deleted: row.deletedAt !== null,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** The PostgreSQL channel that tells every server instance a stance or comment changed (see sync/discussion-relay.ts). */
export const MAP_EVENTS_CHANNEL = 'map_events';

/**
 * What a `map_events` notification says: which row changed, never its content. NOTIFY payloads stop at 8000
 * bytes and a comment may be longer, so each instance reads the row itself when it relays the change.
 */
export type DiscussionNotice =
  | { mapId: string; kind: 'stance'; userId: string; nodeId: string }
  | { mapId: string; kind: 'comment'; commentId: string };

type Tx = Prisma.TransactionClient;

/** Announces a change; PostgreSQL delivers it only if (and when) the surrounding transaction commits. */
async function notifyChange(tx: Tx, notice: DiscussionNotice): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${MAP_EVENTS_CHANNEL}, ${JSON.stringify(notice)})`;
}

const toStance = (row: Stance): Stance => ({ userId: row.userId, nodeId: row.nodeId, value: row.value, confidence: row.confidence, note: row.note });

/**
 * Stances and comment threads. Every method checks the actor's role in the group of the node's map; a stranger
 * learns nothing (NODE_NOT_FOUND, as for a node that does not exist). Each write notifies `map_events` in its own
 * transaction; live clients hear of it from the relay on their instance, the writer's included, exactly once.
 */
export function createDiscussionService(db: Db) {
  async function nodeFor(nodeId: string, actor: Actor, roles: readonly Role[]) {
    const node = await db.node.findUnique({ where: { id: nodeId }, select: { id: true, kind: true, mapId: true, map: { select: { groupId: true } } } });
    const membership = node && (await db.membership.findUnique({ where: { groupId_userId: { groupId: node.map.groupId, userId: actor.userId } } }));
    if (!node || !membership) throw new AppError('NODE_NOT_FOUND', 'That node was not found. It may have been deleted.');
    await requireRole(db, node.map.groupId, actor.userId, roles);
    return node;
  }

  async function commentFor(commentId: string, actor: Actor, roles: readonly Role[]) {
    const comment = await db.comment.findUnique({ where: { id: commentId } });
    if (!comment || comment.deletedAt) throw new AppError('COMMENT_NOT_FOUND', 'That comment was not found. It may have been deleted.');
    const node = await nodeFor(comment.nodeId, actor, roles).catch((error: unknown) => {
      throw error instanceof AppError && error.code === 'NODE_NOT_FOUND' ? new AppError('COMMENT_NOT_FOUND', 'That comment was not found. It may have been deleted.') : error;
    });
    return { comment, mapId: node.mapId };
  }

  /** Writes a comment row and announces it in the same transaction. */
  const writeComment = (mapId: string, write: (tx: Tx) => Promise<CommentRow>) =>
    db.$transaction(async (tx) => {
      const row = await write(tx);
      await notifyChange(tx, { mapId, kind: 'comment', commentId: row.id });
      return row;
    });

  const ownOnly = (comment: { authorId: string }, actor: Actor) => {
    if (comment.authorId !== actor.userId) throw new AppError('FORBIDDEN', 'You can only change your own comments.');
  };

  return {
    async setStance(nodeId: string, actor: Actor, body: SetStanceBody): Promise<Stance> {
      const node = await nodeFor(nodeId, actor, DISCUSSING_ROLES);
      if (node.kind !== 'claim') throw new AppError('NOT_A_CLAIM', 'Positions are taken on claims only.');
      const data = { value: body.value, confidence: body.confidence, note: body.note ?? '' };
      const row = await db.$transaction(async (tx) => {
        const written = await tx.stance.upsert({
          where: { userId_nodeId: { userId: actor.userId, nodeId } },
          create: { userId: actor.userId, nodeId, ...data },
          update: data,
        });
        await notifyChange(tx, { mapId: node.mapId, kind: 'stance', userId: actor.userId, nodeId });
        return written;
      });
      return toStance(row);
    },

    /** Every member's stances on the map's claims, for any member to see. */
    async mapStances(mapId: string, actor: Actor): Promise<Stance[]> {
      const map = await db.map.findUnique({ where: { id: mapId } });
      const member = map && (await db.membership.findUnique({ where: { groupId_userId: { groupId: map.groupId, userId: actor.userId } } }));
      if (!map || !member) throw new AppError('MAP_NOT_FOUND', 'That map was not found. It may have been deleted.');
      const rows = await db.stance.findMany({ where: { node: { mapId } }, orderBy: [{ nodeId: 'asc' }, { userId: 'asc' }] });
      return rows.map(toStance);
    },

    /** The node's comments, oldest first; deleted ones only as placeholders for their replies. */
    async nodeComments(nodeId: string, actor: Actor): Promise<Comment[]> {
      await nodeFor(nodeId, actor, ANY_ROLE_LIST);
      return (await db.comment.findMany({ where: { nodeId }, orderBy: { createdAt: 'asc' } })).map(toComment);
    },

    /** Every comment of the map (for the open-thread counts on the canvas). */
    async mapComments(mapId: string, actor: Actor): Promise<Comment[]> {
      await this.mapStances(mapId, actor); // the same membership check
      return (await db.comment.findMany({ where: { node: { mapId } }, orderBy: { createdAt: 'asc' } })).map(toComment);
    },

    async post(nodeId: string, actor: Actor, body: PostCommentBody): Promise<Comment> {
      const node = await nodeFor(nodeId, actor, DISCUSSING_ROLES);
      if (body.parentId) {
        const parent = await db.comment.findUnique({ where: { id: body.parentId } });
        if (!parent || parent.nodeId !== nodeId || parent.deletedAt) {
          throw new AppError('COMMENT_NOT_FOUND', 'The comment you are replying to was not found on this node.');
        }
      }
      const data = { nodeId, authorId: actor.userId, parentId: body.parentId ?? null, body: body.body };
      return toComment(await writeComment(node.mapId, (tx) => tx.comment.create({ data })));
    },

    async edit(commentId: string, actor: Actor, body: EditCommentBody): Promise<Comment> {
      const { comment, mapId } = await commentFor(commentId, actor, DISCUSSING_ROLES);
      ownOnly(comment, actor);
      return toComment(await writeComment(mapId, (tx) => tx.comment.update({ where: { id: commentId }, data: { body: body.body } })));
    },

    /** Soft delete: the thread keeps its shape, so replies still answer something. */
    async remove(commentId: string, actor: Actor): Promise<void> {
      const { comment, mapId } = await commentFor(commentId, actor, DISCUSSING_ROLES);
      ownOnly(comment, actor);
      await writeComment(mapId, (tx) => tx.comment.update({ where: { id: commentId }, data: { deletedAt: new Date() } }));
    },

    /** Resolves the thread a comment belongs to (flag on its first comment); any discussing member may. */
    async resolve(commentId: string, actor: Actor, body: ResolveCommentBody): Promise<Comment> {
      const { comment, mapId } = await commentFor(commentId, actor, DISCUSSING_ROLES);
      let root = comment;
      while (root.parentId) root = (await db.comment.findUnique({ where: { id: root.parentId } })) ?? { ...root, parentId: null };
      return toComment(await writeComment(mapId, (tx) => tx.comment.update({ where: { id: root.id }, data: { resolved: body.resolved ?? true } })));
    },
  };
}

export type DiscussionService = ReturnType<typeof createDiscussionService>;

/**
 * The live message for a notified change, read now (so a comment's latest state, whatever its length), or null
 * when the row is gone. No role check: the relay sends it only to connections already admitted to the map.
 */
export async function readDiscussionMessage(db: Db, notice: DiscussionNotice): Promise<DiscussionMessage | null> {
  if (notice.kind === 'stance') {
    const row = await db.stance.findUnique({ where: { userId_nodeId: { userId: notice.userId, nodeId: notice.nodeId } } });
    return row && { type: 'stance', stance: toStance(row) };
  }
  const row = await db.comment.findUnique({ where: { id: notice.commentId } });
  return row && { type: 'comment', comment: toComment(row) };
}
