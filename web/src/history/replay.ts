import { applyOp, describeOp, emptyGraph, type Graph, type OpLogEntry } from '@counterpoint/shared';

/** The map as it was at `version`: the op log replayed from the start with the same applyOp as everywhere. */
export function replayTo(entries: readonly OpLogEntry[], version: number): Graph {
  let graph = emptyGraph;
  for (const entry of entries) {
    if (entry.version > version) break;
    const result = applyOp(graph, entry.op, { actorId: entry.actorId });
    if (result.ok) graph = result.graph;
  }
  return graph;
}

export interface Activity {
  entry: OpLogEntry;
  text: string;
}

/** A sentence per op, each described against the map as it was just before the op. */
export function describeLog(entries: readonly OpLogEntry[]): Activity[] {
  let graph = emptyGraph;
  return entries.map((entry) => {
    const text = describeOp(entry.op, graph);
    const result = applyOp(graph, entry.op, { actorId: entry.actorId });
    if (result.ok) graph = result.graph;
    return { entry, text };
  });
}
