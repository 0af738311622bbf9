import type { ElkNode } from 'elkjs/lib/elk-api';
import type { LayoutBox, LayoutLink } from './layout-protocol';

type Positions = Record<string, { x: number; y: number }>;

/** What the worker needs of ELK (elk.bundled.js, or a test's own instance). */
export interface Elk {
  layout(graph: ElkNode): Promise<ElkNode>;
}

/** Up to this many boxes ELK lays out every link with its most careful settings. */
export const FULL_LAYOUT_MAX_BOXES = 200;

/**
 * ELK's layered algorithm, direction UP: a link's source sits below its target, so reasons stand under what they
 * back. Small maps get the careful settings (model order kept, so an unchanged map lays out the same way twice).
 */
const CAREFUL = {
  'elk.algorithm': 'layered',
  'elk.direction': 'UP',
  'elk.spacing.nodeNode': '48',
  'elk.layered.spacing.nodeNodeBetweenLayers': '72',
  'elk.spacing.componentComponent': '96',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

/**
 * Large maps: ELK's layered algorithm grows steeply with links that span many layers (1,000 nodes with 1,500
 * links: 1.5–3 s even with the light settings below, 20–50 s with model order). So it lays out the map's backbone —
 * each box under the first thing it backs (see `backbone`) — with one crossing-minimisation pass and simple edge
 * routing (React Flow draws the edges anyway): about half a second for 1,000 nodes once the worker is warm.
 * The other links are drawn as before; they only do not pull boxes around.
 */
const QUICK = {
  ...CAREFUL,
  'elk.layered.considerModelOrder.strategy': 'NONE',
  'elk.layered.thoroughness': '1',
  'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
  'elk.edgeRouting': 'POLYLINE',
};

/** Each box's first link (in the map's order): a forest a reader follows from a reason up to the claim it backs. */
export function backbone(links: readonly LayoutLink[]): LayoutLink[] {
  const seen = new Set<string>();
  return links.filter((link) => !seen.has(link.source) && seen.add(link.source));
}

/** Lays the boxes out with ELK; answers each box's top-left position. */
export async function elkLayout(elk: Elk, boxes: readonly LayoutBox[], links: readonly LayoutLink[]): Promise<Positions> {
  const large = boxes.length > FULL_LAYOUT_MAX_BOXES;
  const ids = new Set(boxes.map((b) => b.id));
  const drawn = (large ? backbone(links) : links).filter((l) => ids.has(l.source) && ids.has(l.target) && l.source !== l.target);
  const result = await elk.layout({
    id: 'root',
    layoutOptions: large ? QUICK : CAREFUL,
    children: boxes.map((b) => ({ id: b.id, width: b.width, height: b.height })),
    edges: drawn.map((l) => ({ id: l.id, sources: [l.source], targets: [l.target] })),
  });
  const positions: Positions = {};
  for (const child of result.children ?? []) positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
  return positions;
}
