import {
  applyOps,
  EDITING_ROLES,
  GraphDraft,
  quoteMatches,
  type Graph,
  type Op,
  type OpLogEntry,
  type Role,
  type SubmitOpsBody,
  type SubmitOpsResult,
} from '@counterpoint/shared';
import type { SqlSession } from '../db/sql-session.js';
import { Prisma } from '../generated/prisma/client.js';
import { AppError } from '../errors.js';
import type { Actor } from '../plugins/actor.js';
import { loadGraph, writeGraphDiff } from '../repositories/graph-repository.js';
import { appendOpLog, loggedOpsSql, type LoggedOp } from '../repositories/op-log-repository.js';

/** PostgreSQL channel that carries `{ mapId, version }` after each committed group of batches. */
export const MAP_OPS_CHANNEL = 'map_ops';

export interface QueuedBatch {
  actor: Actor;
  batch: SubmitOpsBody;
}

/** What one batch of a group gets: its answer, or why it was refused (it then wrote nothing). */
export type BatchOutcome = { ok: true; answer: SubmitOpsResult } | { ok: false; error: AppError };

export interface GroupResult {
  /** One per batch, in the group's order. */
  outcomes: BatchOutcome[];
  /** The map's version and graph after the group, to cache once the transaction has committed. */
  version: number;
  graph: Graph;
  /** The ops this group logged, in version order, to broadcast once the transaction has committed. */
  entries: OpLogEntry[];
}

const mapNotFound = () => new AppError('MAP_NOT_FOUND', 'That map was not found. It may have been deleted.');

/**
 * Applies a group of batches for one map inside `sql`'s transaction: the map row is locked once, the actors'
 * roles and earlier answers to retried batches are read in one query each, and each batch is checked in arrival
 * order against the graph the batches before it left. A batch that breaks a rule gets its own refusal and
 * contributes nothing; the accepted ones get consecutive versions and are written together (one graph diff, one op-log insert, one
 * version bump with NOTIFY). Nothing is durable until the caller's transaction commits.
 */
export async function commitGroup(sql: SqlSession, mapId: string, group: readonly QueuedBatch[], cachedGraph: (version: number) => Graph | null): Promise<GroupResult> {
  // One round trip locks the map row and reads the actors' roles and any earlier answers to these batches. The
  // earlier answers are read from the statement's snapshot: a retry committed by another instance while this one
  // waited for the lock is missed here, and then caught by the unique (client_id, client_seq) index (see
  // map-service, which commits the batches one by one after such a clash).
  const actorIds = [...new Set(group.map((q) => q.actor.userId))];
  const ranges = group.map(({ batch }) => ({ clientId: batch.clientId, from: batch.clientSeq, to: batch.clientSeq + batch.ops.length }));
  const [map] = await sql.query<{ version: number; groupId: string; roles: Record<string, Role> | null; logged: LoggedOp[] | null }>(Prisma.sql`
    SELECT m.version, m.group_id::text AS "groupId",
      (SELECT json_object_agg(ms.user_id::text, ms.role::text) FROM memberships ms
       WHERE ms.group_id = m.group_id AND ms.user_id = ANY(${actorIds}::uuid[])) AS roles,
      ${loggedOpsSql(ranges)} AS logged
    FROM maps m WHERE m.id = ${mapId}::uuid FOR UPDATE OF m`);
  if (!map) throw mapNotFound();
  const roles = map.roles ?? {};
  const loggedBySeq = new Map((map.logged ?? []).map((row) => [`${row.clientId}:${row.clientSeq}`, row]));
  const textBySource = await quotedSources(sql, map.groupId, group);

  const before = cachedGraph(map.version) ?? (await loadGraph(sql, mapId));
  const draft = new GraphDraft(before);
  const createdAt = new Date().toISOString();
  const entries: OpLogEntry[] = [];
  const outcomes = group.map(({ actor, batch }): BatchOutcome => {
    try {
      const role = roles[actor.userId];
      if (!role) throw mapNotFound();
      if (!EDITING_ROLES.includes(role)) {
        throw new AppError('FORBIDDEN', `Your role (${role}) does not allow this; it needs ${EDITING_ROLES.join(' or ')}.`);
      }
      const earlier = batch.ops.flatMap((_, i) => loggedBySeq.get(`${batch.clientId}:${batch.clientSeq + i}`) ?? []);
      if (earlier.length > 0) return { ok: true, answer: earlierAnswer(mapId, actor, batch, earlier, map.version) };
      if (batch.baseVersion > map.version) {
        throw new AppError('BASE_VERSION_AHEAD', `The map is at version ${map.version}; your base version ${batch.baseVersion} is ahead of it. Reload the map.`);
      }
      const ctx = { actorId: actor.userId };
      const quoteError = checkQuotes(batch.ops, textBySource);
      // A batch that breaks a graph rule reports that first, as it always has; only then a bad quotation.
      const result = quoteError ? applyOps(draft.graph, batch.ops, ctx) : draft.apply(batch.ops, ctx);
      if (!result.ok) throw new AppError(result.error.code, result.error.message, { opIndex: result.opIndex });
      if (quoteError) throw quoteError;

      const first = map.version + 1 + entries.length;
      const versions = batch.ops.map((_, i) => first + i);
      batch.ops.forEach((op, i) =>
        entries.push({ version: versions[i]!, op, actorId: actor.userId, clientId: batch.clientId, clientSeq: batch.clientSeq + i, createdAt }),
      );
      return { ok: true, answer: { versions, version: versions[versions.length - 1]!, duplicate: false, actorId: actor.userId } };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error };
      throw error;
    }
  });

  const version = map.version + entries.length;
  if (entries.length > 0) {
    await writeGraphDiff(sql, mapId, before, draft.graph, draft.changedIds);
    // The log, the new version, and the notification listeners get only when the transaction commits.
    await appendOpLog(sql, mapId, entries, MAP_OPS_CHANNEL);
  }
  return { outcomes, version, graph: draft.graph, entries };
}

/** A retried batch gets the answer it got the first time; sequence numbers used for other ops are refused. */
function earlierAnswer(mapId: string, actor: Actor, batch: SubmitOpsBody, earlier: LoggedOp[], mapVersion: number): SubmitOpsResult {
  const sameBatch =
    earlier.length === batch.ops.length &&
    earlier.every((row, i) => row.mapId === mapId && row.clientSeq === batch.clientSeq + i && canonicalJson(row.op) === canonicalJson(batch.ops[i]));
  if (!sameBatch) throw new AppError('CLIENT_SEQ_REUSED', 'These client sequence numbers were already used for other ops.');
  return { versions: earlier.map((row) => row.version), version: mapVersion, duplicate: true, actorId: actor.userId };
}

/** JSON with object keys sorted, so ops equal as JSON compare equal (jsonb does not keep key order). */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

export function quotesOf(ops: readonly Op[]) {
  return ops.flatMap((op, opIndex) => {
    const quote = op.type === 'node.create' ? op.node.quote : op.type === 'node.update' ? op.patch.quote : null;
    return quote ? [{ quote, opIndex }] : [];
  });
}

/**
 * The text of every source the group quotes, if it is one of the map's group's sources. FOR SHARE: a source text
 * correction (which locks the source row for update and re-anchors every quotation it can see) cannot commit
 * between this check and this group's commit.
 */
async function quotedSources(sql: SqlSession, groupId: string, group: readonly QueuedBatch[]): Promise<Map<string, string>> {
  const ids = [...new Set(group.flatMap(({ batch }) => quotesOf(batch.ops).map((q) => q.quote.sourceId)))];
  if (ids.length === 0) return new Map();
  const sources = await sql.query<{ id: string; text: string }>(Prisma.sql`
    SELECT id::text AS id, text FROM sources WHERE id = ANY(${ids}::uuid[]) AND group_id = ${groupId}::uuid FOR SHARE`);
  return new Map(sources.map((s) => [s.id, s.text]));
}

/** Each quotation an op sets must come from a source of the map's group and match that source's text. */
function checkQuotes(ops: readonly Op[], textBySource: ReadonlyMap<string, string>): AppError | null {
  for (const { quote, opIndex } of quotesOf(ops)) {
    const text = textBySource.get(quote.sourceId);
    if (text === undefined) return new AppError('QUOTE_SOURCE_NOT_FOUND', 'The quoted source is not one of this group’s sources.', { opIndex });
    if (!quoteMatches(quote, text)) {
      return new AppError('SELECTOR_MISMATCH', `The quotation does not match the source text at ${quote.start}–${quote.end}.`, { opIndex });
    }
  }
  return null;
}
