import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Id, SearchQuery, SearchResult } from '@counterpoint/shared';

const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/groups/:groupId/search',
    {
      schema: {
        tags: ['search'],
        description: 'Full-text search of the group’s claims, evidence, questions, notes and source passages, best first, with highlighted snippets.',
        params: z.object({ groupId: Id }),
        querystring: SearchQuery,
        response: { 200: SearchResult },
      },
    },
    async (request) => app.services.search.search(request.params.groupId, await request.actor(), request.query.q, request.query.limit),
  );
};
export default searchRoutes;
