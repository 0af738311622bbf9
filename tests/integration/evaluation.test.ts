import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Comparison, EvaluationResponse, compareReadings, evaluateGraph, graphFromLists, MapSnapshot } from '@counterpoint/shared';
import { as, createMap, createTestApp, type TestContext } from '../helpers/app.js';
import { createTeam, expectApiError, expectNothingWritten, postOps } from '../helpers/api.js';
import { claimOp, edgeOp, eventOp, newId, opsBatch, readingOp } from '../helpers/ops.js';

let ctx: TestContext;
let team: Awaited<ReturnType<typeof createTeam>>;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.db);
});
afterAll(async () => ctx.close());

const get = (url: string, userId?: string | null) =>
  ctx.app.inject({ method: 'GET', url, headers: userId ? as(userId) : {} });

/**
 * A small dispute built through the ops endpoint: a attacks b, b attacks c, u undercuts the attack a → b;
 * reading R1 holds a and b (and the attack), reading R2 holds b and c.
 */
async function disputeMap() {
  const map = await createMap(ctx.db, team.group.id, 'A dispute');
  const [a, b, c, u] = ['a', 'b', 'c', 'u'].map((text) => claimOp({ text }));
  const ab = edgeOp('attacks', a!.node.id, b!.node.id);
  const bc = edgeOp('attacks', b!.node.id, c!.node.id);
  const undercut = edgeOp('undercuts', u!.node.id, ab.edge.id);
  const event = eventOp();
  const r1 = readingOp(event.event.id, { nodeIds: [a!.node.id, b!.node.id], edgeIds: [ab.edge.id] }, { title: 'R1' });
  const r2 = readingOp(event.event.id, { nodeIds: [b!.node.id, c!.node.id], edgeIds: [bc.edge.id] }, { title: 'R2' });
  const response = await postOps(ctx.app, map.id, team.editor.id, opsBatch([a!, b!, c!, u!, ab, bc, undercut, event, r1, r2]));
  expect(response.statusCode).toBe(200);
  const ids = { a: a!.node.id, b: b!.node.id, c: c!.node.id, u: u!.node.id, ab: ab.edge.id };
  return { map, ids, r1: r1.reading.id, r2: r2.reading.id };
}

async function snapshotGraph(mapId: string) {
  return graphFromLists(MapSnapshot.parse((await get(`/api/maps/${mapId}`, team.owner.id)).json()));
}

describe('GET /api/maps/:mapId/evaluation', () => {
  it('answers the grounded labels of the whole map, with reasons and undercut inferences, to any member', async () => {
    const { map, ids } = await disputeMap();
    for (const member of [team.viewer, team.commenter, team.editor, team.owner]) {
      const response = await get(`/api/maps/${map.id}/evaluation`, member.id);
      expect(response.statusCode).toBe(200);
      const body = EvaluationResponse.parse(response.json());
      // u undercuts a → b, so b stands and knocks c out.
      expect(body).toEqual({
        mapId: map.id,
        version: 10,
        readingId: null,
        labels: { [ids.a]: 'in', [ids.b]: 'in', [ids.c]: 'out', [ids.u]: 'in' },
        reasons: { [ids.c]: [ids.b] },
        inferences: { [ids.ab]: 'out' },
      });
    }
  });

  it('answers one reading on its own: only its nodes and edges count', async () => {
    const { map, ids, r1, r2 } = await disputeMap();
    // Inside R1 nothing undercuts a → b, so b is out; R2 does not hold a, so b is in there.
    const one = EvaluationResponse.parse((await get(`/api/maps/${map.id}/evaluation?reading=${r1}`, team.viewer.id)).json());
    expect(one).toMatchObject({ readingId: r1, labels: { [ids.a]: 'in', [ids.b]: 'out' }, reasons: { [ids.b]: [ids.a] }, inferences: {} });
    const two = EvaluationResponse.parse((await get(`/api/maps/${map.id}/evaluation?reading=${r2}`, team.viewer.id)).json());
    expect(two).toMatchObject({ readingId: r2, labels: { [ids.b]: 'in', [ids.c]: 'out' } });
  });

  it('is the same function the browser runs, and follows edits', async () => {
    const { map, ids } = await disputeMap();
    const v = newId();
    const edit = await postOps(ctx.app, map.id, team.editor.id, opsBatch([claimOp({ id: v }), edgeOp('attacks', v, ids.u)], { baseVersion: 10 }));
    expect(edit.statusCode).toBe(200);
    const body = EvaluationResponse.parse((await get(`/api/maps/${map.id}/evaluation`, team.owner.id)).json());
    expect(body.version).toBe(12);
    // v defeats the undercutter: the attack a → b is back, b is out and c is reinstated.
    expect(body.labels).toMatchObject({ [ids.b]: 'out', [ids.c]: 'in', [ids.u]: 'out', [v]: 'in' });
    const { mapId: _m, version: _v, readingId: _r, ...evaluation } = body;
    expect(evaluation).toEqual(evaluateGraph(await snapshotGraph(map.id)));
  });

  it('writes nothing', async () => {
    const { map, r1 } = await disputeMap();
    await expectNothingWritten(ctx.db, () => get(`/api/maps/${map.id}/evaluation?reading=${r1}`, team.owner.id));
  });

  it('refuses a reading that is not one of this map (404 READING_UNKNOWN)', async () => {
    const { map } = await disputeMap();
    const other = await disputeMap();
    expectApiError(await get(`/api/maps/${map.id}/evaluation?reading=${newId()}`, team.owner.id), 'READING_UNKNOWN');
    expectApiError(await get(`/api/maps/${map.id}/evaluation?reading=${other.r1}`, team.owner.id), 'READING_UNKNOWN');
  });

  it('refuses a malformed reading or map id (400 VALIDATION_FAILED)', async () => {
    const { map } = await disputeMap();
    expectApiError(await get(`/api/maps/${map.id}/evaluation?reading=not-an-id`, team.owner.id), 'VALIDATION_FAILED');
    expectApiError(await get(`/api/maps/not-an-id/evaluation`, team.owner.id), 'VALIDATION_FAILED');
  });

  it('hides the map from non-members and unknown ids alike (404 MAP_NOT_FOUND), and needs an actor (401)', async () => {
    const { map, r1 } = await disputeMap();
    expectApiError(await get(`/api/maps/${map.id}/evaluation`, team.stranger.id), 'MAP_NOT_FOUND');
    expectApiError(await get(`/api/maps/${map.id}/evaluation?reading=${r1}`, team.stranger.id), 'MAP_NOT_FOUND');
    expectApiError(await get(`/api/maps/${newId()}/evaluation`, team.owner.id), 'MAP_NOT_FOUND');
    expectApiError(await get(`/api/maps/${map.id}/evaluation`, null), 'UNAUTHENTICATED');
  });
});

describe('GET /api/maps/:mapId/compare', () => {
  it('answers the comparison of two readings, as the shared compareReadings computes it', async () => {
    const { map, ids, r1, r2 } = await disputeMap();
    const response = await get(`/api/maps/${map.id}/compare?a=${r1}&b=${r2}`, team.viewer.id);
    expect(response.statusCode).toBe(200);
    const body = Comparison.parse(response.json());
    expect(body).toEqual(compareReadings(await snapshotGraph(map.id), [r1, r2]));
    expect(body.readings.map((r) => r.title)).toEqual(['R1', 'R2']);
    expect(body.agreements.map((x) => x.claimId)).toEqual([ids.b]);
    expect(body.only).toEqual([
      { readingId: r1, claimIds: [ids.a], evidenceIds: [] },
      { readingId: r2, claimIds: [ids.c], evidenceIds: [] },
    ]);
  });

  it('refuses the same reading twice, and a missing or malformed one (400 VALIDATION_FAILED)', async () => {
    const { map, r1 } = await disputeMap();
    const same = expectApiError(await get(`/api/maps/${map.id}/compare?a=${r1}&b=${r1}`, team.owner.id), 'VALIDATION_FAILED');
    expect(same.message).toMatch(/two different readings/);
    expectApiError(await get(`/api/maps/${map.id}/compare?a=${r1}`, team.owner.id), 'VALIDATION_FAILED');
    expectApiError(await get(`/api/maps/${map.id}/compare?a=${r1}&b=nope`, team.owner.id), 'VALIDATION_FAILED');
  });

  it('refuses a reading that is not one of this map (404 READING_UNKNOWN), whichever side it is on', async () => {
    const { map, r1 } = await disputeMap();
    const other = await disputeMap();
    expectApiError(await get(`/api/maps/${map.id}/compare?a=${r1}&b=${newId()}`, team.owner.id), 'READING_UNKNOWN');
    expectApiError(await get(`/api/maps/${map.id}/compare?a=${other.r2}&b=${r1}`, team.owner.id), 'READING_UNKNOWN');
  });

  it('hides the map from non-members (404 MAP_NOT_FOUND) and needs an actor (401), writing nothing', async () => {
    const { map, r1, r2 } = await disputeMap();
    await expectNothingWritten(ctx.db, async () => {
      expectApiError(await get(`/api/maps/${map.id}/compare?a=${r1}&b=${r2}`, team.stranger.id), 'MAP_NOT_FOUND');
      expectApiError(await get(`/api/maps/${newId()}/compare?a=${r1}&b=${r2}`, team.owner.id), 'MAP_NOT_FOUND');
      expectApiError(await get(`/api/maps/${map.id}/compare?a=${r1}&b=${r2}`, null), 'UNAUTHENTICATED');
      expect((await get(`/api/maps/${map.id}/compare?a=${r1}&b=${r2}`, team.owner.id)).statusCode).toBe(200);
    });
  });
});
