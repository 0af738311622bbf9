import type { Graph } from '../graph.js';
import type { EdgeKind, NodeKind } from '../kinds.js';

/** A vertex of a plain directed graph: a map node, an argument's inference, or the inference of an undercut edge. */
export interface DisplayVertex {
  id: string;
  kind: NodeKind | 'argument' | 'inference';
  /** What a reader sees: the node's text (for evidence, the quotation), an argument's label. */
  label: string;
  x: number;
  y: number;
  /** For evidence: the quoted source's id. */
  sourceId: string | null;
}

/** An arc of the plain graph; `edgeId` names the map edge it draws (both halves of a split edge share it). */
export interface DisplayArc {
  id: string;
  kind: EdgeKind | 'premise' | 'conclusion';
  fromId: string;
  toId: string;
  label: string;
  edgeId: string | null;
}

/**
 * The map as a plain directed graph, for tools that know nothing of inferences (yEd, Gephi, Graphviz). An
 * argument becomes a vertex: premises → argument → conclusion. An edge that is undercut is split at a small
 * `inference` vertex (from → • → to) so the undercut has a vertex to point at, since no tool draws an arc to
 * an arc.
 */
export function displayGraph(graph: Graph): { vertices: DisplayVertex[]; arcs: DisplayArc[] } {
  const vertices: DisplayVertex[] = [];
  const arcs: DisplayArc[] = [];
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  for (const node of Object.values(graph.nodes).sort(byId)) {
    const label = node.kind === 'evidence' ? `“${node.quote?.exact ?? ''}”${node.text ? ` — ${node.text}` : ''}` : node.text;
    vertices.push({ id: node.id, kind: node.kind, label, x: node.x, y: node.y, sourceId: node.quote?.sourceId ?? null });
  }
  for (const argument of Object.values(graph.arguments).sort(byId)) {
    vertices.push({ id: argument.id, kind: 'argument', label: argument.label, x: argument.x, y: argument.y, sourceId: null });
    argument.premiseIds.forEach((premiseId, i) =>
      arcs.push({ id: `${argument.id}:premise:${i}`, kind: 'premise', fromId: premiseId, toId: argument.id, label: '', edgeId: null }),
    );
    arcs.push({ id: `${argument.id}:conclusion`, kind: 'conclusion', fromId: argument.id, toId: argument.conclusionId, label: '', edgeId: null });
  }
  const edges = Object.values(graph.edges).sort(byId);
  const undercut = new Set(edges.filter((e) => e.kind === 'undercuts').map((e) => e.toId));
  for (const edge of edges) {
    if (!undercut.has(edge.id)) {
      arcs.push({ id: edge.id, kind: edge.kind, fromId: edge.fromId, toId: edge.toId, label: edge.label, edgeId: edge.id });
      continue;
    }
    const from = graph.nodes[edge.fromId];
    const to = graph.nodes[edge.toId];
    vertices.push({
      id: edge.id,
      kind: 'inference',
      label: edge.label,
      x: ((from?.x ?? 0) + (to?.x ?? 0)) / 2,
      y: ((from?.y ?? 0) + (to?.y ?? 0)) / 2,
      sourceId: null,
    });
    arcs.push({ id: `${edge.id}:in`, kind: edge.kind, fromId: edge.fromId, toId: edge.id, label: edge.label, edgeId: edge.id });
    arcs.push({ id: `${edge.id}:out`, kind: edge.kind, fromId: edge.id, toId: edge.toId, label: '', edgeId: edge.id });
  }
  return { vertices, arcs };
}

/** Fill colours per kind, as the canvas draws them. */
export const KIND_COLORS: Record<DisplayVertex['kind'], string> = {
  claim: '#ffffff',
  evidence: '#fcf4ff',
  question: '#e7f5ff',
  note: '#fff9db',
  argument: '#ebfbee',
  inference: '#ffffff',
};

export const ARC_COLORS: Record<DisplayArc['kind'], string> = {
  supports: '#2f9e44',
  attacks: '#e03131',
  undercuts: '#e8590c',
  answers: '#1971c2',
  quotes: '#9c36b5',
  premise: '#2f9e44',
  conclusion: '#2f9e44',
};
