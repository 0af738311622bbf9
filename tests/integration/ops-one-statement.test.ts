import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyOps, emptyGraph, GraphDraft, graphToLists, type Graph, type Op, type SubmitOpsBody } from '@counterpoint/shared';
import { prismaSession } from '../../server/src/db/sql-session.js';
import { loadGraph } from '../../server/src/repositories/graph-repository.js';
import type { QueuedBatch } from '../../server/src/services/group-commit.js';
import { startOneStatementCommit } from '../../server/src/services/one-statement-commit.js';
import { createMap } from '../helpers/app.js';
import { createTeam } from '../helpers/api.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { claimOp, edgeOp, moveOp, nodeDeleteOp, opsBatch } from '../helpers/ops.js';

/**
 * The one-statement commit (server/src/services/one-statement-commit.ts) on its own, against the real database:
 * what it commits must be exactly what the transaction path would, and whenever it cannot be sure — a stale
 * cache, a role taken away, a retried batch, a kind of change it does not write — it must write nothing and
 * answer null, so the transaction path decides.
 */
let database: TestDatabase;
let team: Awaited<ReturnType<typeof createTeam>>;

beforeAll(async () => {
  database = await createTestDatabase();
  team = await createTeam(database.db);
});
afterAll(async () => database.drop());

const asEditor = (batch: SubmitOpsBody): QueuedBatch => ({ actor: { userId: team.editor.id }, batch });
const stored = (mapId: string) => database.db.$transaction((tx) => loadGraph(prismaSession(tx), mapId));
const versionOf = async (mapId: string) => (await database.db.map.findUniqueOrThrow({ where: { id: mapId } })).version;
const logOf = (mapId: string) => database.db.opLog.findMany({ where: { mapId }, orderBy: { version: 'asc' } });

/** A map whose graph (version 0, empty) the caller holds as the cache would. */
async function emptyMap(): Promise<{ mapId: string; cached: { version: number; graph: Graph } }> {
  const map = await createMap(database.db, team.group.id);
  return { mapId: map.id, cached: { version: 0, graph: emptyGraph } };
}

/** The statement's result; null both when it was not sent (the group does not qualify) and when it wrote nothing. */
async function commitInOneStatement(...args: Parameters<typeof startOneStatementCommit>) {
  const started = startOneStatementCommit(...args);
  return started ? await started.result : null;
}

function applied(graph: Graph, ops: Op[]): Graph {
  const result = applyOps(graph, ops, { actorId: team.editor.id });
  if (!result.ok) throw new Error(result.error.message);
  return result.graph;
}

describe('one-statement commit', () => {
  it('commits nodes, an edge between them and moves in one statement: rows, log, version, all of it', async () => {
    const { mapId, cached } = await emptyMap();
    const a = claimOp();
    const b = claimOp();
    const first = opsBatch([a, b, edgeOp('attacks', b.node.id, a.node.id)]);
    const second = opsBatch([moveOp({ id: a.node.id, x: 40, y: 50 }), { type: 'node.update', id: b.node.id, patch: { text: 'Rewritten' } }]);

    const result = await commitInOneStatement(database.pool, mapId, [asEditor(first), asEditor(second)], cached);

    expect(result?.outcomes).toEqual([
      { ok: true, answer: { versions: [1, 2, 3], version: 3, duplicate: false, actorId: team.editor.id } },
      { ok: true, answer: { versions: [4, 5], version: 5, duplicate: false, actorId: team.editor.id } },
    ]);
    const expected = applied(emptyGraph, [...first.ops, ...second.ops]);
    expect(graphToLists(result!.graph)).toEqual(graphToLists(expected));
    expect(graphToLists(await stored(mapId))).toEqual(graphToLists(expected));
    expect(await versionOf(mapId)).toBe(5);
    const log = await logOf(mapId);
    expect(log.map((row) => [row.version, row.clientId, row.clientSeq])).toEqual([
      [1, first.clientId, 0],
      [2, first.clientId, 1],
      [3, first.clientId, 2],
      [4, second.clientId, 0],
      [5, second.clientId, 1],
    ]);
    expect(log.map((row) => row.op)).toEqual([...first.ops, ...second.ops]);
  });

  it('writes nothing when the map moved past the cached version (another instance committed)', async () => {
    const { mapId, cached } = await emptyMap();
    await database.db.map.update({ where: { id: mapId }, data: { version: 7 } });
    expect(await commitInOneStatement(database.pool, mapId, [asEditor(opsBatch([claimOp()]))], cached)).toBeNull();
    expect(await versionOf(mapId)).toBe(7);
    expect(await database.db.node.count({ where: { mapId } })).toBe(0);
    expect(await logOf(mapId)).toEqual([]);
  });

  it('writes nothing when an actor no longer has an editing role', async () => {
    const { mapId, cached } = await emptyMap();
    const asViewer: QueuedBatch = { actor: { userId: team.viewer.id }, batch: opsBatch([claimOp()]) };
    expect(await commitInOneStatement(database.pool, mapId, [asEditor(opsBatch([claimOp()])), asViewer], cached)).toBeNull();
    expect(await versionOf(mapId)).toBe(0);
    expect(await database.db.node.count({ where: { mapId } })).toBe(0);
  });

  it('writes nothing for a batch sent again (its client sequence numbers are logged), so the first answer can be given', async () => {
    const { mapId, cached } = await emptyMap();
    const node = claimOp();
    await commitInOneStatement(database.pool, mapId, [asEditor(opsBatch([node]))], cached);
    const move = opsBatch([moveOp({ id: node.node.id, x: 1, y: 1 })]);
    const afterCreate = { version: 1, graph: applied(emptyGraph, [node]) };
    expect(await commitInOneStatement(database.pool, mapId, [asEditor(move)], afterCreate)).not.toBeNull();
    const afterMove = { version: 2, graph: applied(afterCreate.graph, move.ops) };

    expect(await commitInOneStatement(database.pool, mapId, [asEditor(move)], afterMove)).toBeNull();
    expect(await versionOf(mapId)).toBe(2);
    expect(await logOf(mapId)).toHaveLength(2);
  });

  it('leaves deletions, refused batches and quotations to the transaction path', async () => {
    const { mapId, cached } = await emptyMap();
    const node = claimOp();
    const result = await commitInOneStatement(database.pool, mapId, [asEditor(opsBatch([node]))], cached);
    const graph = result!.graph;
    const next = { version: 1, graph };
    expect(await commitInOneStatement(database.pool, mapId, [asEditor(opsBatch([nodeDeleteOp(node.node.id)]))], next)).toBeNull();
    expect(await commitInOneStatement(database.pool, mapId, [asEditor(opsBatch([moveOp({ id: claimOp().node.id, x: 0, y: 0 })]))], next)).toBeNull();
    const quote = { sourceId: node.node.id, exact: 'x', prefix: '', suffix: '', start: 0, end: 1 };
    const evidence: Op = { type: 'node.create', node: { ...claimOp().node, kind: 'evidence', quote } };
    expect(await commitInOneStatement(database.pool, mapId, [asEditor(opsBatch([evidence]))], next)).toBeNull();
    expect(await versionOf(mapId)).toBe(1);
    expect(await database.db.node.count({ where: { mapId } })).toBe(1);
  });

  it('commits the same rows from a draft whose records were copied ahead (DraftsAhead) as from a fresh one', async () => {
    const { mapId, cached } = await emptyMap();
    const a = claimOp();
    const b = claimOp();
    const created = await commitInOneStatement(database.pool, mapId, [asEditor(opsBatch([a, b]))], cached);
    const next = { version: 2, graph: created!.graph };
    const ahead = new GraphDraft(next.graph);
    ahead.copyAhead(['nodes', 'edges']);
    const moves = opsBatch([moveOp({ id: a.node.id, x: 7, y: 8 }), edgeOp('supports', a.node.id, b.node.id)]);

    const result = await commitInOneStatement(database.pool, mapId, [asEditor(moves)], next, ahead);

    const expected = applied(next.graph, moves.ops);
    expect(graphToLists(result!.graph)).toEqual(graphToLists(expected));
    expect(graphToLists(await stored(mapId))).toEqual(graphToLists(expected));
    expect(next.graph.nodes[a.node.id]).toMatchObject({ x: a.node.x, y: a.node.y }); // the cached graph is untouched
  });
});
