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
    async (request, reply) => {
      const body = await app.services.maps.snapshotBody(request.params.mapId, await request.actor());
      // Sent as it is: Fastify passes a Buffer through untouched, skipping the route's zod serializer (100 ms on a
      // 5,000-node map, every time). MapSnapshot stays the documented response; the body is made from the same
      // graph types (tests parse it with MapSnapshot).
      return reply.type('application/json; charset=utf-8').send(body as unknown as MapSnapshot);
    },
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
