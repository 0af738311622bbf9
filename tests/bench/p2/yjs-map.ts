import * as Y from 'yjs';
import type { Op } from '@counterpoint/shared';

/** The P2 map as the peer stores it: the same nodes and edges the Counterpoint map gets. */
export interface PeerMapFile {
  nodes: { id: string; kind: string; text: string; x: number; y: number }[];
  edges: { id: string; kind: string; fromId: string; toId: string }[];
}

export function peerMapFromOps(ops: readonly Op[]): PeerMapFile {
  const file: PeerMapFile = { nodes: [], edges: [] };
  for (const op of ops) {
    if (op.type === 'node.create') file.nodes.push({ id: op.node.id, kind: op.node.kind, text: op.node.text, x: op.node.x, y: op.node.y });
    if (op.type === 'edge.create') file.edges.push({ id: op.edge.id, kind: op.edge.kind, fromId: op.edge.fromId, toId: op.edge.toId });
  }
  return file;
}

/**
 * How a Yjs app would hold this map: a Y.Map of nodes, each a Y.Map (so x and y are fields, last writer wins per
 * field, as in Counterpoint), and a Y.Map of edges as plain objects.
 */
export function seedYDoc(doc: Y.Doc, file: PeerMapFile): void {
  doc.transact(() => {
    const nodes = doc.getMap<Y.Map<unknown>>('nodes');
    for (const node of file.nodes) {
      const entry = new Y.Map<unknown>();
      for (const [key, value] of Object.entries(node)) entry.set(key, value);
      nodes.set(node.id, entry);
    }
    const edges = doc.getMap('edges');
    for (const edge of file.edges) edges.set(edge.id, edge);
  });
}
