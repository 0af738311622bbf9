import type { Op, OpLogEntry } from '@counterpoint/shared';
import type { Db } from '../db/prisma.js';
import type { SqlSession } from '../db/sql-session.js';
import { Prisma } from '../generated/prisma/client.js';

/** Ops of a map after version `since`, oldest first, at most `limit`. No authorisation: callers check. */
export async function readOpLog(db: Pick<Db, 'opLog'>, mapId: string, since: number, limit: number): Promise<OpLogEntry[]> {
  const rows = await db.opLog.findMany({
    where: { mapId, version: { gt: since } },
    orderBy: { version: 'asc' },
    take: limit,
  });
  return rows.map((row) => ({
    version: row.version,
    op: row.op as Op,
    actorId: row.actorId,
    clientId: row.clientId,
    clientSeq: row.clientSeq,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** A run of client sequence numbers: `from` up to but not including `to`. */
export interface ClientSeqRange {
  clientId: string;
  from: number;
  to: number;
}

/** A logged op as the retried-batch check needs it. */
export interface LoggedOp {
  mapId: string;
  version: number;
  clientId: string;
  clientSeq: number;
  op: unknown;
}

/**
 * SQL for the logged ops in any of the ranges (on any map), as one json array (or null): how retried batches
 * are recognised. One index probe per range (LATERAL), so it stays fast however long the log is.
 */
export function loggedOpsSql(ranges: readonly ClientSeqRange[]): Prisma.Sql {
  return Prisma.sql`(
    SELECT json_agg(json_build_object('mapId', o.map_id, 'version', o.version, 'clientId', o.client_id, 'clientSeq', o.client_seq, 'op', o.op)
      ORDER BY o.client_id, o.client_seq)
    FROM unnest(${ranges.map((r) => r.clientId)}::uuid[], ${ranges.map((r) => r.from)}::int[], ${ranges.map((r) => r.to)}::int[]) AS k(client_id, lo, hi)
    CROSS JOIN LATERAL (
      SELECT map_id, version, client_id, client_seq, op FROM op_log
      WHERE client_id = k.client_id AND client_seq >= k.lo AND client_seq < k.hi
    ) o)`;
}

/**
 * The INSERT of entries into a map's log. `guard` is ANDed to its WHERE clause (see graph-statements.ts). A clash
 * on the unique (client_id, client_seq) index surfaces as a unique violation naming an `op_log_…` constraint
 * (see map-service's uniqueClash). `createdAt` is given, not defaulted, so the entries broadcast from memory carry
 * the same time as the rows.
 */
export function insertOpLog(mapId: string, entries: readonly OpLogEntry[], guard: Prisma.Sql = Prisma.empty): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO op_log (map_id, version, actor_id, client_id, client_seq, op, created_at)
    SELECT ${mapId}::uuid, t.version, t.actor_id, t.client_id, t.client_seq, t.op, t.created_at
    FROM unnest(${entries.map((e) => e.version)}::int[], ${entries.map((e) => e.actorId)}::uuid[], ${entries.map((e) => e.clientId)}::uuid[],
      ${entries.map((e) => e.clientSeq)}::int[], ${entries.map((e) => JSON.stringify(e.op))}::jsonb[], ${entries.map((e) => e.createdAt)}::timestamptz[])
      AS t(version, actor_id, client_id, client_seq, op, created_at)
    WHERE true ${guard}`;
}

/** The `{ mapId, version }` notification every instance's hub listens for (sync plugin). */
export const opsNotification = (mapId: string, version: number) => JSON.stringify({ mapId, version });

/**
 * Appends entries (consecutive versions) to a map's log, sets the map's version to the last, and queues the
 * notification listeners get when the transaction commits — one statement, one round trip (raw: Prisma's
 * createMany spent ~1 ms per row building its query).
 */
export async function appendOpLog(sql: SqlSession, mapId: string, entries: readonly OpLogEntry[], channel: string): Promise<void> {
  const version = entries[entries.length - 1]!.version;
  await sql.execute(Prisma.sql`
    WITH logged AS (${insertOpLog(mapId, entries)}),
    updated AS (UPDATE maps SET version = ${version}, updated_at = now() WHERE id = ${mapId}::uuid RETURNING id)
    SELECT pg_notify(${channel}, ${opsNotification(mapId, version)}) FROM updated`);
}
