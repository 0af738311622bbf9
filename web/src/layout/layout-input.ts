import type { Graph } from '@counterpoint/shared';
import { conclusionEdgeId, premiseEdgeId } from '../editor/flow-elements';
import { CARD_SIZE } from '../editor/large-map';
import type { LayoutBox, LayoutLink } from './layout-protocol';

/**
 * What the layout needs from a map: a box per node and argument (at its drawn size) and a link per relation.
 * An undercut of an edge is linked to that edge's target so it lands near the inference it denies.
 */
export function layoutInput(
  graph: Graph,
  sizeOf: (id: string) => { width: number; height: number } | undefined,
): { boxes: LayoutBox[]; links: LayoutLink[] } {
  const ids = [...Object.keys(graph.nodes), ...Object.keys(graph.arguments)];
  const boxes = ids.map((id) => ({ id, ...(sizeOf(id) ?? CARD_SIZE) }));
  const links: LayoutLink[] = [];
  for (const edge of Object.values(graph.edges)) {
    const target = graph.edges[edge.toId]?.toId ?? edge.toId;
    if (target in graph.nodes || target in graph.arguments) links.push({ id: edge.id, source: edge.fromId, target });
  }
  for (const argument of Object.values(graph.arguments)) {
    for (const premiseId of argument.premiseIds)
      links.push({ id: premiseEdgeId(argument.id, premiseId), source: premiseId, target: argument.id });
    links.push({ id: conclusionEdgeId(argument.id), source: argument.id, target: argument.conclusionId });
  }
  return { boxes, links };
}

/** Shifts laid-out positions so the map keeps its top-left corner instead of jumping to the origin. */
export function anchorPositions(
  graph: Graph,
  positions: Record<string, { x: number; y: number }>,
): Array<{ id: string; x: number; y: number }> {
  const before = [...Object.values(graph.nodes), ...Object.values(graph.arguments)];
  const entries = Object.entries(positions);
  if (before.length === 0 || entries.length === 0) return [];
  const minX = Math.min(...before.map((n) => n.x));
  const minY = Math.min(...before.map((n) => n.y));
  const laidX = Math.min(...entries.map(([, p]) => p.x));
  const laidY = Math.min(...entries.map(([, p]) => p.y));
  return entries.map(([id, p]) => ({ id, x: p.x - laidX + minX, y: p.y - laidY + minY }));
}
