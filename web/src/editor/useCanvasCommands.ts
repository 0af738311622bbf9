import { useReactFlow, type FinalConnectionState, type InternalNode } from '@xyflow/react';
import type { Graph } from '@counterpoint/shared';
import { useCallback, useRef, useState, type MouseEvent as ReactMouseEvent, type RefObject } from 'react';
import { errorMessage } from '../api/api-error';
import { anchorPositions, layoutInput } from '../layout/layout-input';
import { useAutoLayout } from '../layout/useAutoLayout';
import { layoutViewport } from '../layout/layout-viewport';
import type { MapDocument } from '../sync/map-document';
import { connectChoices, type ConnectChoice, type DropTarget } from './connect-choices';
import { createNodeOp, deleteOps, moveOps } from './edit-ops';
import type { EditingStore } from './editor-context';
import type { FlowEdge, FlowNode } from './flow-types';
import type { PickerRequest } from './KindPicker';
import { CARD_SIZE, isLargeMap } from './large-map';

const NODE_HALF = { x: 110, y: 30 };
/** Each animation frame makes React Flow revisit every node and edge: framing a larger layout jumps instead. */
const ANIMATED_FRAMING_MAX = 200;
const INFERENCE_HALF = 14;

/**
 * The canvas element under a viewport point, found through React Flow's data-id attributes. A node wins, then an
 * edge's midpoint dot (edges overlap near busy nodes, and the dot is what the user aimed at), then any edge.
 */
function dropTargetAt(x: number, y: number): DropTarget | null {
  const hits = document.elementsFromPoint(x, y);
  const idOf = (selector: string, match: (element: Element) => boolean = () => true) => {
    for (const element of hits) {
      const found = element.closest(selector);
      if (found?.getAttribute('data-id') && match(element)) return found.getAttribute('data-id')!;
    }
    return null;
  };
  const nodeId = idOf('.react-flow__node');
  if (nodeId) return { type: 'node', id: nodeId };
  const edgeId = idOf('.react-flow__edge', (e) => e.classList.contains('cp-edge__midpoint')) ?? idOf('.react-flow__edge');
  return edgeId ? { type: 'edge', id: edgeId } : null;
}

function centerOf(node: InternalNode | undefined) {
  if (!node) return { x: 0, y: 0 };
  const { x, y } = node.internals.positionAbsolute;
  return { x: x + (node.measured.width ?? 0) / 2, y: y + (node.measured.height ?? 0) / 2 };
}

function centerOfScreen(element: HTMLElement | null) {
  const rect = element?.getBoundingClientRect();
  return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : { x: window.innerWidth / 2, y: window.innerHeight / 2 };
}

/** The id of the node whose card centre is nearest `point` (flow coordinates), or null on an empty map. */
function nodeNearest(graph: Graph, point: { x: number; y: number }): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const node of Object.values(graph.nodes)) {
    const distance = Math.hypot(node.x + CARD_SIZE.width / 2 - point.x, node.y + CARD_SIZE.height / 2 - point.y);
    if (distance < bestDistance) [best, bestDistance] = [node.id, distance];
  }
  return best;
}

/** Every user command of the canvas, each turned into one op batch on the MapDocument. */
export function useCanvasCommands(doc: MapDocument, editing: EditingStore, wrapper: RefObject<HTMLDivElement | null>) {
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const graph = () => doc.getState().graph;
  const sizeOf = (id: string) => {
    const { width, height } = flow.getInternalNode(id)?.measured ?? {};
    return width && height ? { width, height } : undefined;
  };
  const layout = useAutoLayout(() => layoutInput(graph(), sizeOf));
  const [picker, setPicker] = useState<PickerRequest | null>(null);
  const created = useRef(0);

  const addNode = useCallback(
    (kind: 'claim' | 'question' | 'note', at?: { x: number; y: number }) => {
      let position = at;
      if (!position) {
        // New nodes from the toolbar appear mid-view, fanned out so repeated clicks do not stack them.
        const rect = wrapper.current?.getBoundingClientRect();
        const center = flow.screenToFlowPosition({
          x: rect ? rect.left + rect.width / 2 : window.innerWidth / 2,
          y: rect ? rect.top + rect.height / 2 : window.innerHeight / 2,
        });
        const offset = (created.current++ % 6) * 24;
        position = { x: center.x + offset, y: center.y + offset };
      }
      const { id, op } = createNodeOp(kind, position.x - NODE_HALF.x, position.y - NODE_HALF.y);
      if (doc.apply([op])) return;
      flow.setNodes((nodes) => nodes.map((n) => (n.selected ? { ...n, selected: false } : n)));
      editing.set(id);
    },
    [doc, editing, flow, wrapper],
  );

  const onPaneDoubleClick = useCallback(
    (event: ReactMouseEvent) => {
      if (!(event.target instanceof Element) || !event.target.classList.contains('react-flow__pane')) return;
      addNode('claim', flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [addNode, flow],
  );

  const deleteSelection = useCallback(() => {
    const nodeIds = flow.getNodes().filter((n) => n.selected).map((n) => n.id);
    const roles = flow.getEdges().flatMap((e) => (e.selected && e.data ? [e.data.role] : []));
    doc.apply(deleteOps(graph(), nodeIds, roles));
  }, [doc, flow]);

  const commitMove = useCallback(
    (_event: unknown, moved: FlowNode[]) => {
      doc.apply(moveOps(graph(), moved.map((n) => ({ id: n.id, x: n.position.x, y: n.position.y }))));
    },
    [doc],
  );

  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, connection: FinalConnectionState) => {
      if (!connection.fromNode) return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!point) return;
      const target: DropTarget | null = connection.toNode
        ? { type: 'node', id: connection.toNode.id }
        : dropTargetAt(point.clientX, point.clientY);
      if (!target || target.id === connection.fromNode.id) return;
      // Dragging from the bottom (incoming) dot onto a node means "that node relates to this one".
      const reversed = connection.fromHandle?.type === 'target';
      if (reversed && target.type === 'edge') return;
      const fromId = reversed ? target.id : connection.fromNode.id;
      const to: DropTarget = reversed ? { type: 'node', id: connection.fromNode.id } : target;
      const a = centerOf(flow.getInternalNode(fromId));
      const b = centerOf(flow.getInternalNode(to.id));
      const inferenceAt = { x: (a.x + b.x) / 2 - INFERENCE_HALF, y: (a.y + b.y) / 2 - INFERENCE_HALF };
      const from = graph().nodes[fromId];
      setPicker({
        x: point.clientX,
        y: point.clientY,
        choices: connectChoices(graph(), fromId, to, inferenceAt),
        emptyMessage: from
          ? `A ${from.kind} cannot relate to that (or the same relation already exists).`
          : 'Only nodes can start a relation.',
      });
    },
    [flow],
  );

  const pick = useCallback(
    (choice: ConnectChoice) => {
      setPicker(null);
      doc.apply(choice.ops);
    },
    [doc],
  );

  const closePicker = useCallback(() => setPicker(null), []);

  // Cards far from the view are hidden on large maps (useViewCulling.ts); the whole map still counts.
  const fitView = useCallback(() => void flow.fitView({ padding: 0.2, maxZoom: 1.2, duration: 300, includeHiddenNodes: true }), [flow]);

  const autoLayout = useCallback(async () => {
    try {
      const large = isLargeMap(graph());
      // A large map keeps in view the node that was in the middle of it; a small one is framed whole.
      const anchor = large ? nodeNearest(graph(), flow.screenToFlowPosition(centerOfScreen(wrapper.current))) : null;
      const positions = await layout.run(layoutInput(graph(), sizeOf));
      const placed = anchorPositions(graph(), positions);
      doc.apply(moveOps(graph(), placed));
      const rect = wrapper.current?.getBoundingClientRect();
      const anchored = anchor && placed.find((p) => p.id === anchor);
      if (anchored) {
        void flow.setCenter(anchored.x + CARD_SIZE.width / 2, anchored.y + CARD_SIZE.height / 2, { zoom: flow.getZoom() });
      } else if (rect && placed.length > 0) {
        const boxes = placed.map((p) => ({ ...p, ...(sizeOf(p.id) ?? CARD_SIZE) }));
        const duration = placed.length > ANIMATED_FRAMING_MAX ? 0 : 300;
        void flow.setViewport(layoutViewport(boxes, rect.width, rect.height), { duration });
      }
    } catch (error) {
      doc.showNotice(errorMessage(error));
    }
  }, [doc, flow, layout, wrapper]);

  return {
    addNode,
    onPaneDoubleClick,
    deleteSelection,
    commitMove,
    onConnectEnd,
    picker,
    pick,
    closePicker,
    fitView,
    autoLayout,
    prepareLayout: layout.warmUp,
    layoutRunning: layout.running,
  };
}
