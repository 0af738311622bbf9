import { applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import type { Graph } from '@counterpoint/shared';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { mergeFlowEdges, sameEdgeInput } from './flow-edges';
import { mergeFlowNodes } from './flow-elements';
import type { FlowEdge, FlowNode } from './flow-types';
import { rememberMeasured, withStaticGeometry } from './static-geometry';

/** How many nodes move per frame when the graph moves many at once (each frame also pays React Flow's pass over every node and edge). */
const MOVES_PER_FRAME = 250;

/**
 * The canvas nodes and edges for a graph. The graph decides content and resting positions; React Flow's local
 * state keeps what only the canvas knows (selection, measured sizes, positions during a drag), so a drag moves
 * smoothly and is committed as one op when it ends.
 */
export function useFlowElements(graph: Graph, sourceTitles: ReadonlyMap<string, string>, staticGeometry: boolean) {
  // Large maps: every node carries its size and handles (see static-geometry.ts).
  const geometry = useCallback((next: FlowNode[]) => (staticGeometry ? withGeometry(next) : next), [staticGeometry]);
  const [nodes, setNodes] = useState<FlowNode[]>(() => geometry(mergeFlowNodes(graph, sourceTitles, []).nodes));
  // The latest nodes, also between a change and its render, so a frame's batch of moves builds on the last one.
  const latest = useRef(nodes);
  const show = useCallback(
    (next: FlowNode[]) => {
      latest.current = geometry(next);
      setNodes(latest.current);
    },
    [geometry],
  );

  useEffect(() => {
    let frame = 0;
    const step = (budget: number) => {
      const merged = mergeFlowNodes(graph, sourceTitles, latest.current, budget);
      show(merged.nodes);
      if (merged.deferredMoves > 0) frame = requestAnimationFrame(() => step(MOVES_PER_FRAME));
    };
    // A handful of moves (a drag) shows at once; many (a layout) spread over frames, the first batch now.
    step(MOVES_PER_FRAME);
    return () => cancelAnimationFrame(frame);
  }, [graph, sourceTitles, show]);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const next = applyNodeChanges(changes, latest.current);
      if (staticGeometry) rememberMeasuredSizes(changes, next);
      show(next);
    },
    [show, staticGeometry],
  );

  const [selectedEdgeIds, setSelectedEdgeIds] = useState<ReadonlySet<string>>(() => new Set());
  const previousEdges = useRef<FlowEdge[]>([]);
  // Moves and text edits leave the edges as they were: no pass over them then.
  const edgesOf = useRef(graph);
  if (!sameEdgeInput(edgesOf.current, graph)) edgesOf.current = graph;
  const edgeInput = edgesOf.current;
  const graphEdges = useMemo(() => (previousEdges.current = mergeFlowEdges(edgeInput, previousEdges.current)), [edgeInput]);
  const edges = useMemo(
    () => (selectedEdgeIds.size === 0 ? graphEdges : graphEdges.map((e) => (selectedEdgeIds.has(e.id) ? { ...e, selected: true } : e))),
    [graphEdges, selectedEdgeIds],
  );
  // Edges are derived from the graph; the only edge state the canvas owns is which are selected.
  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => {
    const selects = changes.filter((c) => c.type === 'select');
    if (selects.length === 0) return;
    setSelectedEdgeIds((current) => {
      const next = new Set(current);
      for (const change of selects) {
        if (change.selected) next.add(change.id);
        else next.delete(change.id);
      }
      return next;
    });
  }, []);

  return { nodes, edges, onNodesChange, onEdgesChange };
}

/** Cards just measured teach the size estimates of cards not drawn yet (see static-geometry.ts). */
function rememberMeasuredSizes(changes: NodeChange<FlowNode>[], nodes: FlowNode[]) {
  const measured = new Set(changes.flatMap((c) => (c.type === 'dimensions' ? [c.id] : [])));
  if (measured.size > 0) for (const node of nodes) if (measured.has(node.id)) rememberMeasured(node);
}

/** The nodes with static geometry; the same array when every node already had it. */
function withGeometry(nodes: FlowNode[]): FlowNode[] {
  const sized = nodes.map(withStaticGeometry);
  return sized.every((n, i) => n === nodes[i]) ? nodes : sized;
}
