import { sameNodeKinds, type Graph } from '@counterpoint/shared';
import { edgeMarker } from './edge-look';
import { conclusionEdgeId, INFERENCE_HANDLES, premiseEdgeId } from './flow-elements';
import type { FlowEdge, UndercutEdgeData } from './flow-types';

/**
 * The canvas edges for a graph, reusing the previous edge objects whose content is unchanged: React Flow
 * re-renders every edge whose object is new, so rebuilding all 1,500 edges of a large map on each edit (a text
 * change, a move) would redraw them all. With nothing changed the previous array itself is returned.
 */
export function mergeFlowEdges(graph: Graph, previous: readonly FlowEdge[]): FlowEdge[] {
  const before = new Map(previous.map((e) => [e.id, e]));
  let changed = false;
  const next = toFlowEdges(graph).map((edge, i) => {
    const old = before.get(edge.id);
    const kept = old && sameEdge(old, edge) ? old : edge;
    if (kept !== previous[i]) changed = true;
    return kept;
  });
  return changed || next.length !== previous.length ? next : (previous as FlowEdge[]);
}

/**
 * Whether two versions of a graph have the same canvas edges: the same relations and arguments (the same objects:
 * the graph is copy-on-write) between the same nodes (a change of kind, rare, counts too). A move or a text edit keeps them, so the edges need no new
 * pass (1,500 edges took 10 ms of each frame of a large map's auto layout).
 */
export function sameEdgeInput(a: Graph, b: Graph): boolean {
  return a === b || (a.edges === b.edges && a.arguments === b.arguments && sameNodeKinds(a, b));
}

function sameEdge(a: FlowEdge, b: FlowEdge): boolean {
  if (a.type !== b.type || a.source !== b.source || a.target !== b.target) return false;
  if (a.sourceHandle !== b.sourceHandle || a.targetHandle !== b.targetHandle || a.markerEnd !== b.markerEnd) return false;
  const x = a.data;
  const y = b.data;
  if (!x || !y) return x === y;
  if (x.look !== y.look || x.label !== y.label || JSON.stringify(x.role) !== JSON.stringify(y.role)) return false;
  const ends = (d: typeof x) => (d as UndercutEdgeData).targetEnds;
  return ends(x)?.source === ends(y)?.source && ends(x)?.target === ends(y)?.target;
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
