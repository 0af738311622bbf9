import {
  ANY_ROLE_LIST,
  applyOps,
  EDITING_ROLES,
  graphToLists,
  quoteMatches,
  type MapSnapshot,
  type MapSummary,
  type Graph,
  type Op,
  type Role,
  type OpsSinceResult,
  type SubmitOpsBody,
  type SubmitOpsResult,
} from '@counterpoint/shared';
import type { Db } from '../db/prisma.js';
import { Prisma } from '../generated/prisma/client.js';
import { AppError } from '../errors.js';
import type { Actor } from '../plugins/actor.js';
import { requireRole } from '../repositories/membership-repository.js';
import { loadGraph, writeGraphDiff } from '../repositories/graph-repository.js';
import { readOpLog } from '../repositories/op-log-repository.js';
import { GraphCache } from './graph-cache.js';

type Tx = Prisma.TransactionClient;

/** PostgreSQL channel that carries `{ mapId, version }` after each committed batch. */
export const MAP_OPS_CHANNEL = 'map_ops';

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
 * Everything that reads or changes maps. Every change to a map's graph goes through `submitOps`: one transaction
 * that locks the map row, checks the actor's role and the graph rules (the shared applyOp), writes the rows,
 * appends each op to the log with the next version, and notifies listeners on commit.
 */
export function createMapService(db: Db) {
  const graphCache = new GraphCache();

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

    /** The map's graph at its current version, read in one consistent snapshot. */
    async snapshot(mapId: string, actor: Actor): Promise<MapSnapshot> {
      return db.$transaction(
        async (tx) => {
          const map = await authorizedMap(tx, mapId, actor);
          const graph = await loadGraph(tx, mapId);
          return { map: toSummary(map), ...graphToLists(graph), version: map.version };
        },
        { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
      );
    },

    async opsSince(mapId: string, actor: Actor, since: number, limit: number): Promise<OpsSinceResult> {
      const map = await authorizedMap(db, mapId, actor);
      return { ops: await readOpLog(db, mapId, since, limit), version: map.version };
    },

    /** Applies a batch of ops atomically; see the service comment. A retried batch gets its first answer. */
    async submitOps(mapId: string, actor: Actor, batch: SubmitOpsBody): Promise<SubmitOpsResult> {
      try {
        const { answer, graph } = await db.$transaction((tx) => applyBatch(tx, mapId, actor, batch), { maxWait: 10_000, timeout: 60_000 });
        // Only a committed graph may be cached.
        if (graph) graphCache.set(mapId, answer.version, graph);
        return answer;
      } catch (error) {
        // Two retries of one batch on different maps meet at the unique (clientId, clientSeq) index.
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
          // Node, edge and argument ids are primary keys across all maps: a clash there is not a client-seq reuse.
          if (error.meta?.modelName !== 'OpLog') throw new AppError('DUPLICATE_ID', 'An id in this batch is already used elsewhere.');
          throw new AppError('CLIENT_SEQ_REUSED', 'These client sequence numbers were already used for other ops.');
        }
        throw error;
      }
    },

    /**
     * Applies a batch inside the caller's transaction, for server-side changes that must commit together with
     * other writes (re-anchoring quotations after a source text correction). The caller handles retries.
     */
    async submitOpsInTransaction(tx: Tx, mapId: string, actor: Actor, batch: SubmitOpsBody): Promise<SubmitOpsResult> {
      // The caller's transaction may still roll back, so its result is not cached.
      graphCache.forget(mapId);
      return (await applyBatch(tx, mapId, actor, batch)).answer;
    },
  };

  /** The batch's answer, and the map's graph after it when it changed anything. */
  async function applyBatch(tx: Tx, mapId: string, actor: Actor, batch: SubmitOpsBody): Promise<{ answer: SubmitOpsResult; graph?: Graph }> {
    // One round trip locks the map row and reads the actor's role in its group.
    const [map] = await tx.$queryRaw<{ version: number; groupId: string; role: Role | null }[]>`
      SELECT m.version, m.group_id AS "groupId", ms.role::text AS role
      FROM maps m LEFT JOIN memberships ms ON ms.group_id = m.group_id AND ms.user_id = ${actor.userId}::uuid
      WHERE m.id = ${mapId}::uuid FOR UPDATE OF m`;
    if (!map || map.role === null) throw new AppError('MAP_NOT_FOUND', 'That map was not found. It may have been deleted.');
    if (!EDITING_ROLES.includes(map.role)) {
      throw new AppError('FORBIDDEN', `Your role (${map.role}) does not allow this; it needs ${EDITING_ROLES.join(' or ')}.`);
    }

    const earlier = await tx.opLog.findMany({
      where: { clientId: batch.clientId, clientSeq: { gte: batch.clientSeq, lt: batch.clientSeq + batch.ops.length } },
      orderBy: { clientSeq: 'asc' },
    });
    if (earlier.length > 0) {
      const sameBatch =
        earlier.length === batch.ops.length &&
        earlier.every((row, i) => row.mapId === mapId && canonicalJson(row.op) === canonicalJson(batch.ops[i]));
      if (!sameBatch) throw new AppError('CLIENT_SEQ_REUSED', 'These client sequence numbers were already used for other ops.');
      return { answer: { versions: earlier.map((row) => row.version), version: map.version, duplicate: true, actorId: actor.userId } };
    }
    if (batch.baseVersion > map.version) {
      throw new AppError('BASE_VERSION_AHEAD', `The map is at version ${map.version}; your base version ${batch.baseVersion} is ahead of it. Reload the map.`);
    }

    const before = graphCache.get(mapId, map.version) ?? (await loadGraph(tx, mapId));
    const result = applyOps(before, batch.ops, { actorId: actor.userId });
    if (!result.ok) throw new AppError(result.error.code, result.error.message, { opIndex: result.opIndex });
    await checkQuotes(tx, map.groupId, batch.ops);
    await writeGraphDiff(tx, mapId, before, result.graph);

    const versions = batch.ops.map((_, i) => map.version + 1 + i);
    await tx.opLog.createMany({
      data: batch.ops.map((op, i) => ({
        mapId,
        version: versions[i]!,
        actorId: actor.userId,
        clientId: batch.clientId,
        clientSeq: batch.clientSeq + i,
        op: op as Prisma.InputJsonValue,
      })),
    });
    const version = versions[versions.length - 1]!;
    // One round trip: the new version, and the notification listeners get only when the transaction commits.
    await tx.$executeRaw`
      WITH updated AS (UPDATE maps SET version = ${version}, updated_at = now() WHERE id = ${mapId}::uuid RETURNING id)
      SELECT pg_notify(${MAP_OPS_CHANNEL}, ${JSON.stringify({ mapId, version })}) FROM updated`;
    return { answer: { versions, version, duplicate: false, actorId: actor.userId }, graph: result.graph };
  }
}

/** JSON with object keys sorted, so ops equal as JSON compare equal (jsonb does not keep key order). */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** Each quotation an op sets must come from a source of the map's group and match that source's text. */
async function checkQuotes(tx: Tx, groupId: string, ops: readonly Op[]): Promise<void> {
  const quoted = ops.flatMap((op, opIndex) => {
    const quote = op.type === 'node.create' ? op.node.quote : op.type === 'node.update' ? op.patch.quote : null;
    return quote ? [{ quote, opIndex }] : [];
  });
  if (quoted.length === 0) return;
  const ids = [...new Set(quoted.map((q) => q.quote.sourceId))];
  // FOR SHARE: a source text correction (which locks the source row for update and re-anchors every quotation
  // it can see) cannot commit between this check and this batch's commit.
  const sources = await tx.$queryRaw<{ id: string; text: string }[]>`
    SELECT id::text AS id, text FROM sources WHERE id = ANY(${ids}::uuid[]) AND group_id = ${groupId}::uuid FOR SHARE`;
  const textById = new Map(sources.map((s) => [s.id, s.text]));
  for (const { quote, opIndex } of quoted) {
    const text = textById.get(quote.sourceId);
    if (text === undefined) {
      throw new AppError('QUOTE_SOURCE_NOT_FOUND', 'The quoted source is not one of this group’s sources.', { opIndex });
    }
    if (!quoteMatches(quote, text)) {
      throw new AppError('SELECTOR_MISMATCH', `The quotation does not match the source text at ${quote.start}–${quote.end}.`, { opIndex });
    }
  }
}

export type MapService = ReturnType<typeof createMapService>;
