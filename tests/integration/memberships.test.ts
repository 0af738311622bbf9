import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreatedInvitation, Group, InvitationPreview, Member } from '@counterpoint/shared';
import { as, createTestApp, createUser, type TestContext } from '../helpers/app.js';
import { createTeam, expectApiError } from '../helpers/api.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = (method: Method, url: string, userId?: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: userId ? as(userId) : {}, ...(payload ? { payload } : {}) });
const roleOf = async (groupId: string, userId: string) =>
  (await ctx.db.membership.findUnique({ where: { groupId_userId: { groupId, userId } } }))?.role ?? null;

async function invite(groupId: string, ownerId: string, role = 'editor', expiresInHours = 24) {
  const response = await call('POST', `/api/groups/${groupId}/invitations`, ownerId, { role, expiresInHours });
  expect(response.statusCode).toBe(201);
  return CreatedInvitation.parse(response.json());
}

describe('groups and invitations', () => {
  it('creates a group whose creator is its owner', async () => {
    const kim = await createUser(ctx.db);
    const response = await call('POST', '/api/groups', kim.id, { name: 'Tuesday readers' });
    expect(response.statusCode).toBe(201);
    const group = Group.parse(response.json());
    expect(group).toMatchObject({ name: 'Tuesday readers', role: 'owner' });
    const members = Member.array().parse((await call('GET', `/api/groups/${group.id}/members`, kim.id)).json());
    expect(members.map((m) => [m.user.id, m.role])).toEqual([[kim.id, 'owner']]);
  });

  it('joins through an invitation link once, with its role; a reused link is refused', async () => {
    const team = await createTeam(ctx.db, 'Invite group');
    const { token } = await invite(team.group.id, team.owner.id, 'commenter');
    const preview = InvitationPreview.parse((await call('GET', `/api/invitations/${token}`)).json());
    expect(preview).toMatchObject({ groupName: 'Invite group', role: 'commenter', invitedBy: team.owner.name });
    const newcomer = await createUser(ctx.db);
    const accepted = await call('POST', `/api/invitations/${token}/accept`, newcomer.id);
    expect(Group.parse(accepted.json())).toMatchObject({ id: team.group.id, role: 'commenter' });
    expect(await roleOf(team.group.id, newcomer.id)).toBe('commenter');

    const latecomer = await createUser(ctx.db);
    expectApiError(await call('POST', `/api/invitations/${token}/accept`, latecomer.id), 'INVITATION_USED');
    expectApiError(await call('GET', `/api/invitations/${token}`), 'INVITATION_USED');
    expect(await roleOf(team.group.id, latecomer.id)).toBeNull();
  });

  it('refuses an expired, unknown or anonymous acceptance, and an existing member, changing nothing', async () => {
    const team = await createTeam(ctx.db, 'Expiry group');
    const expired = await invite(team.group.id, team.owner.id);
    await ctx.db.invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const someone = await createUser(ctx.db);
    expectApiError(await call('POST', `/api/invitations/${expired.token}/accept`, someone.id), 'INVITATION_EXPIRED');
    expectApiError(await call('POST', `/api/invitations/not-a-real-token/accept`, someone.id), 'INVITATION_NOT_FOUND');
    const open = await invite(team.group.id, team.owner.id);
    expectApiError(await call('POST', `/api/invitations/${open.token}/accept`), 'UNAUTHENTICATED');
    expectApiError(await call('POST', `/api/invitations/${open.token}/accept`, team.viewer.id), 'ALREADY_MEMBER');
    expect(await roleOf(team.group.id, someone.id)).toBeNull();
    expect(await roleOf(team.group.id, team.viewer.id)).toBe('viewer');
    // The link was not used up by the refusals.
    expect((await call('POST', `/api/invitations/${open.token}/accept`, someone.id)).statusCode).toBe(200);
  });
});

describe('roles and members', () => {
  it('lets an owner change a role and remove a member; others may not', async () => {
    const team = await createTeam(ctx.db, 'Roles group');
    const url = (userId: string) => `/api/groups/${team.group.id}/members/${userId}`;
    expect((await call('PATCH', url(team.viewer.id), team.owner.id, { role: 'editor' })).statusCode).toBe(204);
    expect(await roleOf(team.group.id, team.viewer.id)).toBe('editor');
    expectApiError(await call('PATCH', url(team.commenter.id), team.editor.id, { role: 'owner' }), 'FORBIDDEN');
    expectApiError(await call('PATCH', url(team.commenter.id), team.stranger.id, { role: 'viewer' }), 'GROUP_NOT_FOUND');
    expectApiError(await call('PATCH', url(team.stranger.id), team.owner.id, { role: 'viewer' }), 'MEMBER_NOT_FOUND');
    expect(await roleOf(team.group.id, team.commenter.id)).toBe('commenter');
    expect((await call('DELETE', url(team.commenter.id), team.owner.id)).statusCode).toBe(204);
    expect(await roleOf(team.group.id, team.commenter.id)).toBeNull();
  });

  it('lets anyone leave, but never leaves a group without an owner', async () => {
    const team = await createTeam(ctx.db, 'Owner group');
    const url = (userId: string) => `/api/groups/${team.group.id}/members/${userId}`;
    expect((await call('DELETE', url(team.viewer.id), team.viewer.id)).statusCode).toBe(204);
    expectApiError(await call('DELETE', url(team.owner.id), team.owner.id), 'LAST_OWNER');
    expectApiError(await call('PATCH', url(team.owner.id), team.owner.id, { role: 'editor' }), 'LAST_OWNER');
    expect(await roleOf(team.group.id, team.owner.id)).toBe('owner');
    // With a second owner the first may step down.
    expect((await call('PATCH', url(team.editor.id), team.owner.id, { role: 'owner' })).statusCode).toBe(204);
    expect((await call('PATCH', url(team.owner.id), team.owner.id, { role: 'viewer' })).statusCode).toBe(204);
    expect(await roleOf(team.group.id, team.owner.id)).toBe('viewer');
  });

  it('only owners invite', async () => {
    const team = await createTeam(ctx.db, 'Inviters');
    for (const member of [team.editor, team.commenter, team.viewer]) {
      expectApiError(await call('POST', `/api/groups/${team.group.id}/invitations`, member.id, { role: 'viewer' }), 'FORBIDDEN');
    }
    expect(await ctx.db.invitation.count({ where: { groupId: team.group.id } })).toBe(0);
  });
});
