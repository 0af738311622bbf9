import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { graphFromLists, type Graph, type GraphEdge, type GraphNode } from '@counterpoint/shared';
import { seeded } from './lib/generate.js';
import { now } from './lib/http.js';
import { latencyRow, skippedRow, type BenchResult } from './lib/stats.js';

const NODES = 10_000;
const ATTACKS = 20_000;
const RUNS = 30;

const id = (tag: string, i: number) => `00000000-0000-4000-8000-${tag}${String(i).padStart(10, '0')}`;

/**
 * P4: the grounded labelling of a map with 10,000 claims and 20,000 attacks, in this process (it is pure code
 * that runs the same in the browser and on the server). Two rows: evaluateGraph, what the app calls (framework
 * from the graph, labelling, reasons), and groundedLabelling alone on the framework's arrays.
 */
export async function p4(): Promise<BenchResult> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  if (!existsSync(path.join(here, '..', '..', 'shared', 'src', 'evaluation', 'index.ts'))) {
    return { rows: [skippedRow('P4', 'grounded labelling, 10,000 nodes / 20,000 attacks', 'n/a: not built')], notes: [] };
  }
  const { buildFramework, evaluateGraph, groundedLabelling } = await import('@counterpoint/shared');
  const random = seeded(7);
  const pick = (n: number) => Math.floor(random() * n);
  const nodes: GraphNode[] = Array.from({ length: NODES }, (_, i) => ({ id: id('aa', i), kind: 'claim', text: '', x: 0, y: 0, quote: null, authorId: null }));
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  while (edges.length < ATTACKS) {
    const from = pick(NODES);
    const to = pick(NODES);
    if (from === to || seen.has(`${from}>${to}`)) continue;
    seen.add(`${from}>${to}`);
    edges.push({ id: id('bb', edges.length), kind: 'attacks', fromId: id('aa', from), toId: id('aa', to), label: '', authorId: null });
  }
  // A fresh graph object (new records, as an edit makes) for every run, built before the clock starts: nothing
  // computed for one graph object can be reused for the next, so each run measures the whole evaluation.
  const freshGraph = () => graphFromLists({ nodes, edges, arguments: [] });
  const graph = freshGraph();

  const time = (run: () => unknown) => {
    const start = now();
    run();
    return now() - start;
  };
  const timeOnFreshGraph = (run: (graph: Graph) => unknown) => {
    const input = freshGraph();
    return time(() => run(input));
  };
  for (let i = 0; i < 5; i++) evaluateGraph(freshGraph()); // JIT warm-up, as a page that evaluates on every edit is
  const full = Array.from({ length: RUNS }, () => timeOnFreshGraph((g) => evaluateGraph(g)));
  const framework = buildFramework(graph);
  const from = Int32Array.from(framework.from);
  const to = Int32Array.from(framework.to);
  for (let i = 0; i < 5; i++) groundedLabelling(framework.size, from, to);
  const core = Array.from({ length: RUNS }, () => time(() => groundedLabelling(framework.size, from, to)));
  const build = Array.from({ length: 10 }, () => timeOnFreshGraph((g) => buildFramework(g)));
  build.sort((a, b) => a - b);
  return {
    rows: [
      latencyRow('P4', `evaluateGraph, ${NODES} nodes / ${ATTACKS} attacks`, full, 'p95', 20),
      latencyRow('P4 core', 'groundedLabelling on the framework arrays', core, 'p95', 20),
    ],
    notes: [`P4: buildFramework alone, median ${build[5]!.toFixed(1)} ms (the rest of evaluateGraph is labelling + per-node records and reasons)`],
  };
}
