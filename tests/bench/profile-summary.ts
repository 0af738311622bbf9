import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SourceMapConsumer } from 'source-map-js';
import { WEB_DIST } from '../../server/src/paths.js';

/**
 * Prints where a V8 CPU profile spent its time: the top functions by self time and by total (inclusive) time.
 * Usage: node --import tsx tests/bench/profile-summary.ts <file.cpuprofile> [top=25] [filter-regexp]
 * (Profiles come from `BENCH_PROFILE=<folder> npm run bench -- P3`, one per server process.)
 * PROFILE_WINDOW=from-to limits it to the samples taken that many ms after the profile started.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg, filterArg] = process.argv.slice(2);
if (!file) throw new Error('Usage: profile-summary.ts <file.cpuprofile> [top] [filter]');
const profile = JSON.parse(await readFile(file, 'utf8')) as Profile;
const top = Number(topArg ?? 25);
const filter = filterArg ? new RegExp(filterArg) : null;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Time per sample from the deltas (µs), charged to the sampled node.
const selfUs = new Map<number, number>();
// PROFILE_WINDOW=from-to (ms after the profile's start) keeps only the samples in that window.
const window = /^(\d+)-(\d+)$/.exec(process.env.PROFILE_WINDOW ?? '');
let sampledAt = 0;
profile.samples.forEach((id, i) => {
  sampledAt += (profile.timeDeltas[i] ?? 0) / 1000;
  if (window && (sampledAt < Number(window[1]) || sampledAt > Number(window[2]))) return;
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0));
});

// Page profiles point into the minified bundle; the build's source maps (web/dist/assets/*.map) name the source.
const maps = new Map<string, SourceMapConsumer | null>();
function original(url: string, line: number, column: number): string | null {
  const asset = /\/assets\/([^/?#]+\.js)/.exec(url)?.[1];
  if (!asset) return null;
  if (!maps.has(asset)) {
    const file = path.join(WEB_DIST, 'assets', `${asset}.map`);
    maps.set(asset, existsSync(file) ? new SourceMapConsumer(JSON.parse(readFileSync(file, 'utf8'))) : null);
  }
  const position = maps.get(asset)?.originalPositionFor({ line: line + 1, column });
  if (!position?.source) return null;
  return `${position.name ?? '?'} ${position.source.replace(/^(\.\.\/)+/, '').replace(/.*node_modules\//, 'nm/')}:${position.line}`;
}

const label = (n: ProfileNode) => {
  const mapped = original(n.callFrame.url, n.callFrame.lineNumber, n.callFrame.columnNumber);
  if (mapped) return `${n.callFrame.functionName || '(anonymous)'} → ${mapped}`;
  const url = n.callFrame.url.replace(/^file:\/\//, '').replace(/.*\/work\/main\//, '').replace(/.*node_modules\//, 'nm/');
  return `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`;
};
const self = new Map<string, number>();
const total = new Map<string, number>();
for (const [id, us] of selfUs) {
  const node = byId.get(id)!;
  self.set(label(node), (self.get(label(node)) ?? 0) + us);
  // Each function on the stack gets the sample once, however often it recurses.
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const l = label(byId.get(at)!);
    if (seen.has(l)) continue;
    seen.add(l);
    total.set(l, (total.get(l) ?? 0) + us);
  }
}
const wall = window ? Number(window[2]) - Number(window[1]) : (profile.endTime - profile.startTime) / 1000;
const idle = [...self].filter(([l]) => l.startsWith('(idle)')).reduce((s, [, us]) => s + us, 0) / 1000;
console.log(`${file}: ${wall.toFixed(0)} ms profiled, ${idle.toFixed(0)} ms idle, ${(wall - idle).toFixed(0)} ms busy`);
const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  [...map]
    .filter(([l]) => !filter || filter.test(l))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .forEach(([l, us]) => console.log(`${(us / 1000).toFixed(0).padStart(8)} ms ${((us / 1000 / wall) * 100).toFixed(1).padStart(5)}%  ${l}`));
};
print('self time', self);
print('total time (inclusive)', total);
