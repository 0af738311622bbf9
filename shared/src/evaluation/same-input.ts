import type { Graph } from '../graph.js';

/**
 * Whether two versions of a graph evaluate the same: the same relations, arguments and readings (the same
 * objects: the graph is copy-on-write, so an edit elsewhere keeps them) and the same nodes of the same kinds.
 * Positions and texts play no part in which claims stand, so a move or a rewording need not re-evaluate a map —
 * which on a 1,000-node map took 20 ms of every frame of an auto layout (P6 in tests/bench/RESULTS.md).
 */
export function sameEvaluationInput(a: Graph, b: Graph): boolean {
  return a === b || (a.edges === b.edges && a.arguments === b.arguments && a.readings === b.readings && sameNodeKinds(a, b));
}

/** The same node ids with the same kinds (texts and positions may differ). */
export function sameNodeKinds(a: Graph, b: Graph): boolean {
  if (a.nodes === b.nodes) return true;
  let count = 0;
  for (const id in b.nodes) {
    if (a.nodes[id]?.kind !== b.nodes[id]!.kind) return false;
    count++;
  }
  return count === Object.keys(a.nodes).length;
}
