import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Group, MapSummary, Member } from '@counterpoint/shared';
import { as, createGroup, createMap, createTestApp, createUser, type TestContext } from '../helpers/app.js';
import { createTeam, expectApiError, expectNothingWritten } from '../helpers/api.js';
import { newId } from '../helpers/ops.js';

let ctx: TestContext;
let team: Awaited<ReturnType<typeof createTeam>>;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.db);
});
afterAll(async () => ctx.close());

const get = (url: string, userId?: string) => ctx.app.inject({ method: 'GET', url, headers: userId ? as(userId) : {} });
const createMapRequest = (groupId: string, userId: string | undefined, payload: unknown) =>
  ctx.app.inject({ method: 'POST', url: `/api/groups/${groupId}/maps`, headers: userId ? as(userId) : {}, payload: payload as object });

describe('GET /api/groups', () => {
  it('lists the groups the actor belongs to, oldest first, each with the actor’s role', async () => {
    const user = await createUser(ctx.db);
    const first = await createGroup(ctx.db, { viewer: user.id }, 'First');
    const second = await createGroup(ctx.db, { owner: user.id }, 'Second');
    await createGroup(ctx.db, { owner: team.owner.id }, 'Not theirs');

    const response = await get('/api/groups', user.id);
    expect(response.statusCode).toBe(200);
    const groups = z.array(Group).parse(response.json());
    expect(groups.map((g) => [g.id, g.name, g.role])).toEqual([
      [first.id, 'First', 'viewer'],
      [second.id, 'Second', 'owner'],
    ]);
    expect(groups[0]!.createdAt).toBe(first.createdAt.toISOString());
  });

  it('answers an empty list to a user in no group', async () => {
    const loner = await createUser(ctx.db);
    const response = await get('/api/groups', loner.id);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([]);
  });

  it('refuses an anonymous request (401 UNAUTHENTICATED)', async () => {
    expectApiError(await get('/api/groups'), 'UNAUTHENTICATED');
  });
});

describe('GET /api/groups/:groupId/maps', () => {
  it('lists the group’s maps, oldest first, to any member', async () => {
    const { group, viewer, owner } = await createTeam(ctx.db, 'Listing');
    const older = await createMap(ctx.db, group.id, 'Older');
    const newer = await createMap(ctx.db, group.id, 'Newer');
    await createMap(ctx.db, team.group.id, 'Elsewhere');
    await ctx.db.node.create({ data: { id: newId(), mapId: older.id, kind: 'claim', text: 'x', x: 0, y: 0 } });

    for (const member of [viewer, owner]) {
      const response = await get(`/api/groups/${group.id}/maps`, member.id);
      expect(response.statusCode).toBe(200);
      const maps = z.array(MapSummary).parse(response.json());
      expect(maps.map((m) => [m.id, m.title, m.nodeCount, m.version])).toEqual([
        [older.id, 'Older', 1, 0],
        [newer.id, 'Newer', 0, 0],
      ]);
    }
  });

  it('hides the group from a non-member and an unknown id alike (404 GROUP_NOT_FOUND)', async () => {
    await createMap(ctx.db, team.group.id, 'Secret plans');
    const stranger = expectApiError(await get(`/api/groups/${team.group.id}/maps`, team.stranger.id), 'GROUP_NOT_FOUND');
    const unknown = expectApiError(await get(`/api/groups/${newId()}/maps`, team.stranger.id), 'GROUP_NOT_FOUND');
    expect(stranger.message).toBe(unknown.message);
    expect(JSON.stringify(stranger)).not.toContain('Secret plans');
  });

  it('rejects a group id that is not a UUID (400) and an anonymous request (401)', async () => {
    const body = expectApiError(await get('/api/groups/42/maps', team.owner.id), 'VALIDATION_FAILED');
    expect(body.issues?.[0]?.path).toBe('params.groupId');
    expectApiError(await get(`/api/groups/${team.group.id}/maps`), 'UNAUTHENTICATED');
  });
});

describe('POST /api/groups/:groupId/maps', () => {
  it('creates a map at version 0 for an editor or owner and stores it', async () => {
    for (const member of [team.editor, team.owner]) {
      const response = await createMapRequest(team.group.id, member.id, { title: '  The 1925–27 debate  ', description: 'Who was right?' });
      expect(response.statusCode).toBe(201);
      const map = MapSummary.parse(response.json());
      expect(map).toMatchObject({ groupId: team.group.id, title: 'The 1925–27 debate', description: 'Who was right?', version: 0, nodeCount: 0 });
      const row = await ctx.db.map.findUniqueOrThrow({ where: { id: map.id } });
      expect(row).toMatchObject({ groupId: team.group.id, title: 'The 1925–27 debate', description: 'Who was right?', version: 0 });
      expect(row.createdAt.toISOString()).toBe(map.createdAt);
    }
  });

  it('defaults the description to empty', async () => {
    const response = await createMapRequest(team.group.id, team.editor.id, { title: 'Bare' });
    expect(response.statusCode).toBe(201);
    const row = await ctx.db.map.findUniqueOrThrow({ where: { id: MapSummary.parse(response.json()).id } });
    expect(row.description).toBe('');
  });

  it.each([
    ['no title', {}, 'body.title'],
    ['a blank title', { title: '   ' }, 'body.title'],
    ['a title of the wrong type', { title: 42 }, 'body.title'],
    ['a description of the wrong type', { title: 'Ok', description: ['no'] }, 'body.description'],
    ['an overlong title', { title: 'x'.repeat(201) }, 'body.title'],
  ])('rejects %s (400) and writes nothing', async (_what, payload, path) => {
    const response = await expectNothingWritten(ctx.db, () => createMapRequest(team.group.id, team.editor.id, payload));
    const body = expectApiError(response, 'VALIDATION_FAILED');
    expect(body.issues?.map((i) => i.path)).toContain(path);
  });

  it('rejects malformed JSON (400 BAD_JSON) and writes nothing', async () => {
    const response = await expectNothingWritten(ctx.db, () =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/groups/${team.group.id}/maps`,
        headers: { ...as(team.editor.id), 'content-type': 'application/json' },
        payload: '{"title": "unfinished',
      }),
    );
    expectApiError(response, 'BAD_JSON');
  });

  it.each(['viewer', 'commenter'] as const)('forbids a %s to create a map (403) and writes nothing', async (role) => {
    const response = await expectNothingWritten(ctx.db, () => createMapRequest(team.group.id, team[role].id, { title: 'Mine' }));
    expect(expectApiError(response, 'FORBIDDEN').message).toContain(role);
  });

  it('answers a non-member and an unknown group with 404, an anonymous request with 401, writing nothing', async () => {
    await expectNothingWritten(ctx.db, async () => {
      expectApiError(await createMapRequest(team.group.id, team.stranger.id, { title: 'Intruder' }), 'GROUP_NOT_FOUND');
      expectApiError(await createMapRequest(newId(), team.owner.id, { title: 'Nowhere' }), 'GROUP_NOT_FOUND');
      expectApiError(await createMapRequest(team.group.id, undefined, { title: 'Anonymous' }), 'UNAUTHENTICATED');
      expectApiError(await createMapRequest('not-a-uuid', team.owner.id, { title: 'Bad id' }), 'VALIDATION_FAILED');
    });
  });
});

describe('GET /api/groups/:groupId/members', () => {
  it('lists every member with name, colour and role to any member', async () => {
    const response = await get(`/api/groups/${team.group.id}/members`, team.viewer.id);
    expect(response.statusCode).toBe(200);
    const members = z.array(Member).parse(response.json());
    const byRole = Object.fromEntries(members.map((m) => [m.role, m.user.id]));
    expect(byRole).toEqual({ owner: team.owner.id, editor: team.editor.id, commenter: team.commenter.id, viewer: team.viewer.id });
  });

  it('hides the member list from a non-member (404) and an anonymous request (401)', async () => {
    expectApiError(await get(`/api/groups/${team.group.id}/members`, team.stranger.id), 'GROUP_NOT_FOUND');
    expectApiError(await get(`/api/groups/${team.group.id}/members`), 'UNAUTHENTICATED');
  });
});
