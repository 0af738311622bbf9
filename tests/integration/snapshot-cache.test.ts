import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphToLists, MapSnapshot, type Op } from '@counterpoint/shared';
import { prismaSession } from '../../server/src/db/sql-session.js';
import { loadGraph } from '../../server/src/repositories/graph-repository.js';
import { createMapService } from '../../server/src/services/map-service.js';
import { as, createMap, createSource, createTestApp, createUser, type TestContext } from '../helpers/app.js';
import { createTeam, expectApiError, postOps, replay } from '../helpers/api.js';
import {
  argumentOp,
  claimOp,
  edgeOp,
  eventOp,
  evidenceOp,
  moveOp,
  nodeDeleteOp,
  nodeUpdateOp,
  opsBatch,
  questionOp,
  quoteOf,
  readingOp,
} from '../helpers/ops.js';

/**
 * GET /api/maps/:mapId answers from the per-map graph cache when it holds the map's current version, and sends a
 * body serialised once per version. Whatever path answers, the body must be the map as the database holds it.
 */
let ctx: TestContext;
let team: Awaited<ReturnType<typeof createTeam>>;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.db);
});
afterAll(async () => ctx.close());

const getSnapshot = async (mapId: string, userId = team.viewer.id) => {
  const response = await ctx.app.inject({ method: 'GET', url: `/api/maps/${mapId}`, headers: as(userId) });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  return MapSnapshot.parse(response.json());
};

/** The map as the database holds it, read without any cache, in the snapshot's order. */
async function freshLoad(mapId: string) {
  return ctx.db.$transaction(async (tx) => {
    const map = await tx.map.findUniqueOrThrow({ where: { id: mapId } });
    return { title: map.title, graph: { version: map.version, ...graphToLists(await loadGraph(prismaSession(tx), mapId)) } };
  });
}

async function expectSnapshotIsStored(mapId: string) {
  const snapshot = await getSnapshot(mapId);
  const { title, graph } = await freshLoad(mapId);
  expect(snapshot).toEqual({ map: snapshot.map, ...graph });
  expect(snapshot.map).toMatchObject({ id: mapId, version: graph.version, title, nodeCount: graph.nodes.length });
  return snapshot;
}

/** A map with one of everything, with text JSON must escape, built through the ops endpoint. */
async function populatedMap(title = 'Cached') {
  const map = await createMap(ctx.db, team.group.id, title);
  const source = await createSource(ctx.db, team.group.id, 'The bloc with the Kuomintang was a mistake.');
  const [premise, conclusion] = [claimOp({ text: 'Quotes " and \\ and\nnewlines, tabs\t, émigré, 中文, 🙂', x: 1.5, y: -2.25 }), claimOp({ x: 1e-7, y: 123456.789 })];
  const evidence = evidenceOp({ ...quoteOf(source.id, 'The bloc', 0), suffix: ' with' }, { text: 'Trotsky, 1927' });
  const support = edgeOp('supports', premise.node.id, conclusion.node.id, { label: 'so </script>' });
  const event = eventOp();
  const ops: Op[] = [premise, conclusion, questionOp(), evidence, support, edgeOp('attacks', evidence.node.id, premise.node.id),
    edgeOp('undercuts', evidence.node.id, support.edge.id), argumentOp(conclusion.node.id, [evidence.node.id, premise.node.id], { label: 'jointly' }),
    event, readingOp(event.event.id, { nodeIds: [conclusion.node.id, premise.node.id], edgeIds: [support.edge.id] })];
  const response = await postOps(ctx.app, map.id, team.editor.id, opsBatch(ops));
  expect(response.statusCode).toBe(200);
  return { map, ops, premise, conclusion };
}

describe('the snapshot of a map', () => {
  it('is the graph the op log replays to, read from the database and from the cache alike', async () => {
    const { map } = await populatedMap();
    const log = await ctx.db.opLog.findMany({ where: { mapId: map.id }, orderBy: { version: 'asc' } });
    const replayed = graphToLists(replay(log.map((row) => ({ ...row, op: row.op as Op, createdAt: row.createdAt.toISOString() }))));
    // Straight from the database (one statement of JSON built by PostgreSQL): every field as applyOp makes it.
    expect(await freshLoad(map.id)).toEqual({ title: 'Cached', graph: { version: log.length, ...replayed } });
    // First GET (the write path cached its graph), then again (the body memoised): both the same.
    const first = await expectSnapshotIsStored(map.id);
    expect(first).toEqual(await getSnapshot(map.id));
    expect(first).toMatchObject(replayed);
  });

  it('is the same text from the route as the service’s snapshot object', async () => {
    const { map } = await populatedMap();
    const response = await ctx.app.inject({ method: 'GET', url: `/api/maps/${map.id}`, headers: as(team.owner.id) });
    const object = await ctx.app.services.maps.snapshot(map.id, { userId: team.owner.id });
    expect(response.body).toBe(JSON.stringify(object));
    expect(MapSnapshot.parse(JSON.parse(response.body))).toEqual(object);
  });

  it('follows edits through this instance', async () => {
    const { map, premise, conclusion, ops } = await populatedMap();
    await expectSnapshotIsStored(map.id);
    let version = ops.length;
    for (const op of [moveOp({ id: premise.node.id, x: 10, y: 20 }), nodeUpdateOp(conclusion.node.id, { text: 'Changed' }), nodeDeleteOp(premise.node.id)]) {
      const response = await postOps(ctx.app, map.id, team.editor.id, opsBatch([op], { baseVersion: version }));
      expect(response.statusCode).toBe(200);
      version += 1;
      const snapshot = await expectSnapshotIsStored(map.id);
      expect(snapshot.version).toBe(version);
    }
    const last = await getSnapshot(map.id);
    expect(last.nodes.find((n) => n.id === premise.node.id)).toBeUndefined();
    expect(last.nodes.find((n) => n.id === conclusion.node.id)?.text).toBe('Changed');
  });

  it('follows edits another server instance committed (its own cache, same database)', async () => {
    const { map, conclusion, ops } = await populatedMap();
    const cached = await expectSnapshotIsStored(map.id);
    const otherInstance = createMapService(ctx.db, ctx.database.pool);
    await otherInstance.submitOps(map.id, { userId: team.editor.id }, opsBatch([nodeUpdateOp(conclusion.node.id, { text: 'Edited elsewhere' })], { baseVersion: ops.length }));
    const after = await expectSnapshotIsStored(map.id);
    expect(after.version).toBe(cached.version + 1);
    expect(after.nodes.find((n) => n.id === conclusion.node.id)?.text).toBe('Edited elsewhere');
    // And the other way round: this instance edits, the other one (whose cache is now behind) reads.
    const response = await postOps(ctx.app, map.id, team.editor.id, opsBatch([nodeUpdateOp(conclusion.node.id, { text: 'Back here' })], { baseVersion: after.version }));
    expect(response.statusCode).toBe(200);
    const seenThere = await otherInstance.snapshot(map.id, { userId: team.viewer.id });
    expect(seenThere).toEqual({ map: seenThere.map, ...(await freshLoad(map.id)).graph });
    expect(seenThere.nodes.find((n) => n.id === conclusion.node.id)?.text).toBe('Back here');
  });

  it('follows a batch applied inside another transaction (submitOpsInTransaction), and one rolled back', async () => {
    const { map, conclusion, ops } = await populatedMap();
    await expectSnapshotIsStored(map.id);
    const maps = ctx.app.services.maps;
    await ctx.db.$transaction((tx) =>
      maps.submitOpsInTransaction(tx, map.id, { userId: team.editor.id }, opsBatch([nodeUpdateOp(conclusion.node.id, { text: 'Re-anchored' })], { baseVersion: ops.length })),
    );
    const after = await expectSnapshotIsStored(map.id);
    expect(after.nodes.find((n) => n.id === conclusion.node.id)?.text).toBe('Re-anchored');

    // Read while the transaction is open (its write not visible), then roll it back: the reads stay right.
    await expect(
      ctx.db.$transaction(async (tx) => {
        await maps.submitOpsInTransaction(tx, map.id, { userId: team.editor.id }, opsBatch([nodeUpdateOp(conclusion.node.id, { text: 'Never committed' })], { baseVersion: after.version }));
        expect((await maps.snapshot(map.id, { userId: team.viewer.id })).version).toBe(after.version);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const final = await expectSnapshotIsStored(map.id);
    expect(final.version).toBe(after.version);
    expect(final.nodes.find((n) => n.id === conclusion.node.id)?.text).toBe('Re-anchored');
  });

  it('shows a new title at once, though the graph (and its version) did not change', async () => {
    const { map } = await populatedMap();
    const before = await getSnapshot(map.id);
    const patched = await ctx.app.inject({ method: 'PATCH', url: `/api/maps/${map.id}`, headers: as(team.editor.id), payload: { title: 'Renamed' } });
    expect(patched.statusCode).toBe(200);
    const after = await getSnapshot(map.id);
    expect(after.map.title).toBe('Renamed');
    expect(after.version).toBe(before.version);
    expect({ ...after, map: null }).toEqual({ ...before, map: null });
  });

  it('is hidden from a non-member once cached too (404 MAP_NOT_FOUND), and open to a viewer', async () => {
    const { map } = await populatedMap();
    await getSnapshot(map.id, team.viewer.id);
    const stranger = await createUser(ctx.db);
    const response = await ctx.app.inject({ method: 'GET', url: `/api/maps/${map.id}`, headers: as(stranger.id) });
    expectApiError(response, 'MAP_NOT_FOUND');
    expect(response.body).not.toContain('nodes');
    await expect(ctx.app.services.maps.snapshot(map.id, { userId: stranger.id })).rejects.toMatchObject({ code: 'MAP_NOT_FOUND' });
    await getSnapshot(map.id, team.viewer.id);
  });

  it('hands out lists no reader can change for the next one', async () => {
    const { map } = await populatedMap();
    const snapshot = await ctx.app.services.maps.snapshot(map.id, { userId: team.viewer.id });
    expect(() => (snapshot.nodes as unknown[]).push(null)).toThrow(TypeError);
    expect(() => snapshot.nodes.sort()).toThrow(TypeError);
  });
});
