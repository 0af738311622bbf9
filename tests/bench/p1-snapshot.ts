import { graphToLists, MapSnapshot } from '@counterpoint/shared';
import { createPrisma } from '../../server/src/db/prisma.js';
import { Prisma } from '../../server/src/generated/prisma/client.js';
import { loadGraph } from '../../server/src/repositories/graph-repository.js';
import type { BenchCluster } from './lib/cluster.js';
import { generateMap } from './lib/generate.js';
import { now } from './lib/http.js';
import { startBenchServer } from './lib/server.js';
import { latencyRow, ms, summarize, type BenchResult } from './lib/stats.js';

const NODES = 5_000;
const EDGES = 7_500;
const MAX_SAMPLES = 100;
const BUDGET_MS = 30_000;

/** P1: GET /api/maps/:id of a 5,000-node, 7,500-edge map, one request at a time, over loopback. */
export async function p1(cluster: BenchCluster): Promise<BenchResult> {
  const server = await startBenchServer(cluster, 'p1');
  try {
    const map = await generateMap(server.api, server.groupId, NODES, EDGES);
    const url = `${server.api.baseUrl}/api/maps/${map.mapId}`;
    const get = async () => {
      const start = now();
      const response = await fetch(url, { headers: server.api.headers });
      const body = await response.arrayBuffer();
      if (!response.ok) throw new Error(`GET snapshot → ${response.status}`);
      return { elapsed: now() - start, bytes: body.byteLength };
    };
    for (let i = 0; i < 5; i++) await get(); // JIT, Prisma's query plans, PostgreSQL's buffers
    server.measuring();
    const samples: number[] = [];
    let bytes = 0;
    const deadline = now() + BUDGET_MS;
    while (samples.length < MAX_SAMPLES && now() < deadline) {
      const sample = await get();
      samples.push(sample.elapsed);
      bytes = sample.bytes;
    }
    const stages = await stageTimings(server.databaseUrl, map.mapId);
    return {
      rows: [latencyRow('P1', `GET snapshot, ${NODES} nodes / ${EDGES} edges`, samples, 'p95', 150)],
      notes: [`P1: response ${(bytes / 1024 / 1024).toFixed(2)} MB; stages measured in-process on the same database (median of 10): ${stages}`],
    };
  } finally {
    await server.stop();
  }
}

/**
 * The snapshot path's stages run one by one in this process, the way map-service.snapshot and the route's zod
 * serializer run them, so a miss can be put down to the stage that costs.
 */
async function stageTimings(databaseUrl: string, mapId: string): Promise<string> {
  const db = createPrisma(databaseUrl, 2);
  try {
    const times: Record<string, number[]> = { 'loadGraph (5 Prisma queries, RR tx)': [], 'graphToLists (sort)': [], 'zod encode (MapSnapshot)': [], 'JSON.stringify': [] };
    for (let i = 0; i < 11; i++) {
      let t = now();
      const { graph, map } = await db.$transaction(
        async (tx) => ({ map: await tx.map.findUniqueOrThrow({ where: { id: mapId } }), graph: await loadGraph(tx, mapId) }),
        { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
      );
      times['loadGraph (5 Prisma queries, RR tx)']!.push(now() - t);
      t = now();
      const lists = graphToLists(graph);
      times['graphToLists (sort)']!.push(now() - t);
      const snapshot = {
        map: { id: map.id, groupId: map.groupId, title: map.title, description: map.description, version: map.version, nodeCount: lists.nodes.length, createdAt: map.createdAt.toISOString(), updatedAt: map.updatedAt.toISOString() },
        ...lists,
        version: map.version,
      };
      t = now();
      const encoded = MapSnapshot.encode(snapshot as MapSnapshot);
      times['zod encode (MapSnapshot)']!.push(now() - t);
      t = now();
      JSON.stringify(encoded);
      times['JSON.stringify']!.push(now() - t);
    }
    return Object.entries(times).map(([stage, samples]) => `${stage} ${ms(summarize(samples.slice(1)).p50)}`).join('; ');
  } finally {
    await db.$disconnect();
  }
}
