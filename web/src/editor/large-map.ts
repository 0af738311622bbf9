import type { Graph } from '@counterpoint/shared';

/**
 * Above this many boxes (nodes and arguments) a map is large: its minimap is drawn on a canvas (OverviewMap) and
 * its auto layout follows the map's backbone (elk-layout.ts).
 */
export const LARGE_MAP_BOXES = 300;

/** The drawn size of a card before it is measured (nodes.css: .cp-node is 220 px wide). */
export const CARD_SIZE = { width: 220, height: 80 };

export const isLargeMap = (graph: Graph) => Object.keys(graph.nodes).length + Object.keys(graph.arguments).length > LARGE_MAP_BOXES;
