import { edgesAmong, type Graph, type GraphReading, type OpOf } from '@counterpoint/shared';

/** What is selected on the canvas, in graph terms: node ids and graph edge ids. */
export interface Selection {
  nodeIds: readonly string[];
  edgeIds: readonly string[];
}

export const EMPTY_SELECTION: Selection = { nodeIds: [], edgeIds: [] };

/** Readings are made of claims and evidence: questions and notes in a selection are left out. */
function memberNodes(graph: Graph, selection: Selection): string[] {
  return selection.nodeIds.filter((id) => {
    const kind = graph.nodes[id]?.kind;
    return kind === 'claim' || kind === 'evidence';
  });
}

export function newEventOp(input: { title: string; period: string; description: string }): OpOf<'event.create'> {
  return { type: 'event.create', event: { id: crypto.randomUUID(), ...input } };
}

/** A new reading of the selection: its claims and evidence, the edges among them, and any edges selected. */
export function newReadingOp(
  graph: Graph,
  input: { eventId: string | null; title: string; authorName: string; description: string },
  selection: Selection,
): OpOf<'reading.create'> {
  const nodeIds = memberNodes(graph, selection);
  const edgeIds = [...new Set([...edgesAmong(graph, new Set(nodeIds)), ...selection.edgeIds.filter((id) => graph.edges[id])])];
  return { type: 'reading.create', reading: { id: crypto.randomUUID(), ...input, nodeIds, edgeIds } };
}

/**
 * Adds the selection to a reading: its claims and evidence, the selected edges, and the edges that join a
 * selected node to the reading (or to another selected node). Edges among the reading's old members are left
 * as they are, so an edge someone took out of the reading stays out. Null when nothing would change.
 */
export function includeSelectionOp(graph: Graph, reading: GraphReading, selection: Selection): OpOf<'reading.include'> | null {
  const added = memberNodes(graph, selection);
  const addedSet = new Set(added);
  const members = new Set([...reading.nodeIds, ...added]);
  const touchesAdded = (edgeId: string): boolean => {
    const edge = graph.edges[edgeId];
    if (!edge) return false;
    if (addedSet.has(edge.fromId) || addedSet.has(edge.toId)) return true;
    return edge.kind === 'undercuts' && touchesAdded(edge.toId);
  };
  const has = new Set(reading.edgeIds);
  const edgeIds = [...new Set([...edgesAmong(graph, members).filter(touchesAdded), ...selection.edgeIds.filter((id) => graph.edges[id])])];
  const op: OpOf<'reading.include'> = {
    type: 'reading.include',
    id: reading.id,
    nodeIds: added.filter((id) => !reading.nodeIds.includes(id)),
    edgeIds: edgeIds.filter((id) => !has.has(id)),
  };
  return op.nodeIds.length + op.edgeIds.length > 0 ? op : null;
}

/**
 * Takes the selection out of a reading: the selected nodes, the selected edges, and the reading's edges that
 * would be left hanging (those touching a removed node, and undercuts of a removed edge). Null when nothing
 * selected is in the reading.
 */
export function excludeSelectionOp(graph: Graph, reading: GraphReading, selection: Selection): OpOf<'reading.exclude'> | null {
  const removed = new Set(selection.nodeIds.filter((id) => reading.nodeIds.includes(id)));
  const removedEdges = new Set(selection.edgeIds.filter((id) => reading.edgeIds.includes(id)));
  const hangs = (edgeId: string): boolean => {
    const edge = graph.edges[edgeId];
    if (!edge) return false;
    if (removedEdges.has(edgeId) || removed.has(edge.fromId) || removed.has(edge.toId)) return true;
    return edge.kind === 'undercuts' && hangs(edge.toId);
  };
  const edgeIds = reading.edgeIds.filter(hangs);
  if (removed.size === 0 && edgeIds.length === 0) return null;
  return { type: 'reading.exclude', id: reading.id, nodeIds: [...removed], edgeIds };
}
