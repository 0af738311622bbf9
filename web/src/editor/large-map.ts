import type { Graph } from '@counterpoint/shared';

/**
 * Above this many boxes (nodes and arguments) a map is large: its minimap is drawn on a canvas (OverviewMap) and
 * its auto layout follows the map's backbone (elk-layout.ts).
 */
export const LARGE_MAP_BOXES = 300;

/** The drawn size of a card before it is measured (nodes.css: .cp-node is 220 px wide). */
export const CARD_SIZE = { width: 220, height: 80 };

export const isLargeMap = (graph: Graph) => Object.keys(graph.nodes).length + Object.keys(graph.arguments).length > LARGE_MAP_BOXES;

/** How far (in flow units, either way) a neighbour of the opening node may be to be framed with it. */
const NEIGHBOUR_REACH = 1_000;

/** Zoom range a large map opens at: the card text is readable (canvas-motion.css hides it below 0.3). */
const OPENING_ZOOM = { minZoom: 0.6, maxZoom: 1 };

/**
 * Where a large map opens: its most connected node and the nodes next to it (the near ones), at a readable zoom.
 * Fitting a thousand cards on one screen shows nothing legible and costs drawing them all (P5 in
 * tests/bench/RESULTS.md); "Fit view" is one click away for the whole picture, and the overview map shows where
 * the view is.
 */
export function openingViewOf(graph: Graph) {
  const neighbours = new Map<string, string[]>();
  const degree = (id: string) => neighbours.get(id)?.length ?? 0;
  const link = (a: string, b: string) => {
    (neighbours.get(a) ?? neighbours.set(a, []).get(a)!).push(b);
    (neighbours.get(b) ?? neighbours.set(b, []).get(b)!).push(a);
  };
  for (const edge of Object.values(graph.edges)) link(edge.fromId, edge.toId);
  for (const argument of Object.values(graph.arguments)) for (const premise of argument.premiseIds) link(premise, argument.conclusionId);
  let focus: string | undefined;
  for (const id of Object.keys(graph.nodes)) if (focus === undefined || degree(id) > degree(focus)) focus = id;
  // Its neighbours within reach: a link to a far corner of the map would zoom out to nothing legible.
  const centre = focus === undefined ? undefined : graph.nodes[focus]!;
  const near = (id: string) => {
    const node = graph.nodes[id];
    return node !== undefined && centre !== undefined && Math.abs(node.x - centre.x) <= NEIGHBOUR_REACH && Math.abs(node.y - centre.y) <= NEIGHBOUR_REACH;
  };
  const ids = focus === undefined ? [] : [focus, ...(neighbours.get(focus) ?? []).filter(near)];
  // Cards far from the view are hidden (useViewCulling.ts) but still count.
  return { nodes: ids.map((id) => ({ id })), padding: 0.2, includeHiddenNodes: true, ...OPENING_ZOOM };
}
