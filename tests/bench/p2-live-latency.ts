import pg from 'pg';
import type { MapSnapshot } from '@counterpoint/shared';
import type { BenchCluster } from './lib/cluster.js';
import { cpuSplit } from './lib/cpu.js';
import { generateMap, type GeneratedMap } from './lib/generate.js';
import { startBenchServer, type BenchServer } from './lib/server.js';
import { latencyRow, ms, summarize, type BenchResult, type Row } from './lib/stats.js';
import { EngineClient, LightClient } from './p2/counterpoint-clients.js';
import { driveLoad, LatencyRecorder, MEASURE_MS, P2_CLIENTS, PRESENCE_HZ, sleep, WARMUP_MS, type LoadClient } from './p2/load.js';
import { peerMapFromOps, type PeerMapFile } from './p2/yjs-map.js';
import { startYjsPeer, type YjsPeer } from './p2/yjs-process.js';
import { YjsLightClient, YjsProviderClient } from './p2/yjs-clients.js';

/**
 * P2: 50 members on one map, each making one edit a second and sending its pointer 30 times a second; how long
 * from an edit being made at one member until it is in the observer's document. The same room runs against a
 * y-websocket server (Yjs) in the same run. Then both again with edits only (no presence), which isolates the
 * path an edit takes from the cost of relaying pointers. Client 0 is the observer, client 1 the other full
 * client, the other 48 are light clients (see p2/*-clients.ts for why).
 */

/** A study group's busy map; BENCH_P2_NODES changes it (each op's cost grows with the map, see P3). */
const NODES = Number(process.env.BENCH_P2_NODES ?? 200);
const EDGES = Math.round(NODES * 1.5);

interface Outcome {
  samples: number[];
  lost: number;
  unknown: number;
  notes: string[];
}

const perMember = (received: number, members: number) => received / members / ((WARMUP_MS + MEASURE_MS) / 1000);

async function counterpointRoom(server: BenchServer, map: GeneratedMap, presenceHz: number): Promise<Outcome & { durable: boolean }> {
  const api = server.api;
  const snapshot = await api.get<MapSnapshot>(`/api/maps/${map.mapId}`);
  const observer = new EngineClient(api, map.mapId, snapshot, map.nodeIds[0]!);
  const sender = new EngineClient(api, map.mapId, snapshot, map.nodeIds[1]!);
  const light = map.nodeIds.slice(2, P2_CLIENTS).map((id) => new LightClient(api, map.mapId, snapshot.version, id));
  await Promise.all([observer.joined(), sender.joined(), ...light.map((c) => c.ready)]);
  const database = new pg.Client({ connectionString: server.databaseUrl });
  await database.connect();
  const durability = { checked: 0, missing: 0 };
  const recorder = new LatencyRecorder();
  observer.observe(recorder, database, durability);
  const clients: LoadClient[] = [observer, sender, ...light];
  const cpu = await cpuSplit({ 'Counterpoint server': server.process.child.pid! }, () => driveLoad(clients, recorder, 0, presenceHz));
  for (const client of clients) client.close();
  await sleep(500);
  await database.end();
  const rejected = light.reduce((n, c) => n + c.rejected, 0);
  const received = perMember(light.reduce((n, c) => n + c.received, 0), light.length);
  return {
    samples: recorder.samples,
    lost: recorder.lost(),
    unknown: recorder.unknown,
    durable: durability.missing === 0 && durability.checked > 0,
    notes: [
      `each member received ${received.toFixed(0)} messages/s; ${rejected} batches rejected; durability: ${durability.checked} sampled ops seen at the observer were in op_log, ${durability.missing} were not`,
      cpu.text,
    ],
  };
}

async function yjsRoom(peer: YjsPeer, file: PeerMapFile, room: string, presenceHz: number): Promise<Outcome> {
  const ids = file.nodes.map((n) => n.id);
  const observer = new YjsProviderClient(peer.url, room, ids[0]!, 0);
  const sender = new YjsProviderClient(peer.url, room, ids[1]!, 1);
  const light = ids.slice(2, P2_CLIENTS).map((id, i) => new YjsLightClient(peer.url, room, id, i + 2));
  await Promise.all([observer.synced(), sender.synced(), ...light.map((c) => c.ready)]);
  const recorder = new LatencyRecorder();
  observer.observe(recorder);
  const clients: LoadClient[] = [observer, sender, ...light];
  const cpu = await cpuSplit({ 'y-websocket server': peer.pid }, () => driveLoad(clients, recorder, 0, presenceHz));
  for (const client of clients) client.close();
  await sleep(500);
  const received = perMember(light.reduce((n, c) => n + c.received, 0), light.length);
  return {
    samples: recorder.samples,
    lost: recorder.lost(),
    unknown: recorder.unknown,
    notes: [`each member received ${received.toFixed(0)} messages/s; in memory only (no persistence configured, y-websocket’s default)`, cpu.text],
  };
}

export async function p2(cluster: BenchCluster): Promise<BenchResult> {
  const passes = [
    { name: 'P2', label: `${PRESENCE_HZ} Hz presence`, presenceHz: PRESENCE_HZ },
    { name: 'P2 ops only', label: 'no presence', presenceHz: 0 },
  ];
  const ours: (Outcome & { durable: boolean })[] = [];
  const theirs: Outcome[] = [];
  let file: PeerMapFile;
  const server = await startBenchServer(cluster, 'p2');
  try {
    const map = await generateMap(server.api, server.groupId, NODES, EDGES);
    file = peerMapFromOps(map.ops);
    server.measuring();
    for (const pass of passes) ours.push(await counterpointRoom(server, map, pass.presenceHz));
  } finally {
    await server.stop();
  }
  const peer = await startYjsPeer(file);
  try {
    // A room per pass, so the second starts from a fresh document and awareness, as the Counterpoint map does not.
    for (const [i, pass] of passes.entries()) theirs.push(await yjsRoom(peer, file, `bench-map-${i}`, pass.presenceHz));
  } finally {
    await peer.stop();
  }

  const rows: Row[] = [];
  const notes: string[] = [];
  passes.forEach((pass, i) => {
    const a = summarize(ours[i]!.samples);
    const b = summarize(theirs[i]!.samples);
    const ratio = a.p99 / b.p99;
    const row = latencyRow(pass.name, `edit→visible, ${P2_CLIENTS} clients, 1 op/s, ${pass.label}, ${NODES}-node map`, ours[i]!.samples, 'p99', 30);
    const ok = row.verdict === 'pass' && ratio <= 1 && ours[i]!.durable && ours[i]!.lost === 0;
    rows.push(
      { ...row, target: 'p99 ≤ 30 ms, ≤ peer, durable', verdict: ok ? 'pass' : 'miss' },
      { ...latencyRow(`${pass.name} peer`, `the same against y-websocket (Yjs), not durable`, theirs[i]!.samples, 'p99', 30), target: 'reference', verdict: 'n/a' },
      { id: `${pass.name} ratio`, measurement: 'our p99 / peer p99', p50: '', p95: '', p99OrRate: `${ratio.toFixed(2)}×`, target: '≤ 1.00×', verdict: ratio <= 1 ? 'pass' : 'miss' },
    );
    const describe = (who: string, s: ReturnType<typeof summarize>, o: Outcome) =>
      `${pass.name} ${who}: ${s.n} edits timed over ${MEASURE_MS / 1000} s, max ${ms(s.max)}, ${o.lost} never seen by the observer, ${o.unknown} unexpected; ${o.notes.join('; ')}`;
    notes.push(describe('Counterpoint', a, ours[i]!), describe('y-websocket', b, theirs[i]!));
  });
  return { rows, notes };
}
