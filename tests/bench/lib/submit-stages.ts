import { GraphDraft, type Graph, type OpLogEntry, type SubmitOpsBody } from '@counterpoint/shared';
import { createSqlPool, inTransaction } from '../../../server/src/db/sql-session.js';
import { Prisma } from '../../../server/src/generated/prisma/client.js';
import { loadGraph, writeGraphDiff } from '../../../server/src/repositories/graph-repository.js';
import { appendOpLog, loggedOpsSql } from '../../../server/src/repositories/op-log-repository.js';
import { MAP_OPS_CHANNEL } from '../../../server/src/services/map-service.js';
import { now } from './http.js';
import { ms, summarize } from './stats.js';

/**
 * map-service's group commit (server/src/services/group-commit.ts) taken apart, each stage timed, so a slow
 * submit can be put down to a stage: lock + roles + the retried-batch lookup for the whole group in one
 * statement, the graph from the per-map cache (or loadGraph), each batch applied to a GraphDraft, one
 * writeGraphDiff, op-log insert + version + NOTIFY in one statement, commit. It copies the steps on purpose — the product code
 * has no timing hooks — so when commitGroup changes, change this with it. Each call of `groups` is one
 * transaction, as one group of the service's queue. It writes real ops, so run it on a bench map only. The graph
 * is kept between groups like the service's cache; loadGraph is timed once more on its own, for the cache-miss
 * path (first edit after a restart or another instance's commit).
 */
export async function submitStages(databaseUrl: string, userId: string, mapId: string, groups: SubmitOpsBody[][]): Promise<string> {
  const pool = createSqlPool(databaseUrl, 1);
  const times = new Map<string, number[]>();
  const time = async <T>(stage: string, run: () => Promise<T> | T): Promise<T> => {
    const start = now();
    const result = await run();
    times.set(stage, [...(times.get(stage) ?? []), now() - start]);
    return result;
  };
  let cached: { version: number; graph: Graph } | null = null;
  try {
    for (const group of groups) {
      const started = now();
      let commitStart = 0;
      const committed = await inTransaction(pool, async (sql) => {
          const ranges = group.map((b) => ({ clientId: b.clientId, from: b.clientSeq, to: b.clientSeq + b.ops.length }));
          const [map] = await time('lock + roles + dedupe', () =>
            sql.query<{ version: number }>(Prisma.sql`
              SELECT m.version, (SELECT json_object_agg(ms.user_id::text, ms.role::text) FROM memberships ms
                WHERE ms.group_id = m.group_id AND ms.user_id = ANY(${[userId]}::uuid[])) AS roles,
                ${loggedOpsSql(ranges)} AS logged
              FROM maps m WHERE m.id = ${mapId}::uuid FOR UPDATE OF m`),
          );
          const version = map!.version;
          const before = cached?.version === version ? cached.graph : await time('loadGraph (cache miss)', () => loadGraph(sql, mapId));
          const draft = new GraphDraft(before);
          const createdAt = new Date().toISOString();
          const entries: OpLogEntry[] = [];
          await time('apply (GraphDraft)', () => {
            for (const batch of group) {
              const result = draft.apply(batch.ops, { actorId: userId });
              if (!result.ok) throw new Error(`stage probe: op rejected: ${result.error.code}`);
              batch.ops.forEach((op, i) => entries.push({ version: version + 1 + entries.length, op, actorId: userId, clientId: batch.clientId, clientSeq: batch.clientSeq + i, createdAt }));
            }
          });
          await time('writeGraphDiff', () => writeGraphDiff(sql, mapId, before, draft.graph, draft.changedIds));
          await time('op log + version + notify', () => appendOpLog(sql, mapId, entries, MAP_OPS_CHANNEL));
          const last = version + entries.length;
          commitStart = now();
          return { version: last, graph: draft.graph };
      });
      times.set('commit', [...(times.get('commit') ?? []), now() - commitStart]);
      times.set('whole transaction', [...(times.get('whole transaction') ?? []), now() - started]);
      cached = committed;
    }
    await time('loadGraph (cache miss)', () => inTransaction(pool, (sql) => loadGraph(sql, mapId)));
  } finally {
    await pool.end();
  }
  // The first group pays for cold caches; report the rest.
  return [...times].map(([stage, samples]) => `${stage} ${ms(summarize(samples.length > 1 ? samples.slice(1) : samples).p50)}`).join('; ');
}
