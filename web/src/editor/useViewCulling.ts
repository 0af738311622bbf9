import { useStoreApi } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { allCardsDrawn } from './draw-all-cards';
import type { FlowEdge, FlowNode } from './flow-types';
import { CARD_SIZE } from './large-map';

/** A card is drawn once it comes this close to the screen (in screens)… */
const DRAW_WITHIN = 0.05;
/** …and kept until it is this far from it: panning back and forth draws nothing new. */
const KEEP_WITHIN = 1;
/** When the map opens, a ring this wide around the screen is drawn too: a small pan then draws nothing. */
const OPENING_RING = 0.2;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * A large map draws the cards near the screen and the edges with an end among them; the rest are hidden.
 *
 * React Flow's own culling (onlyRenderVisibleElements) draws exactly what is on screen, so every frame of a pan
 * mounted the cards crossing the border and the edges whose box crossed it, and on a map with long cross-links
 * each such edge repaints much of the screen: panning ran at 5–10 frames a second though the script was idle
 * (P5 in tests/bench/RESULTS.md). Here a card is drawn when it nears the screen and kept until it is a screen
 * away, so a pan draws only what it newly reaches, and edges stay put; at opening, a ring around the screen is
 * drawn as well.
 *
 * Hidden cards still have their size and handles (static-geometry.ts), so an edge towards one is drawn, and
 * fitting the view counts them (fitView with includeHiddenNodes).
 */
export function useViewCulling(nodes: FlowNode[], edges: FlowEdge[], enabled: boolean, viewSet: boolean): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const store = useStoreApi();
  const [drawn, setDrawn] = useState<ReadonlySet<string>>(() => new Set());
  const latestNodes = useRef(nodes);
  latestNodes.current = nodes;
  const update = useRef<() => void>(() => {});

  useEffect(() => {
    // Not before the opening view is set: what is near the default one is not worth drawing.
    if (!enabled || !viewSet) return;
    let current: ReadonlySet<string> = new Set();
    update.current = () => {
      const { transform, width, height } = store.getState();
      const next = cardsToDraw(current, latestNodes.current, { transform, width, height });
      if (next !== current) setDrawn((current = next));
    };
    update.current();
    // Every store change (the view moving, above all): one pass over the nodes' boxes, some microseconds.
    const unsubscribe = store.subscribe(() => update.current());
    return () => {
      unsubscribe();
      update.current = () => {};
    };
  }, [enabled, viewSet, store]);
  // Nodes added, moved or removed.
  useEffect(() => update.current(), [nodes]);

  // A picture of the whole map is being taken (draw-all-cards.ts).
  const everything = useSyncExternalStore(allCardsDrawn.subscribe, allCardsDrawn.get);
  return useMemo(() => {
    if (!enabled || everything) return { nodes, edges };
    return {
      nodes: nodes.map((node) => (drawn.has(node.id) ? node : hiddenCopy(node))),
      edges: edges.filter((edge) => edge.selected || drawn.has(edge.source) || drawn.has(edge.target)),
    };
  }, [enabled, everything, nodes, edges, drawn]);
}

/** The pane's size and React Flow's [x, y, zoom] transform. */
export interface View {
  transform: [number, number, number];
  width: number;
  height: number;
}

/**
 * The cards to draw for a view, given those drawn now: the ones near the screen (a wider ring when none are
 * drawn yet, as at opening), the drawn ones still within a screen of it, and any selected or dragged. The same
 * set object when nothing changed.
 */
export function cardsToDraw(current: ReadonlySet<string>, nodes: readonly FlowNode[], { transform, width, height }: View): ReadonlySet<string> {
  if (!width || !height) return current;
  const near = screenBox(transform, width, height, current.size === 0 ? OPENING_RING : DRAW_WITHIN);
  const kept = screenBox(transform, width, height, KEEP_WITHIN);
  const next = new Set<string>();
  let changed = false;
  for (const node of nodes) {
    const was = current.has(node.id);
    const is = Boolean(node.selected || node.dragging) || overlaps(boxOf(node), was ? kept : near);
    if (is) next.add(node.id);
    if (is !== was) changed = true;
  }
  return changed || next.size !== current.size ? next : current;
}

/** One hidden copy per node object, so a node that stays hidden stays the same object for React Flow. */
const hiddenCopies = new WeakMap<FlowNode, FlowNode>();
function hiddenCopy(node: FlowNode): FlowNode {
  let copy = hiddenCopies.get(node);
  if (!copy) hiddenCopies.set(node, (copy = { ...node, hidden: true }));
  return copy;
}

/** The screen in flow coordinates, grown by `margin` screens on every side. */
function screenBox([x, y, zoom]: [number, number, number], width: number, height: number, margin: number): Box {
  const [w, h] = [width / zoom, height / zoom];
  const [left, top] = [-x / zoom, -y / zoom];
  return { left: left - margin * w, top: top - margin * h, right: left + w + margin * w, bottom: top + h + margin * h };
}

function boxOf(node: FlowNode): Box {
  const { x, y } = node.position;
  return { left: x, top: y, right: x + (node.measured?.width ?? CARD_SIZE.width), bottom: y + (node.measured?.height ?? CARD_SIZE.height) };
}

const overlaps = (a: Box, b: Box) => a.left <= b.right && a.right >= b.left && a.top <= b.bottom && a.bottom >= b.top;
