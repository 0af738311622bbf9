import type { Op, OpLogEntry } from '@counterpoint/shared';
import type { Db } from '../db/prisma.js';

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
