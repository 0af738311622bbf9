import { useOnSelectionChange, type OnSelectionChangeParams } from '@xyflow/react';
import { useCallback, useState } from 'react';
import type { FlowEdge, FlowNode } from '../editor/flow-types';
import { EMPTY_SELECTION, type Selection } from './reading-ops';

/**
 * The canvas selection in graph terms, kept up to date by React Flow's selection events (no per-frame scan of
 * all nodes). Inference nodes and argument legs are not graph nodes or edges, so they drop out here.
 */
export function useCanvasSelection(): Selection {
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const onChange = useCallback(({ nodes, edges }: OnSelectionChangeParams<FlowNode, FlowEdge>) => {
    const nodeIds = nodes.filter((n) => n.type !== 'inference').map((n) => n.id);
    const edgeIds = edges.flatMap((e) => (e.data?.role.type === 'edge' ? [e.data.role.edgeId] : []));
    setSelection(nodeIds.length + edgeIds.length === 0 ? EMPTY_SELECTION : { nodeIds, edgeIds });
  }, []);
  useOnSelectionChange({ onChange });
  return selection;
}
