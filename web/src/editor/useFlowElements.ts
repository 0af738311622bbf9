import { applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import type { Graph } from '@counterpoint/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { mergeFlowNodes, toFlowEdges } from './flow-elements';
import type { FlowEdge, FlowNode } from './flow-types';

/**
 * The canvas nodes and edges for a graph. The graph decides content and resting positions; React Flow's local
 * state keeps what only the canvas knows (selection, measured sizes, positions during a drag), so a drag moves
 * smoothly and is committed as one op when it ends.
 */
export function useFlowElements(graph: Graph, sourceTitles: ReadonlyMap<string, string>) {
  const [nodes, setNodes] = useState<FlowNode[]>(() => mergeFlowNodes(graph, sourceTitles, []));
  useEffect(() => setNodes((previous) => mergeFlowNodes(graph, sourceTitles, previous)), [graph, sourceTitles]);
  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => setNodes((current) => applyNodeChanges(changes, current)),
    [],
  );

  const [selectedEdgeIds, setSelectedEdgeIds] = useState<ReadonlySet<string>>(() => new Set());
  const graphEdges = useMemo(() => toFlowEdges(graph), [graph]);
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
