import type { Graph, GraphArgument, GraphNode } from '@counterpoint/shared';
import { edgeMarker } from './edge-look';
import type { FlowEdge, FlowNode, GraphFlowNode, InferenceFlowNode } from './flow-types';

/** Ids of the canvas edges that draw an argument. */
export const premiseEdgeId = (argumentId: string, premiseId: string) => `${argumentId}:premise:${premiseId}`;
export const conclusionEdgeId = (argumentId: string) => `${argumentId}:conclusion`;

/** Handle ids of the inference node: premises come in below, the conclusion leaves on top, undercuts hit its side. */
export const INFERENCE_HANDLES = { in: 'in', out: 'out', undercut: 'undercut' } as const;

/**
 * Builds the canvas nodes for a graph, reusing the previous canvas nodes where possible: an unchanged node keeps
 * its object (memoised node components skip rendering), and React Flow's own fields (selection, measured size)
 * survive. A node being dragged keeps its local position: the graph only learns it when the drag ends.
 */
export function mergeFlowNodes(
  graph: Graph,
  sourceTitles: ReadonlyMap<string, string>,
  previous: readonly FlowNode[],
): FlowNode[] {
  const before = new Map(previous.map((n) => [n.id, n]));
  const next: FlowNode[] = [];
  for (const node of Object.values(graph.nodes)) {
    next.push(graphFlowNode(node, sourceTitles, before.get(node.id)));
  }
  for (const argument of Object.values(graph.arguments)) {
    next.push(inferenceFlowNode(argument, before.get(argument.id)));
  }
  return next;
}

function graphFlowNode(node: GraphNode, titles: ReadonlyMap<string, string>, prev: FlowNode | undefined): GraphFlowNode {
  const sourceTitle = node.quote ? (titles.get(node.quote.sourceId) ?? null) : null;
  const old = prev && prev.type === node.kind ? (prev as GraphFlowNode) : undefined;
  const data = old && old.data.node === node && old.data.sourceTitle === sourceTitle ? old.data : { node, sourceTitle };
  const position = old?.dragging ? old.position : samePosition(old, node.x, node.y) ?? { x: node.x, y: node.y };
  if (old && old.data === data && old.position === position) return old;
  return { ...old, id: node.id, type: node.kind, position, data };
}

function inferenceFlowNode(argument: GraphArgument, prev: FlowNode | undefined): InferenceFlowNode {
  const old = prev?.type === 'inference' ? (prev as InferenceFlowNode) : undefined;
  const data = old && old.data.argument === argument ? old.data : { argument };
  const position = old?.dragging ? old.position : samePosition(old, argument.x, argument.y) ?? { x: argument.x, y: argument.y };
  if (old && old.data === data && old.position === position) return old;
  return { ...old, id: argument.id, type: 'inference', position, data };
}

function samePosition(node: FlowNode | undefined, x: number, y: number) {
  return node && node.position.x === x && node.position.y === y ? node.position : undefined;
}

/** Builds the canvas edges for a graph: graph edges, undercuts, and the legs of each argument. */
export function toFlowEdges(graph: Graph): FlowEdge[] {
  const edges: FlowEdge[] = [];
  for (const edge of Object.values(graph.edges)) {
    const common = {
      id: edge.id,
      source: edge.fromId,
      markerEnd: edgeMarker(edge.kind),
    };
    const data = { role: { type: 'edge', edgeId: edge.id } as const, look: edge.kind, label: edge.label };
    const targetEdge = graph.edges[edge.toId];
    if (edge.kind === 'undercuts' && targetEdge) {
      // React Flow needs a target node; the undercut edge component ignores it and aims at the edge's middle.
      edges.push({
        ...common,
        type: 'undercut',
        target: targetEdge.toId,
        data: { ...data, targetEnds: { source: targetEdge.fromId, target: targetEdge.toId } },
      });
    } else if (edge.kind === 'undercuts' && graph.arguments[edge.toId]) {
      edges.push({ ...common, type: 'undercut', target: edge.toId, targetHandle: INFERENCE_HANDLES.undercut, data });
    } else if (graph.nodes[edge.toId]) {
      edges.push({ ...common, type: 'relation', target: edge.toId, data });
    }
  }
  for (const argument of Object.values(graph.arguments)) {
    for (const premiseId of argument.premiseIds) {
      edges.push({
        id: premiseEdgeId(argument.id, premiseId),
        type: 'relation',
        source: premiseId,
        target: argument.id,
        targetHandle: INFERENCE_HANDLES.in,
        data: { role: { type: 'premise', argumentId: argument.id, premiseId }, look: 'premise', label: '' },
      });
    }
    edges.push({
      id: conclusionEdgeId(argument.id),
      type: 'relation',
      source: argument.id,
      sourceHandle: INFERENCE_HANDLES.out,
      target: argument.conclusionId,
      markerEnd: edgeMarker('conclusion'),
      data: { role: { type: 'conclusion', argumentId: argument.id }, look: 'conclusion', label: argument.label },
    });
  }
  return edges;
}
