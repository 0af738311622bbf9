import { createHash } from 'node:crypto';
import { EDITING_ROLES, GraphDraft, type ChangedIds, type Graph, type OpLogEntry } from '@counterpoint/shared';
import type pg from 'pg';
import { uniqueViolation } from '../db/sql-session.js';
import { Prisma } from '../generated/prisma/client.js';
import { nodeAndEdgeStatements } from '../repositories/graph-diff.js';
import { insertOpLog, opsNotification } from '../repositories/op-log-repository.js';
import { MAP_OPS_CHANNEL, quotesOf, type GroupResult, type QueuedBatch } from './group-commit.js';

/** A group's statement, sent: the graph it leaves if it commits, and its result once it has. */
export interface StartedCommit {
  graph: Graph;
  changedIds: ChangedIds;
  /** Null when nothing was written (see startOneStatementCommit). */
  result: Promise<GroupResult | null>;
}

/** Written by every step of the statement: nothing happens unless the map row was bumped. */
const BUMPED = Prisma.sql`AND EXISTS (SELECT 1 FROM bumped)`;

/**
 * The group commit in one statement, one round trip — for the everyday group: every batch applies to the map's
 * cached graph, adds, writes, moves or connects (nothing deleted, no argument, reading or quotation), from members
 * who may edit. The transaction path (group-commit.ts) takes five round trips (BEGIN, lock, rows, log, COMMIT)
 * and was most of an edit's latency (P2 in tests/bench/RESULTS.md).
 *
 * The statement bumps the map row only if it is still at the cached version and every actor still has an
 * editing role; every other step (rows, op log, NOTIFY) is guarded by that bump, so either all of it commits or
 * nothing does. Answers null at once when the group does not qualify, and a result of null — nothing written —
 * when the map moved on (another instance), a role changed, or an id or (clientId, clientSeq) clashed (a retried
 * batch): the transaction path then decides, with its exact per-batch answers. `draft` may be one made ahead on
 * `cached.graph` (DraftsAhead).
 */
export function startOneStatementCommit(
  pool: pg.Pool,
  mapId: string,
  group: readonly QueuedBatch[],
  cached: { version: number; graph: Graph },
  draft: GraphDraft = new GraphDraft(cached.graph),
): StartedCommit | null {
  const { version, graph: before } = cached;
  if (group.some(({ batch }) => batch.baseVersion > version || quotesOf(batch.ops).length > 0)) return null;
  const createdAt = new Date().toISOString();
  const entries: OpLogEntry[] = [];
  const outcomes: GroupResult['outcomes'] = [];
  for (const { actor, batch } of group) {
    if (!draft.apply(batch.ops, { actorId: actor.userId }).ok) return null;
    const versions = batch.ops.map((_, i) => version + 1 + entries.length + i);
    batch.ops.forEach((op, i) => entries.push({ version: versions[i]!, op, actorId: actor.userId, clientId: batch.clientId, clientSeq: batch.clientSeq + i, createdAt }));
    outcomes.push({ ok: true, answer: { versions, version: versions[versions.length - 1]!, duplicate: false, actorId: actor.userId } });
  }
  const steps = nodeAndEdgeStatements(mapId, before, draft.graph, BUMPED, draft.changedIds);
  // No row to write (a batch that changes nothing) is rare enough to leave to the transaction path too.
  if (!steps || steps.length === 0 || entries.length === 0) return null;

  const last = version + entries.length;
  const actors = [...new Set(group.map(({ actor }) => actor.userId))];
  const statement = Prisma.sql`
    WITH bumped AS (
      UPDATE maps AS m SET version = ${last}, updated_at = now()
      WHERE m.id = ${mapId}::uuid AND m.version = ${version}
        AND (SELECT count(*) FROM memberships ms WHERE ms.group_id = m.group_id AND ms.user_id = ANY(${actors}::uuid[])
             AND ms.role::text = ANY(${[...EDITING_ROLES]}::text[])) = ${actors.length}
      RETURNING m.id
    ),
    ${Prisma.join(steps.map((step, i) => Prisma.sql`${Prisma.raw(`step_${i}`)} AS (${step}),`), '\n    ')}
    logged AS (${insertOpLog(mapId, entries, BUMPED)})
    SELECT pg_notify(${MAP_OPS_CHANNEL}, ${opsNotification(mapId, last)})::text FROM bumped`;
  // Named: each connection parses and plans a shape once (a handful of shapes: which steps a group needs).
  const name = `commit_${createHash('sha1').update(statement.text).digest('hex').slice(0, 16)}`;
  const run = async (): Promise<GroupResult | null> => {
    try {
      const result = await pool.query({ name, text: statement.text, values: statement.values });
      if (result.rowCount !== 1) return null;
    } catch (error) {
      if (uniqueViolation(error) !== null) return null;
      throw error;
    }
    return { outcomes, version: last, graph: draft.graph, entries };
  };
  return { graph: draft.graph, changedIds: draft.changedIds, result: run() };
}
