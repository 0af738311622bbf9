import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CORPUS_DIR } from '../../server/src/paths.js';
import type { BenchCluster } from './lib/cluster.js';
import { now } from './lib/http.js';
import { startBenchServer } from './lib/server.js';
import { latencyRow, type BenchResult } from './lib/stats.js';

const BOOK = 'trotsky-an-introduction.txt';
const RUNS = 6;
const BUDGET_MS = 40_000;

/** P7: POST /api/groups/:groupId/sources with the 285 KB book, as the import dialog sends it; a new source each time. */
export async function p7(cluster: BenchCluster): Promise<BenchResult> {
  const text = await readFile(path.join(CORPUS_DIR, BOOK), 'utf8');
  const server = await startBenchServer(cluster, 'p7');
  try {
    const samples: number[] = [];
    server.measuring();
    let passages = 0;
    const start = now();
    for (let i = 0; i < RUNS && now() - start < BUDGET_MS; i++) {
      const t = now();
      const source = await server.api.post<{ passages?: unknown[]; passageCount?: number }>(`/api/groups/${server.groupId}/sources`, {
        title: `Trotsky: an introduction (bench ${i + 1})`,
        kind: 'book',
        author: null,
        date: null,
        url: null,
        text,
      });
      samples.push(now() - t);
      passages = source.passages?.length ?? source.passageCount ?? 0;
    }
    return {
      rows: [latencyRow('P7', `import the ${(Buffer.byteLength(text) / 1000).toFixed(0)} KB book as a source`, samples, 'p95', 2_000)],
      notes: [`P7: ${passages} passages per import; first import ${samples[0]?.toFixed(0)} ms (cold), the rest warm`],
    };
  } finally {
    await server.stop();
  }
}
