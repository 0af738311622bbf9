import { applyOps, type Graph, type SubmitOpsBody } from '@counterpoint/shared';
import { createPrisma } from '../../../server/src/db/prisma.js';
import { loadGraph, writeGraphDiff } from '../../../server/src/repositories/graph-repository.js';
import { MAP_OPS_CHANNEL } from '../../../server/src/services/map-service.js';
import { now } from './http.js';
import { ms, summarize } from './stats.js';

/**
 * map-service's applyBatch taken apart (as of commit d227c6c: lock + role in one query, dedupe lookup, graph
 * from the per-map cache or loadGraph, applyOps, writeGraphDiff, op-log insert, version + NOTIFY in one
 * statement, commit), each stage timed, so a slow submit can be put down to a stage. It copies the service's
 * steps on purpose — the product code has no timing hooks — so when applyBatch changes, change this with it.
 * It writes real ops, so run it on a bench map only. The graph is kept between batches like the service's cache;
 * loadGraph is timed once more on its own, for the cache-miss path (first edit after a restart or another
 * instance's commit).
 */
export async function submitStages(databaseUrl: string, userId: string, mapId: string, batches: SubmitOpsBody[]): Promise<string> {
  const db = createPrisma(databaseUrl, 2);
  const times = new Map<string, number[]>();
  const time = async <T>(stage: string, run: () => Promise<T> | T): Promise<T> => {
    const start = now();
    const result = await run();
    times.set(stage, [...(times.get(stage) ?? []), now() - start]);
    return result;
  };
  let cached: { version: number; graph: Graph } | null = null;
  try {
    for (const batch of batches) {
      const started = now();
      let commitStart = 0;
      const committed = await db.$transaction(
        async (tx) => {
          const [map] = await time('lock + role', () =>
            tx.$queryRaw<{ version: number }[]>`
              SELECT m.version, ms.role::text AS role FROM maps m
              LEFT JOIN memberships ms ON ms.group_id = m.group_id AND ms.user_id = ${userId}::uuid
              WHERE m.id = ${mapId}::uuid FOR UPDATE OF m`,
          );
          const version = map!.version;
          await time('dedupe lookup', () => tx.opLog.findMany({ where: { clientId: batch.clientId, clientSeq: { gte: batch.clientSeq, lt: batch.clientSeq + batch.ops.length } } }));
          const before = cached?.version === version ? cached.graph : await time('loadGraph (cache miss)', () => loadGraph(tx, mapId));
          const result = await time('applyOps', () => applyOps(before, batch.ops, { actorId: userId }));
          if (!result.ok) throw new Error(`stage probe: op rejected: ${result.error.code}`);
          await time('writeGraphDiff', () => writeGraphDiff(tx, mapId, before, result.graph));
          const versions = batch.ops.map((_, i) => version + 1 + i);
          await time('op log insert', () =>
            tx.opLog.createMany({ data: batch.ops.map((op, i) => ({ mapId, version: versions[i]!, actorId: userId, clientId: batch.clientId, clientSeq: batch.clientSeq + i, op: op as never })) }),
          );
          const last = versions[versions.length - 1]!;
          await time('version + notify', () => tx.$executeRaw`
            WITH updated AS (UPDATE maps SET version = ${last}, updated_at = now() WHERE id = ${mapId}::uuid RETURNING id)
            SELECT pg_notify(${MAP_OPS_CHANNEL}, ${JSON.stringify({ mapId, version: last })}) FROM updated`);
          commitStart = now();
          return { version: last, graph: result.graph };
        },
        { timeout: 60_000 },
      );
      times.set('commit', [...(times.get('commit') ?? []), now() - commitStart]);
      times.set('whole transaction', [...(times.get('whole transaction') ?? []), now() - started]);
      cached = committed;
    }
    await time('loadGraph (cache miss)', () => db.$transaction((tx) => loadGraph(tx, mapId)));
  } finally {
    await db.$disconnect();
  }
  // The first batch pays for Prisma's query compilation and cold caches; report the rest.
  return [...times].map(([stage, samples]) => `${stage} ${ms(summarize(samples.length > 1 ? samples.slice(1) : samples).p50)}`).join('; ');
}
