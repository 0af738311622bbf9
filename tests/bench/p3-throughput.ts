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
/** Live clients in the single-op phases: the original 8, and a room the size of P2's (50 members). */
const SINGLE_CONNECTIONS = [8, 50] as const;
const TARGET = 2_000;

const rateRow = (id: string, measurement: string, ops: number, elapsedMs: number): Row => {
  const rate = ops / (elapsedMs / 1000);
  return { id, measurement, p50: '', p95: '', p99OrRate: `${rate.toFixed(0)} ops/s`, target: `≥ ${TARGET} ops/s`, verdict: rate >= TARGET ? 'pass' : 'miss' };
};

/**
 * P3: ops per second made durable on one map (acknowledged = committed), through the API as clients send them:
 * batched (100 text edits per POST, one request at a time, like an import or an API client) and single (one
 * move per batch over the live WebSocket, each member with one batch on the wire, like MapDocument), with 8
 * members and with 50 (P2's room). Batches of one map that arrive while its transaction runs are committed
 * together (group commit), so the single rate grows with the number of members sending at once; each member
 * still waits for its ack before sending again.
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
    const singles = [];
    for (const connections of SINGLE_CONNECTIONS) {
      say(`single phase, ${connections} clients`);
      singles.push({ connections, ...(await cpuSplit(pid, () => singlePhase(server.api, map, connections))) });
    }
    say('stage probes');
    const after = await server.api.get<{ map: MapSummary }>(`/api/maps/${map.mapId}`);
    const acknowledged = batched.result.ops + singles.reduce((n, s) => n + s.result.ops, 0);
    const logged = after.map.version - map.version;
    // Stage timings on a fresh small map and on this one, so the cost per op can be split by stage and by size.
    const small = await server.api.post<MapSummary>(`/api/groups/${server.groupId}/maps`, { title: 'P3 small', description: '' });
    const seed = { id: randomUUID(), clientId: randomUUID() };
    await server.api.post(`/api/maps/${small.id}/ops`, { baseVersion: 0, clientId: seed.clientId, clientSeq: 0, ops: [{ type: 'node.create', node: { id: seed.id, kind: 'claim', text: 'x', x: 0, y: 0, quote: null } }] });
    // Groups of `size` one-move batches (from `size` clients), 8 groups; the first is left out as warm-up.
    const moveGroups = (size: number, nodeId: (k: number) => string) =>
      Array.from({ length: 8 }, (_, g) =>
        Array.from({ length: size }, (_, k) => ({ baseVersion: 0, clientId: randomUUID(), clientSeq: g, ops: [{ type: 'nodes.move' as const, moves: [{ id: nodeId(k), x: g, y: k }] }] })),
      );
    const textBatches = Array.from({ length: 8 }, (_, g) => {
      const clientId = randomUUID();
      return [{ baseVersion: 0, clientId, clientSeq: 0, ops: Array.from({ length: BATCH }, (_, i) => ({ type: 'node.update' as const, id: map.nodeIds[i]!, patch: { text: `Probe ${g}.${i}` } })) }];
    });
    const userId = (await server.api.get<{ account: { id: string } | null }>('/api/auth/me').catch(() => null))?.account?.id;
    const probe = (mapId: string, groups: Parameters<typeof submitStages>[3]) => (userId ? submitStages(server.databaseUrl, userId, mapId, groups) : Promise.resolve('n/a (no /api/auth/me)'));
    const stagesSmall = await probe(small.id, moveGroups(1, () => seed.id));
    const stagesBig = await probe(map.mapId, moveGroups(1, (k) => map.nodeIds[k]!));
    const stagesGroup = await probe(map.mapId, moveGroups(50, (k) => map.nodeIds[k]!));
    const stagesText = await probe(map.mapId, textBatches);
    return {
      rows: [
        rateRow('P3 batched', `durable ops/s, ${BATCH}-op batches over HTTP, ${NODES}-node map`, batched.result.ops, batched.result.elapsed),
        ...singles.map((single) =>
          rateRow(single.connections === 8 ? 'P3 single' : `P3 single ${single.connections}`, `durable ops/s, 1-op batches, ${single.connections} live clients (1 in flight each), ${NODES}-node map`, single.result.ops, single.result.elapsed),
        ),
      ],
      notes: [
        `P3: ${acknowledged} ops acknowledged, map version moved by ${logged} (every acknowledged op is in the log: ${acknowledged === logged ? 'yes' : 'NO'})`,
        `P3 batched ${batched.text}`,
        ...singles.map((single) => `P3 single, ${single.connections} clients: ${single.text}; batch round trip p50 ${single.result.p50.toFixed(0)} ms`),
        `P3 stage by stage (median of 7 transactions), one nodes.move, 1-node map: ${stagesSmall}`,
        `P3 stage by stage, one nodes.move, ${NODES}-node map: ${stagesBig}`,
        `P3 stage by stage, a group of 50 one-move batches, ${NODES}-node map: ${stagesGroup}`,
        `P3 stage by stage, one ${BATCH}-op text batch, ${NODES}-node map: ${stagesText}`,
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

async function singlePhase(api: Api, map: GeneratedMap, connections: number): Promise<{ ops: number; elapsed: number; p50: number }> {
  const roundTrips: number[] = [];
  let ops = 0;
  const sockets = await Promise.all(
    Array.from({ length: connections }, () => {
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
