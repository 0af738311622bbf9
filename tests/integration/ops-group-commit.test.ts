import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpLogEntry, SubmitOpsBody, SubmitOpsResult } from '@counterpoint/shared';
import { AppError } from '../../server/src/errors.js';
import { createMapService, type MapService } from '../../server/src/services/map-service.js';
import { createMap } from '../helpers/app.js';
import { createTeam } from '../helpers/api.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { claimOp, edgeOp, moveOp, newId, nodeDeleteOp, opsBatch } from '../helpers/ops.js';

/**
 * Group commit, through the real map service and database: batches for one map that arrive while its
 * transaction is in progress are committed together in the next one. Submitting without awaiting makes the
 * grouping deterministic: the first batch starts a transaction at once, everything submitted in the same tick
 * waits for it and forms the next group.
 */
let database: TestDatabase;
let team: Awaited<ReturnType<typeof createTeam>>;
let maps: MapService;
const committed: { mapId: string; entries: readonly OpLogEntry[] }[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  team = await createTeam(database.db);
  maps = createMapService(database.db, database.pool);
  maps.onCommitted((mapId, entries) => committed.push({ mapId, entries }));
});
afterAll(async () => database.drop());

const editor = () => ({ userId: team.editor.id });
const settle = (promises: Promise<SubmitOpsResult>[]) => Promise.allSettled(promises);
const logOf = (mapId: string) => database.db.opLog.findMany({ where: { mapId }, orderBy: { version: 'asc' } });
const errorCode = (result: PromiseSettledResult<SubmitOpsResult>) =>
  result.status === 'rejected' && result.reason instanceof AppError ? result.reason.code : result.status;

/** A map with one claim, committed before the test's own batches. */
async function seededMap() {
  const map = await createMap(database.db, team.group.id);
  const seed = claimOp();
  await maps.submitOps(map.id, editor(), opsBatch([seed]));
  return { mapId: map.id, nodeId: seed.node.id };
}

describe('group commit', () => {
  it('commits the valid batches of a group with consecutive versions and refuses only the one that breaks a rule', async () => {
    const { mapId, nodeId } = await seededMap();
    const a = claimOp();
    const b = claimOp();
    const batches: SubmitOpsBody[] = [
      opsBatch([moveOp({ id: nodeId, x: 1, y: 1 })]), // starts a transaction alone
      opsBatch([a]),
      opsBatch([moveOp({ id: newId(), x: 0, y: 0 })]), // no such node
      opsBatch([b, edgeOp('supports', b.node.id, a.node.id)]), // relies on the batch before the failing one
    ];
    const results = await settle(batches.map((batch) => maps.submitOps(mapId, editor(), batch)));

    expect(results.map(errorCode)).toEqual(['fulfilled', 'fulfilled', 'NODE_NOT_FOUND', 'fulfilled']);
    const answers = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(answers.map((a) => a.versions)).toEqual([[2], [3], [4, 5]]);
    expect(answers.map((a) => a.version)).toEqual([2, 3, 5]);

    const log = await logOf(mapId);
    expect(log.map((row) => row.version)).toEqual([1, 2, 3, 4, 5]);
    // Batches 2 and 4 were one transaction: one commit time, and nothing of the refused batch.
    expect(log[2]!.createdAt.getTime()).toBe(log[4]!.createdAt.getTime());
    expect(log.some((row) => row.clientId === batches[2]!.clientId)).toBe(false);
    expect((await database.db.map.findUniqueOrThrow({ where: { id: mapId } })).version).toBe(5);
    expect(await database.db.edge.count({ where: { mapId } })).toBe(1);
  });

  it('checks each batch against what the batches before it in the group left', async () => {
    const { mapId, nodeId } = await seededMap();
    const other = claimOp();
    const results = await settle([
      maps.submitOps(mapId, editor(), opsBatch([other])),
      maps.submitOps(mapId, editor(), opsBatch([nodeDeleteOp(nodeId)])),
      maps.submitOps(mapId, editor(), opsBatch([moveOp({ id: nodeId, x: 5, y: 5 })])), // deleted by the batch before
      maps.submitOps(mapId, editor(), opsBatch([moveOp({ id: other.node.id, x: 5, y: 5 })])),
    ]);
    expect(results.map(errorCode)).toEqual(['fulfilled', 'fulfilled', 'NODE_NOT_FOUND', 'fulfilled']);
    const nodes = await database.db.node.findMany({ where: { mapId } });
    expect(nodes.map((n) => [n.id, n.x])).toEqual([[other.node.id, 5]]);
  });

  it('answers a batch sent twice into one group once, and a retry of a logged batch with its first answer', async () => {
    const { mapId, nodeId } = await seededMap();
    const batch = opsBatch([claimOp(), moveOp({ id: nodeId, x: 3, y: 3 })], { clientSeq: 7 });
    const [blocker, first, again] = await Promise.all([
      maps.submitOps(mapId, editor(), opsBatch([moveOp({ id: nodeId, x: 2, y: 2 })])),
      maps.submitOps(mapId, editor(), batch),
      maps.submitOps(mapId, editor(), structuredClone(batch)),
    ]);
    expect(blocker.versions).toEqual([2]);
    expect(first).toMatchObject({ versions: [3, 4], duplicate: false });
    expect(again).toMatchObject({ versions: [3, 4], duplicate: true });

    // Later, in a group with a new batch: the retry gets the first answer, the new batch its own versions.
    const [, retried, fresh] = await Promise.all([
      maps.submitOps(mapId, editor(), opsBatch([moveOp({ id: nodeId, x: 4, y: 4 })])),
      maps.submitOps(mapId, editor(), structuredClone(batch)),
      maps.submitOps(mapId, editor(), opsBatch([claimOp()])),
    ]);
    expect(retried).toMatchObject({ versions: [3, 4], duplicate: true });
    expect(fresh).toMatchObject({ versions: [6], duplicate: false });
    expect((await logOf(mapId)).filter((row) => row.clientId === batch.clientId)).toHaveLength(2);
  });

  it('refuses roles per batch: a viewer’s batch in a group does not stop an editor’s', async () => {
    const { mapId, nodeId } = await seededMap();
    const results = await settle([
      maps.submitOps(mapId, editor(), opsBatch([moveOp({ id: nodeId, x: 1, y: 1 })])),
      maps.submitOps(mapId, { userId: team.viewer.id }, opsBatch([claimOp()])),
      maps.submitOps(mapId, { userId: team.stranger.id }, opsBatch([claimOp()])),
      maps.submitOps(mapId, { userId: team.owner.id }, opsBatch([claimOp()])),
    ]);
    expect(results.map(errorCode)).toEqual(['fulfilled', 'FORBIDDEN', 'MAP_NOT_FOUND', 'fulfilled']);
    expect((await logOf(mapId)).map((row) => [row.version, row.actorId])).toEqual([
      [1, team.editor.id],
      [2, team.editor.id],
      [3, team.owner.id],
    ]);
  });

  it('refuses only the batch whose id clashes with another map, committing the rest of its group', async () => {
    const { nodeId: elsewhere } = await seededMap();
    const { mapId, nodeId } = await seededMap();
    const results = await settle([
      maps.submitOps(mapId, editor(), opsBatch([moveOp({ id: nodeId, x: 1, y: 1 })])),
      maps.submitOps(mapId, editor(), opsBatch([claimOp()])),
      maps.submitOps(mapId, editor(), opsBatch([claimOp({ id: elsewhere })])), // a node id of the other map
      maps.submitOps(mapId, editor(), opsBatch([claimOp()])),
    ]);
    expect(results.map(errorCode)).toEqual(['fulfilled', 'fulfilled', 'DUPLICATE_ID', 'fulfilled']);
    expect((await logOf(mapId)).map((row) => row.version)).toEqual([1, 2, 3, 4]);
  });

  it('when the group’s transaction fails, every batch of it gets the error and nothing of it is written', async () => {
    const { mapId, nodeId } = await seededMap();
    const poison = newId();
    // A real failure late in the transaction (after the graph rows are written): the op-log insert of any group
    // holding the poisoned client id raises.
    await database.db.$executeRawUnsafe(`
      CREATE FUNCTION fail_poisoned() RETURNS trigger AS $$
      BEGIN
        IF NEW.client_id = '${poison}' THEN RAISE EXCEPTION 'poisoned batch'; END IF;
        RETURN NEW;
      END; $$ LANGUAGE plpgsql`);
    await database.db.$executeRawUnsafe('CREATE TRIGGER fail_poisoned BEFORE INSERT ON op_log FOR EACH ROW EXECUTE FUNCTION fail_poisoned()');
    try {
      const before = committed.length;
      const results = await settle([
        maps.submitOps(mapId, editor(), opsBatch([moveOp({ id: nodeId, x: 1, y: 1 })])),
        maps.submitOps(mapId, editor(), opsBatch([claimOp()])),
        maps.submitOps(mapId, editor(), opsBatch([claimOp()], { clientId: poison })),
        maps.submitOps(mapId, editor(), opsBatch([moveOp({ id: nodeId, x: 9, y: 9 })])),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'rejected']);
      const reasons = results.slice(1).map((r) => (r as PromiseRejectedResult).reason);
      expect(new Set(reasons).size, 'the same error for the whole group').toBe(1);
      expect(reasons[0]).not.toBeInstanceOf(AppError);
      expect((await logOf(mapId)).map((row) => row.version)).toEqual([1, 2]);
      expect(await database.db.node.count({ where: { mapId } })).toBe(1);
      expect((await database.db.node.findUniqueOrThrow({ where: { id: nodeId } })).x).toBe(1);
      expect(committed.length - before, 'only the committed batch is announced').toBe(1);
    } finally {
      await database.db.$executeRawUnsafe('DROP TRIGGER fail_poisoned ON op_log');
      await database.db.$executeRawUnsafe('DROP FUNCTION fail_poisoned()');
    }
    // The map works again, from the right version.
    expect((await maps.submitOps(mapId, editor(), opsBatch([claimOp()]))).versions).toEqual([3]);
  });

  it('announces each committed group once, with the ops as logged, in version order', async () => {
    const { mapId, nodeId } = await seededMap();
    const before = committed.length;
    await Promise.all([1, 2, 3].map((x) => maps.submitOps(mapId, editor(), opsBatch([moveOp({ id: nodeId, x, y: 0 })]))));
    const announced = committed.slice(before).filter((c) => c.mapId === mapId).flatMap((c) => c.entries);
    const log = await logOf(mapId);
    expect(announced).toEqual(
      log.slice(1).map((row) => ({ version: row.version, op: row.op, actorId: row.actorId, clientId: row.clientId, clientSeq: row.clientSeq, createdAt: row.createdAt.toISOString() })),
    );
  });
});

describe('client sequence numbers racing on two maps', () => {
  it('commits one of two batches that share client sequence numbers, sent to two maps at once, and refuses the other', async () => {
    const [first, second] = [await seededMap(), await seededMap()];
    const clientId = newId();
    // Neither transaction sees the other's log rows when it looks for retries: they meet at the unique index.
    const results = await settle([
      maps.submitOps(first.mapId, editor(), opsBatch([moveOp({ id: first.nodeId, x: 1, y: 1 })], { clientId, clientSeq: 3 })),
      maps.submitOps(second.mapId, editor(), opsBatch([moveOp({ id: second.nodeId, x: 1, y: 1 })], { clientId, clientSeq: 3 })),
    ]);
    expect(results.map(errorCode).sort()).toEqual(['CLIENT_SEQ_REUSED', 'fulfilled']);
  });
});
