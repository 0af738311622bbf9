import { useReactFlow, useStoreApi, type EdgeChange, type NodeChange } from '@xyflow/react';
import { useCallback } from 'react';
import type { FlowEdge, FlowNode } from '../editor/flow-types';

/**
 * Highlights things on the canvas: selects exactly the given nodes and edges and frames the nodes. Goes through
 * React Flow's own selection changes, so the editor's selection state stays the one truth.
 */
export function useCanvasFocus() {
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const store = useStoreApi<FlowNode, FlowEdge>();
  return useCallback(
    (nodeIds: readonly string[], edgeIds: readonly string[] = []) => {
      const { nodeLookup, edgeLookup, triggerNodeChanges, triggerEdgeChanges } = store.getState();
      const nodes = new Set(nodeIds);
      const edges = new Set(edgeIds);
      const nodeChanges: NodeChange<FlowNode>[] = [];
      for (const [id, node] of nodeLookup) {
        if (Boolean(node.selected) !== nodes.has(id)) nodeChanges.push({ type: 'select', id, selected: nodes.has(id) });
      }
      const edgeChanges: EdgeChange<FlowEdge>[] = [];
      for (const [id, edge] of edgeLookup) {
        if (Boolean(edge.selected) !== edges.has(id)) edgeChanges.push({ type: 'select', id, selected: edges.has(id) });
      }
      triggerNodeChanges(nodeChanges);
      triggerEdgeChanges(edgeChanges);
      const framed = nodeIds.filter((id) => nodeLookup.has(id)).map((id) => ({ id }));
      // A large map hides cards far from the view (editor/useViewCulling.ts); these are about to be drawn.
      if (framed.length > 0) void flow.fitView({ nodes: framed, padding: 0.4, maxZoom: 1.1, duration: 400, includeHiddenNodes: true });
    },
    [flow, store],
  );
}
