import type { Graph } from '../graph.js';

/**
 * The edges a set of nodes spans, as a reading made from a selection takes them: every edge between two of the
 * nodes, and every undercut by one of them of an inference the set spans (an edge between two of them, or an
 * argument whose conclusion and premises are all in the set). Sorted, like reading members.
 */
export function edgesAmong(graph: Pick<Graph, 'edges' | 'arguments'>, nodeIds: ReadonlySet<string>): string[] {
  const spans = (id: string): boolean => {
    const edge = graph.edges[id];
    if (edge) return edge.kind !== 'undercuts' && nodeIds.has(edge.fromId) && nodeIds.has(edge.toId);
    const argument = graph.arguments[id];
    return argument !== undefined && nodeIds.has(argument.conclusionId) && argument.premiseIds.every((p) => nodeIds.has(p));
  };
  const found: string[] = [];
  for (const id in graph.edges) {
    const edge = graph.edges[id]!;
    if (edge.kind === 'undercuts' ? nodeIds.has(edge.fromId) && spans(edge.toId) : spans(id)) found.push(id);
  }
  return found.sort();
}
