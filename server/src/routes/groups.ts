import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CreateMapBody, Group, Id, MapSummary, Member } from '@counterpoint/shared';

const GroupParams = z.object({ groupId: Id });

const groupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/groups', { schema: { tags: ['groups'], response: { 200: z.array(Group) } } }, async (request) =>
    app.services.groups.listForActor(await request.actor()),
  );

  app.get(
    '/groups/:groupId/members',
    { schema: { tags: ['groups'], params: GroupParams, response: { 200: z.array(Member) } } },
    async (request) => app.services.groups.members(request.params.groupId, await request.actor()),
  );

  app.get(
    '/groups/:groupId/maps',
    { schema: { tags: ['maps'], params: GroupParams, response: { 200: z.array(MapSummary) } } },
    async (request) => app.services.maps.list(request.params.groupId, await request.actor()),
  );

  app.post(
    '/groups/:groupId/maps',
    { schema: { tags: ['maps'], params: GroupParams, body: CreateMapBody, response: { 201: MapSummary } } },
    async (request, reply) => {
      const map = await app.services.maps.create(request.params.groupId, await request.actor(), request.body);
      return reply.code(201).send(map);
    },
  );
};
export default groupRoutes;
