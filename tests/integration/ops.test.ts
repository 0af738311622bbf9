import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SubmitOpsResult, type ErrorCode, type Op } from '@counterpoint/shared';
import { as, createMap, createTestApp, type TestContext } from '../helpers/app.js';
import { createTeam, expectApiError, expectNothingWritten, postOps } from '../helpers/api.js';
import {
  argumentDeleteOp,
  argumentOp,
  argumentUpdateOp,
  claimOp,
  edgeOp,
  edgeUpdateOp,
  moveOp,
  newId,
  nodeDeleteOp,
  nodeUpdateOp,
  noteOp,
  opsBatch,
  questionOp,
} from '../helpers/ops.js';

let ctx: TestContext;
let team: Awaited<ReturnType<typeof createTeam>>;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.db);
});
afterAll(async () => ctx.close());

const newMap = () => createMap(ctx.db, team.group.id);

/** Submits ops as the editor and expects them accepted. */
async function submit(mapId: string, ops: Op[], baseVersion = 0) {
  const response = await postOps(ctx.app, mapId, team.editor.id, opsBatch(ops, { baseVersion }));
  expect(response.statusCode, response.body).toBe(200);
  return SubmitOpsResult.parse(response.json());
}

describe('POST /api/maps/:mapId/ops — accepted batches', () => {
  it('writes the rows, logs each op with the next version and answers the versions', async () => {
    const map = await newMap();
    const [a, b] = [claimOp({ text: 'Wages fell', x: 10, y: 20 }), claimOp({ text: 'Strikes rose' })];
    const edge = edgeOp('supports', a.node.id, b.node.id, { label: 'hence' });
    const batch = opsBatch([a, b, edge], { clientSeq: 7 });
    const response = await postOps(ctx.app, map.id, team.editor.id, batch);
    expect(response.statusCode).toBe(200);
    expect(SubmitOpsResult.parse(response.json())).toEqual({ versions: [1, 2, 3], version: 3, duplicate: false, actorId: team.editor.id });

    expect(await ctx.db.node.findUniqueOrThrow({ where: { id: a.node.id } })).toMatchObject({
      mapId: map.id, kind: 'claim', text: 'Wages fell', x: 10, y: 20, authorId: team.editor.id, sourceId: null,
    });
    expect(await ctx.db.edge.findUniqueOrThrow({ where: { id: edge.edge.id } })).toMatchObject({
      mapId: map.id, kind: 'supports', label: 'hence', fromNodeId: a.node.id, toNodeId: b.node.id, toEdgeId: null, authorId: team.editor.id,
    });
    expect((await ctx.db.map.findUniqueOrThrow({ where: { id: map.id } })).version).toBe(3);
    const log = await ctx.db.opLog.findMany({ where: { mapId: map.id }, orderBy: { version: 'asc' } });
    expect(log.map((row) => [row.version, row.clientSeq, row.actorId, row.clientId])).toEqual(
      [1, 2, 3].map((v, i) => [v, 7 + i, team.editor.id, batch.clientId]),
    );
    expect(log.map((row) => row.op)).toEqual(batch.ops);
  });

  it('stamps the acting member as author, whatever the client claims', async () => {
    const map = await newMap();
    const op = claimOp();
    await submit(map.id, [{ ...op, node: { ...op.node, authorId: team.viewer.id } } as Op]);
    expect((await ctx.db.node.findUniqueOrThrow({ where: { id: op.node.id } })).authorId).toBe(team.editor.id);
  });

  it('stores undercuts of edges and of arguments, and premises in order', async () => {
    const map = await newMap();
    const [p1, p2, c, critic] = [claimOp(), claimOp(), claimOp(), claimOp()];
    const support = edgeOp('supports', p1.node.id, c.node.id);
    const argument = argumentOp(c.node.id, [p2.node.id, p1.node.id], { x: 5, y: 6 });
    const [onEdge, onArgument] = [edgeOp('undercuts', critic.node.id, support.edge.id), edgeOp('undercuts', critic.node.id, argument.argument.id)];
    await submit(map.id, [p1, p2, c, critic, support, argument, onEdge, onArgument]);

    expect(await ctx.db.edge.findUniqueOrThrow({ where: { id: onEdge.edge.id } })).toMatchObject({ toEdgeId: support.edge.id, toNodeId: null, toArgumentId: null });
    expect(await ctx.db.edge.findUniqueOrThrow({ where: { id: onArgument.edge.id } })).toMatchObject({ toArgumentId: argument.argument.id, toNodeId: null });
    const premises = await ctx.db.argumentPremise.findMany({ where: { argumentId: argument.argument.id }, orderBy: { position: 'asc' } });
    expect(premises.map((p) => p.nodeId)).toEqual([p2.node.id, p1.node.id]);
  });

  it('writes updates, moves and cascading deletes', async () => {
    const map = await newMap();
    const [p1, p2, c, q] = [claimOp(), claimOp(), claimOp(), questionOp()];
    const support = edgeOp('supports', p1.node.id, c.node.id);
    const answer = edgeOp('answers', c.node.id, q.node.id);
    const argument = argumentOp(c.node.id, [p1.node.id, p2.node.id]);
    const undercut = edgeOp('undercuts', p2.node.id, support.edge.id);
    await submit(map.id, [p1, p2, c, q, support, answer, argument, undercut]);
    await submit(map.id, [
      nodeUpdateOp(c.node.id, { text: 'reworded' }),
      moveOp({ id: p1.node.id, x: -40, y: 41 }, { id: argument.argument.id, x: 9, y: 8 }),
      edgeUpdateOp(support.edge.id, { kind: 'attacks', label: 'no' }),
      argumentUpdateOp(argument.argument.id, { label: 'together' }),
      nodeDeleteOp(p1.node.id),
    ], 8);

    expect(await ctx.db.node.findUniqueOrThrow({ where: { id: c.node.id } })).toMatchObject({ text: 'reworded' });
    expect(await ctx.db.node.findUnique({ where: { id: p1.node.id } })).toBeNull();
    expect(await ctx.db.edge.findMany({ where: { mapId: map.id }, select: { id: true } })).toEqual([{ id: answer.edge.id }]);
    const stored = await ctx.db.argument.findUniqueOrThrow({ where: { id: argument.argument.id }, include: { premises: true } });
    expect(stored).toMatchObject({ label: 'together', x: 9, y: 8 });
    expect(stored.premises.map((p) => [p.nodeId, p.position])).toEqual([[p2.node.id, 0]]);

    await submit(map.id, [argumentDeleteOp(argument.argument.id)], 13);
    expect(await ctx.db.argument.count({ where: { mapId: map.id } })).toBe(0);
    expect(await ctx.db.node.count({ where: { mapId: map.id } })).toBe(3);
  });
});

describe('POST /api/maps/:mapId/ops — rejected batches write nothing', () => {
  /** Builds a map with claims a, b, question q, note n, and a supports edge a→b; then `reject` must fail. */
  async function fixture() {
    const map = await newMap();
    const [a, b, q, n] = [claimOp(), claimOp(), questionOp(), noteOp()];
    const support = edgeOp('supports', a.node.id, b.node.id);
    await submit(map.id, [a, b, q, n, support]);
    return { map, ids: { a: a.node.id, b: b.node.id, q: q.node.id, n: n.node.id, support: support.edge.id } };
  }
  type Ids = Awaited<ReturnType<typeof fixture>>['ids'];

  const cases: [ErrorCode, (ids: Ids) => Op][] = [
    ['TARGET_NOT_FOUND', (ids) => edgeOp('supports', ids.a, newId())],
    ['NODE_NOT_FOUND', () => nodeUpdateOp(newId(), { text: 'x' })],
    ['EDGE_NOT_FOUND', () => edgeUpdateOp(newId(), { label: 'x' })],
    ['ARGUMENT_NOT_FOUND', () => argumentDeleteOp(newId())],
    ['DUPLICATE_ID', (ids) => claimOp({ id: ids.support })],
    ['EDGE_KIND_NOT_ALLOWED', (ids) => edgeOp('answers', ids.a, ids.b)],
    ['EDGE_KIND_NOT_ALLOWED', (ids) => edgeOp('undercuts', ids.a, ids.b)],
    ['SELF_LOOP', (ids) => edgeOp('attacks', ids.a, ids.a)],
    ['DUPLICATE_EDGE', (ids) => edgeOp('supports', ids.a, ids.b)],
    ['INVALID_ARGUMENT', (ids) => argumentOp(ids.a, [ids.q])],
    ['QUOTE_REQUIRED', (ids) => nodeUpdateOp(ids.a, { kind: 'evidence' })],
    ['EDGE_KIND_NOT_ALLOWED', (ids) => nodeUpdateOp(ids.b, { kind: 'note' })],
  ];

  it.each(cases)('answers %s with the index of the failing op', async (code, makeOp) => {
    const { map, ids } = await fixture();
    const batch = opsBatch([claimOp(), moveOp({ id: ids.a, x: 99, y: 99 }), makeOp(ids), claimOp()], { baseVersion: 5 });
    const response = await expectNothingWritten(ctx.db, () => postOps(ctx.app, map.id, team.editor.id, batch));
    expect(expectApiError(response, code).opIndex).toBe(2);
  });

  it('rejects an op on a node deleted by an earlier batch (422 NODE_NOT_FOUND)', async () => {
    const { map, ids } = await fixture();
    await submit(map.id, [nodeDeleteOp(ids.n)], 5);
    for (const op of [nodeUpdateOp(ids.n, { text: 'late edit' }), moveOp({ id: ids.n, x: 1, y: 1 }), nodeDeleteOp(ids.n)]) {
      const response = await expectNothingWritten(ctx.db, () => postOps(ctx.app, map.id, team.editor.id, opsBatch([op], { baseVersion: 5 })));
      expect(expectApiError(response, 'NODE_NOT_FOUND').opIndex).toBe(0);
    }
  });

  it('refuses a base version ahead of the map (409 BASE_VERSION_AHEAD), but accepts one behind it', async () => {
    const { map } = await fixture();
    const ahead = await expectNothingWritten(ctx.db, () => postOps(ctx.app, map.id, team.editor.id, opsBatch([claimOp()], { baseVersion: 6 })));
    expect(expectApiError(ahead, 'BASE_VERSION_AHEAD').message).toContain('5');
    expect((await submit(map.id, [claimOp()], 2)).versions).toEqual([6]);
  });

  it('refuses an id another map already uses (409 DUPLICATE_ID, not a client-sequence error)', async () => {
    const { ids } = await fixture();
    const other = await newMap();
    const response = await expectNothingWritten(ctx.db, () =>
      postOps(ctx.app, other.id, team.editor.id, opsBatch([claimOp(), claimOp({ id: ids.a })])),
    );
    expectApiError(response, 'DUPLICATE_ID');
  });

  it.each(['viewer', 'commenter'] as const)('forbids a %s to submit ops (403)', async (role) => {
    const { map } = await fixture();
    const response = await expectNothingWritten(ctx.db, () => postOps(ctx.app, map.id, team[role].id, opsBatch([claimOp()], { baseVersion: 5 })));
    expectApiError(response, 'FORBIDDEN');
  });

  it('answers a stranger and an unknown map with 404 MAP_NOT_FOUND, and nobody with 401', async () => {
    const { map } = await fixture();
    await expectNothingWritten(ctx.db, async () => {
      expectApiError(await postOps(ctx.app, map.id, team.stranger.id, opsBatch([claimOp()])), 'MAP_NOT_FOUND');
      expectApiError(await postOps(ctx.app, newId(), team.owner.id, opsBatch([claimOp()])), 'MAP_NOT_FOUND');
      const anonymous = await ctx.app.inject({ method: 'POST', url: `/api/maps/${map.id}/ops`, payload: opsBatch([claimOp()]) });
      expectApiError(anonymous, 'UNAUTHENTICATED');
    });
  });

  const valid = () => opsBatch([claimOp()]);
  it.each([
    ['no ops', { ...valid(), ops: [] }],
    ['a missing client id', { ...valid(), clientId: undefined }],
    ['a client id that is not a UUID', { ...valid(), clientId: 'tab-1' }],
    ['a base version of the wrong type', { ...valid(), baseVersion: '0' }],
    ['an unknown op type', { ...valid(), ops: [{ type: 'node.explode', id: newId() }] }],
    ['a node id that is not a UUID', { ...valid(), ops: [claimOp({ id: 'n1' })] }],
    ['a node without a kind', { ...valid(), ops: [{ type: 'node.create', node: { ...claimOp().node, kind: undefined } }] }],
    ['a coordinate out of bounds', { ...valid(), ops: [claimOp({ x: 1e7 })] }],
    ['an empty patch', { ...valid(), ops: [{ type: 'node.update', id: newId(), patch: {} }] }],
    ['an array instead of a batch', [claimOp()]],
  ])('rejects %s (400 VALIDATION_FAILED)', async (_what, payload) => {
    const map = await newMap();
    const response = await expectNothingWritten(ctx.db, () =>
      ctx.app.inject({ method: 'POST', url: `/api/maps/${map.id}/ops`, headers: as(team.editor.id), payload: payload as object }),
    );
    expectApiError(response, 'VALIDATION_FAILED');
  });

  it.each([
    ['malformed JSON', 'BAD_JSON', '{"baseVersion": 0, "ops": ['],
    ['a coordinate that overflows to Infinity', 'VALIDATION_FAILED', JSON.stringify(valid()).replace('"x":0', '"x":1e400')],
    ['a NUL character in a node text', 'VALIDATION_FAILED', JSON.stringify(opsBatch([claimOp({ text: 'a\u0000b' })]))],
  ] as const)('rejects %s (400 %s)', async (_what, code, payload) => {
    const map = await newMap();
    const response = await expectNothingWritten(ctx.db, () =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/maps/${map.id}/ops`,
        headers: { ...as(team.editor.id), 'content-type': 'application/json' },
        payload,
      }),
    );
    expectApiError(response, code);
  });
});
