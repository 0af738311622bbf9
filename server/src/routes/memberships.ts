import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ChangeRoleBody, CreatedInvitation, CreateGroupBody, CreateInvitationBody, Group, Id, InvitationPreview } from '@counterpoint/shared';
import { createMembershipService } from '../services/membership-service.js';

const GroupParams = z.object({ groupId: Id });
const MemberParams = z.object({ groupId: Id, userId: Id });
const TokenParams = z.object({ token: z.string().min(1).max(200) });

/** Groups, invitations and members. Every rule (who may do what) is the membership service's. */
const membershipRoutes: FastifyPluginAsyncZod = async (app) => {
  const memberships = createMembershipService(app.db);

  app.post('/groups', { schema: { tags: ['groups'], body: CreateGroupBody, response: { 201: Group } } }, async (request, reply) =>
    reply.code(201).send(await memberships.createGroup(await request.actor(), request.body)),
  );

  app.post(
    '/groups/:groupId/invitations',
    { schema: { tags: ['groups'], params: GroupParams, body: CreateInvitationBody, response: { 201: CreatedInvitation } } },
    async (request, reply) =>
      reply.code(201).send(await memberships.createInvitation(request.params.groupId, await request.actor(), request.body)),
  );

  // Open to visitors: someone following a link sees what they are invited to before signing up.
  app.get('/invitations/:token', { schema: { tags: ['groups'], params: TokenParams, response: { 200: InvitationPreview } } }, async (request) =>
    memberships.previewInvitation(request.params.token),
  );

  app.post('/invitations/:token/accept', { schema: { tags: ['groups'], params: TokenParams, response: { 200: Group } } }, async (request) =>
    memberships.acceptInvitation(request.params.token, await request.actor()),
  );

  app.patch(
    '/groups/:groupId/members/:userId',
    { schema: { tags: ['groups'], params: MemberParams, body: ChangeRoleBody, response: { 204: z.null() } } },
    async (request, reply) => {
      await memberships.changeRole(request.params.groupId, request.params.userId, await request.actor(), request.body);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/groups/:groupId/members/:userId',
    { schema: { tags: ['groups'], params: MemberParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await memberships.removeMember(request.params.groupId, request.params.userId, await request.actor());
      return reply.code(204).send(null);
    },
  );
};
export default membershipRoutes;
