import {
  ANY_ROLE_LIST,
  EDITING_ROLES,
  type MapSnapshot,
  type MapSummary,
  type OpLogEntry,
  type OpsSinceResult,
  type SubmitOpsBody,
  type SubmitOpsResult,
} from '@counterpoint/shared';
import type pg from 'pg';
import type { Db } from '../db/prisma.js';
import { inTransaction, prismaSession, uniqueViolation } from '../db/sql-session.js';
import type { Prisma } from '../generated/prisma/client.js';
import { AppError } from '../errors.js';
import type { Actor } from '../plugins/actor.js';
import { requireRole } from '../repositories/membership-repository.js';
import { readOpLog } from '../repositories/op-log-repository.js';
import { CommitQueue, type WaitingBatch } from './commit-queue.js';
import { GraphCache } from './graph-cache.js';
import { createSnapshotReader, type MapRead } from './snapshot-reader.js';
import { commitGroup, type GroupResult, type QueuedBatch } from './group-commit.js';
import { startOneStatementCommit } from './one-statement-commit.js';
import { DraftsAhead } from './drafts-ahead.js';

type Tx = Prisma.TransactionClient;

export { MAP_OPS_CHANNEL } from './group-commit.js';

/** Told of each commit made through this service, right after it is durable, with the ops it logged. */
export type CommitListener = (mapId: string, entries: readonly OpLogEntry[]) => void;

const mapSummaryInclude = { _count: { select: { nodes: true } } } as const;
type MapRow = Prisma.MapGetPayload<{ include: typeof mapSummaryInclude }>;

function toSummary(row: MapRow): MapSummary {
  return {
    id: row.id,
    groupId: row.groupId,
    title: row.title,
    description: row.description,
    version: row.version,
    nodeCount: row._count.nodes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Everything that reads or changes maps. Every change to a map's graph goes through `submitOps`: batches for one
 * map are committed in groups (commit-queue.ts), each group one transaction that locks the map row, checks each
 * actor's role and the graph rules (the shared applyOp), writes the rows, appends each op to the log with the next
 * version, and notifies listeners on commit (group-commit.ts). Those transactions run on `pool`, plain
 * node-postgres over the same database: the commit is the one hot path, and Prisma's interactive transaction
 * cost several times the statements' own time there (sql-session.ts).
 */
export function createMapService(db: Db, pool: pg.Pool) {
  const graphCache = new GraphCache();
  const draftsAhead = new DraftsAhead();
  const snapshots = createSnapshotReader(db, graphCache);
  const commitListeners: CommitListener[] = [];
  const queue = new CommitQueue(commitQueued);

  async function findMap(tx: Pick<Db, 'map'>, mapId: string): Promise<MapRow> {
    const map = await tx.map.findUnique({ where: { id: mapId }, include: mapSummaryInclude });
    if (!map) throw new AppError('MAP_NOT_FOUND', 'That map was not found. It may have been deleted.');
    return map;
  }

  /** Loads the map and checks the actor may act on it; a non-member gets MAP_NOT_FOUND, as if it did not exist. */
  async function authorizedMap(tx: Pick<Db, 'map' | 'membership'>, mapId: string, actor: Actor, roles = ANY_ROLE_LIST) {
    const map = await findMap(tx, mapId);
    try {
      await requireRole(tx as Db, map.groupId, actor.userId, roles);
    } catch (error) {
      if (error instanceof AppError && error.code === 'GROUP_NOT_FOUND')
        throw new AppError('MAP_NOT_FOUND', 'That map was not found. It may have been deleted.');
      throw error;
    }
    return map;
  }

  return {
    async list(groupId: string, actor: Actor): Promise<MapSummary[]> {
      await requireRole(db, groupId, actor.userId, ANY_ROLE_LIST);
      const rows = await db.map.findMany({ where: { groupId }, include: mapSummaryInclude, orderBy: { createdAt: 'asc' } });
      return rows.map(toSummary);
    },

    /** The map as a list entry; also how callers check the actor may see it. */
    async summary(mapId: string, actor: Actor): Promise<MapSummary> {
      return toSummary(await authorizedMap(db, mapId, actor));
    },

    async create(groupId: string, actor: Actor, input: { title: string; description: string }): Promise<MapSummary> {
      await requireRole(db, groupId, actor.userId, EDITING_ROLES);
      const row = await db.map.create({ data: { groupId, ...input }, include: mapSummaryInclude });
      return toSummary(row);
    },

    async update(mapId: string, actor: Actor, patch: { title?: string; description?: string }): Promise<MapSummary> {
      await authorizedMap(db, mapId, actor, EDITING_ROLES);
      const row = await db.map.update({ where: { id: mapId }, data: patch, include: mapSummaryInclude });
      return toSummary(row);
    },

    async remove(mapId: string, actor: Actor): Promise<void> {
      await authorizedMap(db, mapId, actor, EDITING_ROLES);
      await db.map.delete({ where: { id: mapId } });
    },

    /** The map's graph at its current version, all of one version; from the graph cache when it is current. */
    snapshot: (mapId: string, actor: Actor): Promise<MapSnapshot> => snapshots.snapshot(mapId, actor),
    /** The same snapshot as JSON bytes (what GET /maps/:mapId sends), its graph part serialised once per version. */
    snapshotBody: (mapId: string, actor: Actor): Promise<Buffer> => snapshots.snapshotBody(mapId, actor),
    /** The map's row and graph at its current version, for server-side readers of the graph (evaluation). */
    readGraph: (mapId: string, actor: Actor): Promise<MapRead> => snapshots.read(mapId, actor),

    async opsSince(mapId: string, actor: Actor, since: number, limit: number): Promise<OpsSinceResult> {
      const map = await authorizedMap(db, mapId, actor);
      return { ops: await readOpLog(db, mapId, since, limit), version: map.version };
    },

    /**
     * Applies a batch of ops atomically, possibly in one transaction with other batches for the map (each is still
     * all or nothing, and refused on its own). A retried batch gets its first answer.
     */
    submitOps(mapId: string, actor: Actor, batch: SubmitOpsBody): Promise<SubmitOpsResult> {
      return queue.submit(mapId, { actor, batch });
    },

    /**
     * Applies a batch inside the caller's transaction, for server-side changes that must commit together with
     * other writes (re-anchoring quotations after a source text correction). The caller handles retries.
     */
    async submitOpsInTransaction(tx: Tx, mapId: string, actor: Actor, batch: SubmitOpsBody): Promise<SubmitOpsResult> {
      // The caller's transaction may still roll back, so its result is not cached (nor broadcast from memory:
      // its NOTIFY announces it if it commits).
      graphCache.forget(mapId);
      const [outcome] = (await commitGroup(prismaSession(tx), mapId, [{ actor, batch }], () => null)).outcomes;
      if (!outcome!.ok) throw outcome!.error;
      return outcome!.answer;
    },

    /** Registers a listener for this instance's commits (the sync hub broadcasts them without a log read). */
    onCommitted(listener: CommitListener): void {
      commitListeners.push(listener);
    },
  };

  /** Commits one group from the queue; the function it resolves with broadcasts the group and answers its batches. */
  async function commitQueued(mapId: string, group: WaitingBatch[]): Promise<() => void> {
    let result: GroupResult;
    try {
      result = await runGroup(mapId, group);
    } catch (error) {
      const clash = uniqueClash(error);
      // A clash with another map's rows fails the whole transaction without saying which batch caused it: commit
      // each batch alone, so only that one is refused.
      if (clash && group.length > 1) {
        for (const entry of group) (await commitQueued(mapId, [entry]))();
        return () => {};
      }
      // Nothing of the group was committed (e.g. the database is down): every batch gets the error.
      return () => {
        for (const entry of group) entry.reject(clash ?? error);
      };
    }
    return () => {
      // Only committed ops are broadcast.
      if (result.entries.length > 0) {
        for (const listener of commitListeners) {
          try {
            listener(mapId, result.entries);
          } catch {
            // A listener's failure must not turn a committed batch into an error; the NOTIFY still announces it.
          }
        }
      }
      for (const [i, outcome] of result.outcomes.entries()) {
        if (outcome.ok) group[i]!.resolve(outcome.answer);
        else group[i]!.reject(outcome.error);
      }
    };
  }

  async function runGroup(mapId: string, group: readonly QueuedBatch[]): Promise<GroupResult> {
    // The everyday group commits in one statement against the cached graph; anything else, or a cache another
    // instance made stale, goes through the transaction that locks the map row and reads what it needs.
    const cached = graphCache.latest(mapId);
    const started = cached && startOneStatementCommit(pool, mapId, group, cached, draftsAhead.take(mapId, cached.graph));
    if (started) draftsAhead.prepare(mapId, started.graph, started.changedIds);
    const fast = started && (await started.result);
    const result = fast ?? (await inTransaction(pool, (sql) => commitGroup(sql, mapId, group, (version) => graphCache.get(mapId, version))));
    // Only a committed graph may be cached; the next group starts from it.
    graphCache.set(mapId, result.version, result.graph);
    return result;
  }
}

/**
 * A unique-index clash, as the error a client gets, or null. Node, edge and argument ids are primary keys across
 * all maps, and two retries of one batch on different maps meet at the unique (clientId, clientSeq) index.
 */
function uniqueClash(error: unknown): AppError | null {
  const constraint = uniqueViolation(error);
  if (constraint === null) return null;
  if (!constraint.startsWith('op_log')) return new AppError('DUPLICATE_ID', 'An id in this batch is already used elsewhere.');
  return new AppError('CLIENT_SEQ_REUSED', 'These client sequence numbers were already used for other ops.');
}

export type MapService = ReturnType<typeof createMapService>;
