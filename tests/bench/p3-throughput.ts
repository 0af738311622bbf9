import { randomUUID } from 'node:crypto';
import { WebSocket } from 'ws';
import type { MapSummary, Op, SubmitOpsResult } from '@counterpoint/shared';
import type { BenchCluster } from './lib/cluster.js';
import { cpuSplit } from './lib/cpu.js';
import { generateMap, type GeneratedMap } from './lib/generate.js';
import { now, type Api } from './lib/http.js';
import { startBenchServer } from './lib/server.js';
import type { BenchResult, Row } from './lib/stats.js';
import { submitStages } from './lib/submit-stages.js';

/** The size the canvas is built for (P5, P6); each batch loads the whole map, so size matters. */
const NODES = 1_000;
const EDGES = 1_500;
const PHASE_MS = 10_000;
const BATCH = 100;
const SINGLE_CONNECTIONS = 8;
const TARGET = 2_000;

const rateRow = (id: string, measurement: string, ops: number, elapsedMs: number): Row => {
  const rate = ops / (elapsedMs / 1000);
  return { id, measurement, p50: '', p95: '', p99OrRate: `${rate.toFixed(0)} ops/s`, target: `≥ ${TARGET} ops/s`, verdict: rate >= TARGET ? 'pass' : 'miss' };
};

/**
 * P3: ops per second made durable on one map (acknowledged = committed), through the API as clients send them:
 * batched (100 text edits per POST, one request at a time, like an import or an API client) and single (one
 * move per batch over the live WebSocket, 8 members each with one batch on the wire, like MapDocument).
 */
export async function p3(cluster: BenchCluster): Promise<BenchResult> {
  const server = await startBenchServer(cluster, 'p3');
  try {
    const map = await generateMap(server.api, server.groupId, NODES, EDGES);
    const pid = { 'Counterpoint server': server.process.child.pid! };
    server.measuring();
    const say = (line: string) => process.env.BENCH_VERBOSE && console.error(`[bench]   P3 ${line}`);
    say('batched phase');
    const batched = await cpuSplit(pid, () => batchedPhase(server.api, map));
    say('single phase');
    const single = await cpuSplit(pid, () => singlePhase(server.api, map));
    say('stage probes');
    const after = await server.api.get<{ map: MapSummary }>(`/api/maps/${map.mapId}`);
    const acknowledged = batched.result.ops + single.result.ops;
    const logged = after.map.version - map.version;
    // Stage timings on a fresh small map and on this one, so the cost per op can be split by stage and by size.
    const small = await server.api.post<MapSummary>(`/api/groups/${server.groupId}/maps`, { title: 'P3 small', description: '' });
    const seed = { id: randomUUID(), clientId: randomUUID() };
    await server.api.post(`/api/maps/${small.id}/ops`, { baseVersion: 0, clientId: seed.clientId, clientSeq: 0, ops: [{ type: 'node.create', node: { id: seed.id, kind: 'claim', text: 'x', x: 0, y: 0, quote: null } }] });
    const moves = (nodeId: (k: number) => string) => {
      const clientId = randomUUID();
      return Array.from({ length: 8 }, (_, k) => ({ baseVersion: 0, clientId, clientSeq: k, ops: [{ type: 'nodes.move' as const, moves: [{ id: nodeId(k), x: k, y: k }] }] }));
    };
    const userId = (await server.api.get<{ account: { id: string } | null }>('/api/auth/me').catch(() => null))?.account?.id;
    const stagesSmall = userId ? await submitStages(server.databaseUrl, userId, small.id, moves(() => seed.id)) : 'n/a (no /api/auth/me)';
    const stagesBig = userId ? await submitStages(server.databaseUrl, userId, map.mapId, moves((k) => map.nodeIds[k]!)) : 'n/a';
    return {
      rows: [
        rateRow('P3 batched', `durable ops/s, ${BATCH}-op batches over HTTP, ${NODES}-node map`, batched.result.ops, batched.result.elapsed),
        rateRow('P3 single', `durable ops/s, 1-op batches, ${SINGLE_CONNECTIONS} live clients, ${NODES}-node map`, single.result.ops, single.result.elapsed),
      ],
      notes: [
        `P3: ${acknowledged} ops acknowledged, map version moved by ${logged} (every acknowledged op is in the log: ${acknowledged === logged ? 'yes' : 'NO'})`,
        `P3 batched ${batched.text}`,
        `P3 single ${single.text}; batch round trip p50 ${single.result.p50.toFixed(0)} ms`,
        `P3 one nodes.move, stage by stage (median of 7), 1-node map: ${stagesSmall}`,
        `P3 one nodes.move, stage by stage (median of 7), ${NODES}-node map: ${stagesBig}`,
      ],
    };
  } finally {
    await server.stop();
  }
}

async function batchedPhase(api: Api, map: GeneratedMap): Promise<{ ops: number; elapsed: number }> {
  const clientId = randomUUID();
  let seq = 0;
  let ops = 0;
  const start = now();
  for (let round = 0; now() - start < PHASE_MS; round++) {
    const batch: Op[] = Array.from({ length: BATCH }, (_, i) => ({ type: 'node.update', id: map.nodeIds[(round * BATCH + i) % map.nodeIds.length]!, patch: { text: `Edited ${round}.${i}` } }));
    const result = await api.post<SubmitOpsResult>(`/api/maps/${map.mapId}/ops`, { baseVersion: 0, clientId, clientSeq: seq, ops: batch });
    seq += BATCH;
    ops += result.versions.length;
  }
  return { ops, elapsed: now() - start };
}

async function singlePhase(api: Api, map: GeneratedMap): Promise<{ ops: number; elapsed: number; p50: number }> {
  const roundTrips: number[] = [];
  let ops = 0;
  const sockets = await Promise.all(
    Array.from({ length: SINGLE_CONNECTIONS }, () => {
      const socket = new WebSocket(`${api.baseUrl.replace('http', 'ws')}/api/maps/${map.mapId}/live`, { headers: api.headers });
      return new Promise<WebSocket>((resolve, reject) => {
        socket.once('error', reject);
        socket.on('open', () => socket.send(JSON.stringify({ type: 'join', version: map.version })));
        const onJoin = (data: Buffer) => {
          // The batched phase moved the map on: a long catch-up comes as a snapshot instead.
          const head = data.subarray(0, 20).toString();
          if (!head.startsWith('{"type":"catchup"') && !head.startsWith('{"type":"snapshot"')) return;
          socket.off('message', onJoin);
          resolve(socket);
        };
        socket.on('message', onJoin);
      });
    }),
  );
  const start = now();
  await Promise.all(
    sockets.map(async (socket, k) => {
      const clientId = randomUUID();
      for (let seq = 0; now() - start < PHASE_MS; seq++) {
        const sent = now();
        const answer = await new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('P3 single: no ack within 30 s')), 30_000);
          const onMessage = (data: Buffer) => {
            const text = data.length < 300 ? data.toString() : '';
            if (!text.startsWith('{"type":"ack"') && !text.startsWith('{"type":"reject"')) return;
            socket.off('message', onMessage);
            clearTimeout(timer);
            resolve(text);
          };
          socket.on('message', onMessage);
          const move = { id: map.nodeIds[(k * 97 + seq) % map.nodeIds.length]!, x: seq, y: k };
          socket.send(JSON.stringify({ type: 'submit', baseVersion: 0, clientId, clientSeq: seq, ops: [{ type: 'nodes.move', moves: [move] }] }));
        });
        if (!answer.startsWith('{"type":"ack"')) throw new Error(`P3 single: batch refused: ${answer}`);
        roundTrips.push(now() - sent);
        ops++;
      }
    }),
  );
  const elapsed = now() - start;
  for (const socket of sockets) socket.close();
  roundTrips.sort((a, b) => a - b);
  return { ops, elapsed, p50: roundTrips[Math.floor(roundTrips.length / 2)] ?? NaN };
}
