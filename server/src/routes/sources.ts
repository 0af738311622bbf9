import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CreateSourceBody, Id, SourceDetail, SourceSummary } from '@counterpoint/shared';

const sourceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/groups/:groupId/sources',
    { schema: { tags: ['sources'], params: z.object({ groupId: Id }), response: { 200: z.array(SourceSummary) } } },
    async (request) => app.services.sources.list(request.params.groupId, await request.actor()),
  );

  app.post(
    '/groups/:groupId/sources',
    {
      bodyLimit: 6 * 1024 * 1024,
      schema: { tags: ['sources'], params: z.object({ groupId: Id }), body: CreateSourceBody, response: { 201: SourceDetail } },
    },
    async (request, reply) => {
      const source = await app.services.sources.create(request.params.groupId, await request.actor(), request.body);
      return reply.code(201).send(source);
    },
  );

  app.get(
    '/sources/:sourceId',
    { schema: { tags: ['sources'], params: z.object({ sourceId: Id }), response: { 200: SourceDetail } } },
    async (request) => app.services.sources.get(request.params.sourceId, await request.actor()),
  );
};
export default sourceRoutes;
