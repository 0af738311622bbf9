import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Comment, EditCommentBody, Id, PostCommentBody, ResolveCommentBody, SetStanceBody, Stance } from '@counterpoint/shared';
import { createDiscussionService } from '../services/discussion-service.js';

const NodeParams = z.object({ nodeId: Id });
const MapParams = z.object({ mapId: Id });
const CommentParams = z.object({ commentId: Id });

/** Stances and comment threads; each change reaches the map's live connections through `map_events` (sync/discussion-relay.ts). */
const discussionRoutes: FastifyPluginAsyncZod = async (app) => {
  const discussion = createDiscussionService(app.db);

  app.put('/nodes/:nodeId/stance', { schema: { tags: ['discussion'], params: NodeParams, body: SetStanceBody, response: { 200: Stance } } }, async (request) =>
    discussion.setStance(request.params.nodeId, await request.actor(), request.body),
  );

  app.get('/maps/:mapId/stances', { schema: { tags: ['discussion'], params: MapParams, response: { 200: z.array(Stance) } } }, async (request) =>
    discussion.mapStances(request.params.mapId, await request.actor()),
  );

  app.get('/maps/:mapId/comments', { schema: { tags: ['discussion'], params: MapParams, response: { 200: z.array(Comment) } } }, async (request) =>
    discussion.mapComments(request.params.mapId, await request.actor()),
  );

  app.get('/nodes/:nodeId/comments', { schema: { tags: ['discussion'], params: NodeParams, response: { 200: z.array(Comment) } } }, async (request) =>
    discussion.nodeComments(request.params.nodeId, await request.actor()),
  );

  app.post(
    '/nodes/:nodeId/comments',
    { schema: { tags: ['discussion'], params: NodeParams, body: PostCommentBody, response: { 201: Comment } } },
    async (request, reply) => reply.code(201).send(await discussion.post(request.params.nodeId, await request.actor(), request.body)),
  );

  app.patch('/comments/:commentId', { schema: { tags: ['discussion'], params: CommentParams, body: EditCommentBody, response: { 200: Comment } } }, async (request) =>
    discussion.edit(request.params.commentId, await request.actor(), request.body),
  );

  app.delete('/comments/:commentId', { schema: { tags: ['discussion'], params: CommentParams, response: { 204: z.null() } } }, async (request, reply) => {
    await discussion.remove(request.params.commentId, await request.actor());
    return reply.code(204).send(null);
  });

  app.post(
    '/comments/:commentId/resolve',
    { schema: { tags: ['discussion'], params: CommentParams, body: ResolveCommentBody.optional(), response: { 200: Comment } } },
    async (request) => discussion.resolve(request.params.commentId, await request.actor(), request.body ?? {}),
  );
};
export default discussionRoutes;
