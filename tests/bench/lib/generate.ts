import { randomUUID } from 'node:crypto';
import type { MapSummary, Op, SubmitOpsResult } from '@counterpoint/shared';
import type { Api } from './http.js';

/** mulberry32: a seeded generator, so every run measures the same map. */
export function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedMap {
  mapId: string;
  /** The ops that built it (the Yjs peer builds its document from the same ones). */
  ops: Op[];
  nodeIds: string[];
  edgeIds: string[];
  version: number;
}

/**
 * The ops of an argument map shaped like real ones: every claim after the first backs or attacks an earlier
 * one (a forest of reasons), and the remaining edges join random earlier claims, so it has cross-links but no
 * cycles of supports. Nodes sit on a grid, as an imported map would before anyone lays it out.
 */
export function mapOps(nodeCount: number, edgeCount: number, seed = 1): { ops: Op[]; nodeIds: string[]; edgeIds: string[] } {
  const random = seeded(seed);
  const nodeIds = Array.from({ length: nodeCount }, () => randomUUID());
  const columns = Math.ceil(Math.sqrt(nodeCount));
  const ops: Op[] = nodeIds.map((id, i) => ({
    type: 'node.create',
    node: { id, kind: 'claim', text: `Claim ${i + 1}: a sentence of ordinary length about parties and classes.`, x: (i % columns) * 280, y: Math.floor(i / columns) * 140, quote: null },
  }));
  const pairs = new Set<string>();
  const edgeIds: string[] = [];
  const addEdge = (from: number, to: number) => {
    const key = `${from}>${to}`;
    if (from === to || pairs.has(key)) return false;
    pairs.add(key);
    const id = randomUUID();
    edgeIds.push(id);
    const kind = random() < 0.5 ? 'supports' : 'attacks';
    ops.push({ type: 'edge.create', edge: { id, kind, fromId: nodeIds[from]!, toId: nodeIds[to]!, label: '' } });
    return true;
  };
  for (let i = 1; i < nodeCount && edgeIds.length < edgeCount; i++) addEdge(i, Math.floor(random() * i));
  while (edgeIds.length < edgeCount) {
    const from = 1 + Math.floor(random() * (nodeCount - 1));
    addEdge(from, Math.floor(random() * from));
  }
  return { ops, nodeIds, edgeIds };
}

/** Creates a map in the group and builds it through POST /api/maps/:id/ops, the path every client takes. */
export async function generateMap(api: Api, groupId: string, nodeCount: number, edgeCount: number, batchSize = 1_000): Promise<GeneratedMap> {
  const map = await api.post<MapSummary>(`/api/groups/${groupId}/maps`, { title: `Bench map ${nodeCount}/${edgeCount}`, description: '' });
  const { ops, nodeIds, edgeIds } = mapOps(nodeCount, edgeCount);
  const clientId = randomUUID();
  let version = map.version;
  for (let start = 0; start < ops.length; start += batchSize) {
    const batch = ops.slice(start, start + batchSize);
    const started = performance.now();
    const result = await api.post<SubmitOpsResult>(`/api/maps/${map.id}/ops`, { baseVersion: version, clientId, clientSeq: start, ops: batch });
    version = result.version;
    if (process.env.BENCH_VERBOSE) console.error(`[bench]   ops ${start}–${start + batch.length} of ${ops.length}: ${(performance.now() - started).toFixed(0)} ms`);
  }
  return { mapId: map.id, ops, nodeIds, edgeIds, version };
}

/** Where each node of a generated map sits (as created: nothing moved since). */
export const placesOf = (map: Pick<GeneratedMap, 'ops'>) =>
  map.ops.flatMap((op) => (op.type === 'node.create' ? [{ id: op.node.id, x: op.node.x, y: op.node.y }] : []));
