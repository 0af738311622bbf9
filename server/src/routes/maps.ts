import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  Id,
  MapSnapshot,
  MapSummary,
  OpsSinceQuery,
  OpsSinceResult,
  SubmitOpsBody,
  SubmitOpsResult,
  UpdateMapBody,
} from '@counterpoint/shared';

const MapParams = z.object({ mapId: Id });

const mapRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/maps/:mapId',
    { schema: { tags: ['maps'], params: MapParams, response: { 200: MapSnapshot } } },
    async (request) => app.services.maps.snapshot(request.params.mapId, await request.actor()),
  );

  app.patch(
    '/maps/:mapId',
    { schema: { tags: ['maps'], params: MapParams, body: UpdateMapBody, response: { 200: MapSummary } } },
    async (request) => app.services.maps.update(request.params.mapId, await request.actor(), request.body),
  );

  app.delete(
    '/maps/:mapId',
    { schema: { tags: ['maps'], params: MapParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await app.services.maps.remove(request.params.mapId, await request.actor());
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/maps/:mapId/ops',
    {
      // A whole imported map may arrive as one batch.
      bodyLimit: 20 * 1024 * 1024,
      schema: { tags: ['ops'], params: MapParams, body: SubmitOpsBody, response: { 200: SubmitOpsResult } },
    },
    async (request) => app.services.maps.submitOps(request.params.mapId, await request.actor(), request.body),
  );

  app.get(
    '/maps/:mapId/ops',
    { schema: { tags: ['ops'], params: MapParams, querystring: OpsSinceQuery, response: { 200: OpsSinceResult } } },
    async (request) =>
      app.services.maps.opsSince(request.params.mapId, await request.actor(), request.query.since, request.query.limit),
  );
};
export default mapRoutes;
