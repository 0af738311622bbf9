import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MapSnapshot, OpsSinceResult, SubmitOpsResult, selectQuote, type Op } from '@counterpoint/shared';
import { as, createMap, createSource, createTestApp, type TestContext } from '../helpers/app.js';
import { createTeam, expectApiError, expectNothingWritten, listsOf, postOps, replay } from '../helpers/api.js';
import {
  argumentOp,
  argumentUpdateOp,
  claimOp,
  edgeDeleteOp,
  edgeOp,
  edgeUpdateOp,
  eventOp,
  evidenceOp,
  moveOp,
  newId,
  nodeDeleteOp,
  nodeUpdateOp,
  opsBatch,
  questionOp,
  readingOp,
} from '../helpers/ops.js';

let ctx: TestContext;
let team: Awaited<ReturnType<typeof createTeam>>;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.db);
});
afterAll(async () => ctx.close());

const newMap = () => createMap(ctx.db, team.group.id);
const getOps = (mapId: string, query: string, userId?: string) =>
  ctx.app.inject({ method: 'GET', url: `/api/maps/${mapId}/ops${query}`, headers: userId ? as(userId) : {} });
const readLog = async (mapId: string) => OpsSinceResult.parse((await getOps(mapId, '?since=0', team.viewer.id)).json());
const snapshotOf = async (mapId: string) =>
  MapSnapshot.parse((await ctx.app.inject({ method: 'GET', url: `/api/maps/${mapId}`, headers: as(team.viewer.id) })).json());

async function accepted(mapId: string, userId: string, ops: Op[], options: Parameters<typeof opsBatch>[1] = {}) {
  const response = await postOps(ctx.app, mapId, userId, opsBatch(ops, options));
  expect(response.statusCode, response.body).toBe(200);
  return SubmitOpsResult.parse(response.json());
}

describe('versions and GET /api/maps/:mapId/ops?since=N', () => {
  it('gives each op the next version in order and returns exactly the ops after N, with who sent them', async () => {
    const map = await newMap();
    const [a, b, c] = [claimOp(), claimOp(), claimOp()];
    const first = opsBatch([a, b, edgeOp('attacks', a.node.id, b.node.id)], { clientSeq: 0 });
    const second = opsBatch([c, nodeUpdateOp(a.node.id, { text: 'owner edit' })], { baseVersion: 3, clientSeq: 40 });
    expect(SubmitOpsResult.parse((await postOps(ctx.app, map.id, team.editor.id, first)).json()).versions).toEqual([1, 2, 3]);
    expect(SubmitOpsResult.parse((await postOps(ctx.app, map.id, team.owner.id, second)).json())).toEqual({ versions: [4, 5], version: 5, duplicate: false, actorId: team.owner.id });

    const all = await readLog(map.id);
    expect(all.version).toBe(5);
    expect(all.ops.map((e) => [e.version, e.actorId, e.clientId, e.clientSeq])).toEqual([
      [1, team.editor.id, first.clientId, 0],
      [2, team.editor.id, first.clientId, 1],
      [3, team.editor.id, first.clientId, 2],
      [4, team.owner.id, second.clientId, 40],
      [5, team.owner.id, second.clientId, 41],
    ]);
    expect(all.ops.map((e) => e.op)).toEqual([...first.ops, ...second.ops]);

    const after3 = OpsSinceResult.parse((await getOps(map.id, '?since=3', team.commenter.id)).json());
    expect(after3.ops.map((e) => e.version)).toEqual([4, 5]);
    expect(OpsSinceResult.parse((await getOps(map.id, '?since=5', team.viewer.id)).json())).toEqual({ ops: [], version: 5 });
    const page = OpsSinceResult.parse((await getOps(map.id, '?since=1&limit=2', team.viewer.id)).json());
    expect([page.ops.map((e) => e.version), page.version]).toEqual([[2, 3], 5]);
    expect((await getOps(map.id, '', team.viewer.id)).json().ops).toHaveLength(5);
  });

  it('rejects a bad since or limit (400), hides the log from strangers (404) and refuses anonymous reads (401)', async () => {
    const map = await newMap();
    for (const query of ['?since=-1', '?since=abc', '?since=1.5', '?limit=0', '?limit=10001']) {
      expectApiError(await getOps(map.id, query, team.viewer.id), 'VALIDATION_FAILED');
    }
    expectApiError(await getOps(map.id, '?since=0', team.stranger.id), 'MAP_NOT_FOUND');
    expectApiError(await getOps(newId(), '?since=0', team.owner.id), 'MAP_NOT_FOUND');
    expectApiError(await getOps('x', '?since=0', team.owner.id), 'VALIDATION_FAILED');
    expectApiError(await getOps(map.id, '?since=0'), 'UNAUTHENTICATED');
  });
});

describe('the op log replays to the stored graph', () => {
  it('replaying GET ops from empty with applyOp equals GET /api/maps/:id, through edits by two members', async () => {
    const map = await newMap();
    const text = 'Stalin’s line in China: the bloc of four classes. Trotsky called it a betrayal.';
    const source = await createSource(ctx.db, team.group.id, text);
    const [c1, c2, c3, c4, q] = [claimOp({ x: 1, y: 2 }), claimOp(), claimOp(), claimOp(), questionOp()];
    const e = evidenceOp(selectQuote(source.id, text, 40, 48), { text: 'caption' });
    const support = edgeOp('supports', c1.node.id, c2.node.id);
    const argument = argumentOp(c2.node.id, [c1.node.id, e.node.id, c3.node.id]);
    const event = eventOp();
    const reading = readingOp(event.event.id, { nodeIds: [c3.node.id, c1.node.id], edgeIds: [support.edge.id] });
    const history: [string, Op[]][] = [
      [team.editor.id, [c1, c2, c3, c4, q, e, support, edgeOp('quotes', e.node.id, c2.node.id), edgeOp('answers', c2.node.id, q.node.id)]],
      [team.owner.id, [argument, edgeOp('undercuts', c3.node.id, support.edge.id), edgeOp('undercuts', c4.node.id, argument.argument.id), event, reading]],
      [team.editor.id, [nodeUpdateOp(c1.node.id, { text: 'reworded' }), moveOp({ id: argument.argument.id, x: -3, y: 4 }, { id: c2.node.id, x: 7, y: 7 })]],
      [team.owner.id, [edgeUpdateOp(support.edge.id, { kind: 'attacks' }), argumentUpdateOp(argument.argument.id, { label: 'jointly' })]],
      [team.editor.id, [nodeDeleteOp(c3.node.id), edgeDeleteOp(support.edge.id), claimOp(), nodeUpdateOp(e.node.id, { text: 'new caption' })]],
    ];
    let version = 0;
    for (const [actor, ops] of history) {
      version = (await accepted(map.id, actor, ops, { baseVersion: version })).version;
      // A refused batch in between leaves no trace in the log.
      expectApiError(await postOps(ctx.app, map.id, actor, opsBatch([claimOp(), edgeOp('undercuts', q.node.id, support.edge.id)])), 'EDGE_KIND_NOT_ALLOWED');
    }
    expect(version).toBe(22);

    const log = await readLog(map.id);
    expect(log.ops.map((entry) => entry.version)).toEqual(Array.from({ length: version }, (_, i) => i + 1));
    const { map: _map, version: snapshotVersion, ...lists } = await snapshotOf(map.id);
    expect(snapshotVersion).toBe(version);
    expect(lists).toEqual(listsOf(replay(log.ops)));
    expect(lists.arguments[0]!.premiseIds).toEqual([c1.node.id, e.node.id]);
    expect(lists.nodes.find((n) => n.id === c3.node.id)).toBeUndefined();
    expect(lists.edges.filter((edge) => edge.kind === 'undercuts').map((edge) => edge.fromId)).toEqual([c4.node.id]);
    expect(lists.readings).toMatchObject([{ id: reading.reading.id, nodeIds: [c1.node.id], edgeIds: [] }]);
  });
});

describe('retries', () => {
  it('answers a resent batch with the same versions and duplicate: true, and logs it once', async () => {
    const map = await newMap();
    const batch = opsBatch([claimOp(), claimOp()], { clientSeq: 100 });
    const first = await postOps(ctx.app, map.id, team.editor.id, batch);
    expect(first.json()).toEqual({ versions: [1, 2], version: 2, duplicate: false, actorId: team.editor.id });
    const again = await expectNothingWritten(ctx.db, () => postOps(ctx.app, map.id, team.editor.id, batch));
    expect(again.statusCode).toBe(200);
    expect(SubmitOpsResult.parse(again.json())).toEqual({ versions: [1, 2], version: 2, duplicate: true, actorId: team.editor.id });
    expect(await ctx.db.opLog.count({ where: { clientId: batch.clientId } })).toBe(2);
  });

  it('still recognises the retry after other ops moved the map on', async () => {
    const map = await newMap();
    const batch = opsBatch([claimOp()]);
    await accepted(map.id, team.editor.id, batch.ops, batch);
    await accepted(map.id, team.owner.id, [claimOp()], { baseVersion: 1 });
    const again = SubmitOpsResult.parse((await postOps(ctx.app, map.id, team.editor.id, batch)).json());
    expect(again).toMatchObject({ versions: [1], duplicate: true });
  });

  it('refuses different ops under client sequence numbers already used (409 CLIENT_SEQ_REUSED)', async () => {
    const map = await newMap();
    const other = await newMap();
    const batch = opsBatch([claimOp(), claimOp()], { clientSeq: 5 });
    await accepted(map.id, team.editor.id, batch.ops, batch);
    const reuses = [
      { ...batch, ops: [claimOp(), claimOp()] },
      { ...batch, ops: [batch.ops[0]!, claimOp()] },
      { ...batch, clientSeq: 6, ops: [claimOp(), claimOp()] },
      { ...batch, clientSeq: 4, ops: [claimOp(), claimOp(), claimOp()] },
    ];
    for (const reuse of reuses) {
      expectApiError(await expectNothingWritten(ctx.db, () => postOps(ctx.app, map.id, team.editor.id, reuse)), 'CLIENT_SEQ_REUSED');
    }
    expectApiError(await expectNothingWritten(ctx.db, () => postOps(ctx.app, other.id, team.editor.id, batch)), 'CLIENT_SEQ_REUSED');
  });
});

describe('concurrency', () => {
  it('commits two batches sent at once with distinct consecutive versions', async () => {
    const map = await newMap();
    const [one, two] = [opsBatch([claimOp(), claimOp(), claimOp()]), opsBatch([claimOp(), claimOp()])];
    const answers = await Promise.all([postOps(ctx.app, map.id, team.editor.id, one), postOps(ctx.app, map.id, team.owner.id, two)]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    const [r1, r2] = answers.map((a) => SubmitOpsResult.parse(a.json()));
    expect([...r1!.versions, ...r2!.versions].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5]);
    for (const r of [r1!, r2!]) expect(r.versions).toEqual(r.versions.map((_, i) => r.versions[0]! + i));
    expect(Math.max(r1!.version, r2!.version)).toBe(5);

    const log = await readLog(map.id);
    expect(log.ops.map((e) => e.version)).toEqual([1, 2, 3, 4, 5]);
    expect((await ctx.db.map.findUniqueOrThrow({ where: { id: map.id } })).version).toBe(5);
    const { map: _map, version: _version, ...lists } = await snapshotOf(map.id);
    expect(lists).toEqual(listsOf(replay(log.ops)));
  });

  it('applies one batch sent twice at once exactly once', async () => {
    const map = await newMap();
    const batch = opsBatch([claimOp(), claimOp()]);
    const answers = await Promise.all([0, 1].map(() => postOps(ctx.app, map.id, team.editor.id, batch)));
    const results = answers.map((a) => SubmitOpsResult.parse(a.json()));
    expect(results.map((r) => r.duplicate).sort()).toEqual([false, true]);
    expect(results.map((r) => r.versions)).toEqual([[1, 2], [1, 2]]);
    expect(await ctx.db.opLog.count({ where: { mapId: map.id } })).toBe(2);
  });
});
