import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MapSnapshot, MapSummary } from '@counterpoint/shared';
import { as, createMap, createSource, createTestApp, type TestContext } from '../helpers/app.js';
import { createTeam, expectApiError, expectNothingWritten, postOps } from '../helpers/api.js';
import { argumentOp, claimOp, edgeOp, evidenceOp, newId, opsBatch, questionOp, quoteOf } from '../helpers/ops.js';

let ctx: TestContext;
let team: Awaited<ReturnType<typeof createTeam>>;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.db);
});
afterAll(async () => ctx.close());

const request = (method: 'GET' | 'PATCH' | 'DELETE', mapId: string, userId?: string, payload?: object) =>
  ctx.app.inject({ method, url: `/api/maps/${mapId}`, headers: userId ? as(userId) : {}, ...(payload && { payload }) });

/** A map with one of everything, built through the ops endpoint. */
async function populatedMap() {
  const map = await createMap(ctx.db, team.group.id, 'Populated');
  const source = await createSource(ctx.db, team.group.id, 'The bloc with the Kuomintang was a mistake.');
  const [premise, conclusion, question] = [claimOp({ x: 1.5, y: -2 }), claimOp(), questionOp()];
  const evidence = evidenceOp(quoteOf(source.id, 'The bloc', 0), { text: 'Trotsky, 1927' });
  const support = edgeOp('supports', premise.node.id, conclusion.node.id, { label: 'so' });
  const ops = [premise, conclusion, question, evidence, support, edgeOp('quotes', evidence.node.id, conclusion.node.id),
    edgeOp('answers', conclusion.node.id, question.node.id), edgeOp('undercuts', evidence.node.id, support.edge.id),
    argumentOp(conclusion.node.id, [premise.node.id, evidence.node.id], { label: 'jointly' })];
  const response = await postOps(ctx.app, map.id, team.editor.id, opsBatch(ops));
  expect(response.statusCode).toBe(200);
  return { map, ops };
}

describe('GET /api/maps/:mapId', () => {
  it('answers the whole graph at the current version, as stored, to any member', async () => {
    const { map, ops } = await populatedMap();
    for (const member of [team.viewer, team.commenter, team.owner]) {
      const response = await request('GET', map.id, member.id);
      expect(response.statusCode).toBe(200);
      const snapshot = MapSnapshot.parse(response.json());
      expect(snapshot.version).toBe(ops.length);
      expect(snapshot.map).toMatchObject({ id: map.id, title: 'Populated', version: ops.length, nodeCount: 4 });
      expect([snapshot.nodes.length, snapshot.edges.length, snapshot.arguments.length]).toEqual([4, 4, 1]);

      const nodes = await ctx.db.node.findMany({ where: { mapId: map.id } });
      expect(snapshot.nodes.map((n) => [n.id, n.kind, n.text, n.x, n.y, n.authorId]).sort()).toEqual(
        nodes.map((n) => [n.id, n.kind, n.text, n.x, n.y, n.authorId]).sort(),
      );
      expect(snapshot.nodes.every((n) => n.authorId === team.editor.id)).toBe(true);
      const argument = await ctx.db.argument.findFirstOrThrow({ where: { mapId: map.id }, include: { premises: true } });
      expect(snapshot.arguments[0]).toMatchObject({ id: argument.id, label: 'jointly', conclusionId: argument.conclusionId });
      expect(snapshot.arguments[0]!.premiseIds).toEqual([...argument.premises].sort((a, b) => a.position - b.position).map((p) => p.nodeId));
    }
  });

  it('answers an empty graph for a new map', async () => {
    const map = await createMap(ctx.db, team.group.id, 'Empty');
    const snapshot = MapSnapshot.parse((await request('GET', map.id, team.viewer.id)).json());
    expect(snapshot).toMatchObject({ version: 0, nodes: [], edges: [], arguments: [] });
  });

  it('hides a map from a non-member exactly as if it did not exist (404 MAP_NOT_FOUND)', async () => {
    const { map } = await populatedMap();
    const hidden = expectApiError(await request('GET', map.id, team.stranger.id), 'MAP_NOT_FOUND');
    const missing = expectApiError(await request('GET', newId(), team.owner.id), 'MAP_NOT_FOUND');
    expect(hidden.message).toBe(missing.message);
    expect(JSON.stringify(hidden)).not.toContain('Populated');
  });

  it('rejects a map id that is not a UUID (400) and an anonymous request (401)', async () => {
    const map = await createMap(ctx.db, team.group.id);
    expectApiError(await request('GET', 'map-1', team.owner.id), 'VALIDATION_FAILED');
    expectApiError(await request('GET', map.id), 'UNAUTHENTICATED');
  });
});

describe('PATCH /api/maps/:mapId', () => {
  it('renames and redescribes a map for an editor, leaving its version alone', async () => {
    const { map, ops } = await populatedMap();
    const response = await request('PATCH', map.id, team.editor.id, { title: ' Renamed ', description: 'Now with context' });
    expect(response.statusCode).toBe(200);
    const summary = MapSummary.parse(response.json());
    expect(summary).toMatchObject({ id: map.id, title: 'Renamed', description: 'Now with context', version: ops.length, nodeCount: 4 });
    const row = await ctx.db.map.findUniqueOrThrow({ where: { id: map.id } });
    expect(row).toMatchObject({ title: 'Renamed', description: 'Now with context', version: ops.length });
    expect(row.updatedAt.getTime()).toBeGreaterThan(map.updatedAt.getTime());
  });

  it('changes only the field given', async () => {
    const map = await createMap(ctx.db, team.group.id, 'Keep me');
    expect((await request('PATCH', map.id, team.owner.id, { description: 'only this' })).statusCode).toBe(200);
    expect(await ctx.db.map.findUniqueOrThrow({ where: { id: map.id } })).toMatchObject({ title: 'Keep me', description: 'only this' });
  });

  it.each([
    ['an empty patch', {}],
    ['only unknown fields', { colour: 'red' }],
    ['a blank title', { title: ' ' }],
    ['a title of the wrong type', { title: false }],
    ['an overlong description', { description: 'x'.repeat(2001) }],
  ])('rejects %s (400) and writes nothing', async (_what, payload) => {
    const map = await createMap(ctx.db, team.group.id);
    const response = await expectNothingWritten(ctx.db, () => request('PATCH', map.id, team.editor.id, payload));
    expectApiError(response, 'VALIDATION_FAILED');
  });

  it('refuses viewers, commenters (403), strangers, unknown maps (404) and anonymous requests (401), writing nothing', async () => {
    const map = await createMap(ctx.db, team.group.id, 'Untouched');
    await expectNothingWritten(ctx.db, async () => {
      expectApiError(await request('PATCH', map.id, team.viewer.id, { title: 'x' }), 'FORBIDDEN');
      expectApiError(await request('PATCH', map.id, team.commenter.id, { title: 'x' }), 'FORBIDDEN');
      expectApiError(await request('PATCH', map.id, team.stranger.id, { title: 'x' }), 'MAP_NOT_FOUND');
      expectApiError(await request('PATCH', newId(), team.owner.id, { title: 'x' }), 'MAP_NOT_FOUND');
      expectApiError(await request('PATCH', map.id, undefined, { title: 'x' }), 'UNAUTHENTICATED');
    });
  });
});

describe('DELETE /api/maps/:mapId', () => {
  it('deletes the map with its nodes, edges, arguments and op log, and nothing of other maps', async () => {
    const { map } = await populatedMap();
    const { map: other, ops: otherOps } = await populatedMap();
    const response = await request('DELETE', map.id, team.editor.id);
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');

    expect(await ctx.db.map.findUnique({ where: { id: map.id } })).toBeNull();
    const where = { mapId: map.id };
    expect(await Promise.all([ctx.db.node.count({ where }), ctx.db.edge.count({ where }), ctx.db.argument.count({ where }), ctx.db.opLog.count({ where })])).toEqual([0, 0, 0, 0]);
    const kept = { mapId: other.id };
    expect(await Promise.all([ctx.db.node.count({ where: kept }), ctx.db.edge.count({ where: kept }), ctx.db.opLog.count({ where: kept })])).toEqual([4, 4, otherOps.length]);
    expect(await ctx.db.source.count({ where: { groupId: team.group.id } })).toBeGreaterThan(0);

    expectApiError(await request('GET', map.id, team.editor.id), 'MAP_NOT_FOUND');
    expectApiError(await request('DELETE', map.id, team.editor.id), 'MAP_NOT_FOUND');
  });

  it('refuses viewers, commenters (403), strangers, unknown maps (404) and anonymous requests (401), deleting nothing', async () => {
    const { map } = await populatedMap();
    await expectNothingWritten(ctx.db, async () => {
      expectApiError(await request('DELETE', map.id, team.viewer.id), 'FORBIDDEN');
      expectApiError(await request('DELETE', map.id, team.commenter.id), 'FORBIDDEN');
      expectApiError(await request('DELETE', map.id, team.stranger.id), 'MAP_NOT_FOUND');
      expectApiError(await request('DELETE', newId(), team.owner.id), 'MAP_NOT_FOUND');
      expectApiError(await request('DELETE', 'nope', team.owner.id), 'VALIDATION_FAILED');
      expectApiError(await request('DELETE', map.id), 'UNAUTHENTICATED');
    });
  });
});
