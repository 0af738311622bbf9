import { appendFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCluster, type BenchCluster } from './lib/cluster.js';
import { machineInfo } from './lib/machine.js';
import { stopLeftoverServers } from './lib/server.js';
import { skippedRow, table, type BenchResult, type Row } from './lib/stats.js';
import { p1 } from './p1-snapshot.js';
import { p2 } from './p2-live-latency.js';
import { p3 } from './p3-throughput.js';
import { p4 } from './p4-grounded.js';
import { p5 } from './p5-canvas.js';
import { p6 } from './p6-layout.js';
import { p7 } from './p7-import.js';

/**
 * `npm run bench` runs every measurement; `npm run bench -- P1 P3` runs those. Prints one table and appends a
 * dated section to tests/bench/RESULTS.md (`--dry` prints only). Benchmarks are run by hand, never by CI.
 */

interface Bench {
  title: string;
  needsDatabase: boolean;
  run(cluster: BenchCluster): Promise<BenchResult>;
}

const BENCHES: Record<string, Bench> = {
  P1: { title: 'snapshot of a 5,000-node map', needsDatabase: true, run: p1 },
  P2: { title: 'live edit latency, 50 clients, against a Yjs peer', needsDatabase: true, run: p2 },
  P3: { title: 'durable ops/s on one map', needsDatabase: true, run: p3 },
  P4: { title: 'grounded labelling, 10,000 nodes / 20,000 attacks', needsDatabase: false, run: () => p4() },
  P5: { title: 'canvas with 1,000 nodes in Chromium', needsDatabase: true, run: p5 },
  P6: { title: 'auto-layout of 1,000 nodes in the browser', needsDatabase: true, run: p6 },
  P7: { title: 'import of the 285 KB book as a source', needsDatabase: true, run: p7 },
};

/** Setup (a server, a generated map) plus the measured phase; a measurement that hangs must not hang the run. */
const HARD_LIMIT_MS = 300_000;

async function main() {
  const args = process.argv.slice(2);
  const dry = args.includes('--dry');
  const asked = args.filter((a) => !a.startsWith('--')).map((a) => a.toUpperCase());
  const unknown = asked.filter((id) => !(id in BENCHES));
  if (unknown.length) throw new Error(`Unknown measurement ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(' ')}.`);
  const ids = asked.length ? Object.keys(BENCHES).filter((id) => asked.includes(id)) : Object.keys(BENCHES);

  const machine = machineInfo(); // now, so the load average is the one the run started under
  const rows: Row[] = [];
  const notes: string[] = [];
  const timings: string[] = [];
  let cluster: BenchCluster | null = null;
  try {
    for (const id of ids) {
      const bench = BENCHES[id]!;
      const started = Date.now();
      console.error(`[bench] ${id}: ${bench.title} …`);
      try {
        if (bench.needsDatabase) cluster ??= await startCluster();
        const result = await withLimit(bench.run(cluster!), HARD_LIMIT_MS, id);
        rows.push(...result.rows);
        notes.push(...result.notes);
      } catch (error) {
        console.error(error);
        rows.push(skippedRow(id, bench.title, `error: ${error instanceof Error ? error.message.split('\n')[0]!.slice(0, 120) : String(error)}`));
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      console.error(`[bench] ${id} done in ${seconds} s`);
      timings.push(`${id} ${seconds} s`);
    }
  } finally {
    await stopLeftoverServers();
    await cluster?.stop();
  }

  const output = table(rows);
  console.log(`\n${output}\n`);
  notes.push(`wall time per measurement, setup (server start, map generation) included: ${timings.join(', ')}; load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
  for (const note of notes) console.log(`- ${note}`);
  if (!dry) {
    const section = [`## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${ids.join(' ')}`, '', ...machine.map((l) => `- ${l}`), '', output, '', ...notes.map((n) => `- ${n}`), '', ''];
    const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'RESULTS.md');
    await appendFile(file, section.join('\n'));
    console.error(`[bench] appended to ${path.relative(process.cwd(), file)}`);
  }
}

function withLimit<T>(promise: Promise<T>, limitMs: number, id: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${id} took longer than ${limitMs / 1000} s`)), limitMs))),
  ]);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
