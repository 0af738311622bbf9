import type { Graph } from '@counterpoint/shared';

/** A short text naming a node in lists: a claim's words, or an evidence node's quotation (or caption). */
export function nodeText(graph: Graph, id: string, max = 140): string {
  const node = graph.nodes[id];
  if (!node) return 'a deleted node';
  const text = node.kind === 'evidence' ? `“${node.quote?.exact ?? node.text}”` : node.text || `(empty ${node.kind})`;
  return text.length > max ? `${text.slice(0, max).trimEnd()}…` : text;
}
