import type { GraphArgument, GraphEdge, GraphEvent, GraphNode, GraphReading } from '@counterpoint/shared';
import type { Prisma } from '../generated/prisma/client.js';

/** Row shapes as loaded with `graphInclude`. */
export type NodeRow = Prisma.NodeGetPayload<object>;
export type EdgeRow = Prisma.EdgeGetPayload<object>;
export type ArgumentRow = Prisma.ArgumentGetPayload<{ include: { premises: true } }>;

export function nodeFromRow(row: NodeRow): GraphNode {
  const quote =
    row.kind === 'evidence' && row.sourceId && row.quoteExact !== null && row.quoteStart !== null && row.quoteEnd !== null
      ? {
          sourceId: row.sourceId,
          exact: row.quoteExact,
          prefix: row.quotePrefix ?? '',
          suffix: row.quoteSuffix ?? '',
          start: row.quoteStart,
          end: row.quoteEnd,
        }
      : null;
  return { id: row.id, kind: row.kind, text: row.text, x: row.x, y: row.y, quote, authorId: row.authorId };
}

export function nodeToRow(mapId: string, node: GraphNode) {
  return {
    id: node.id,
    mapId,
    kind: node.kind,
    text: node.text,
    x: node.x,
    y: node.y,
    authorId: node.authorId,
    sourceId: node.quote?.sourceId ?? null,
    quoteExact: node.quote?.exact ?? null,
    quotePrefix: node.quote?.prefix ?? null,
    quoteSuffix: node.quote?.suffix ?? null,
    quoteStart: node.quote?.start ?? null,
    quoteEnd: node.quote?.end ?? null,
    anchorStatus: node.quote ? ('placed' as const) : null,
  };
}

export function edgeFromRow(row: EdgeRow): GraphEdge {
  const toId = row.toNodeId ?? row.toEdgeId ?? row.toArgumentId;
  if (!toId) throw new Error(`Edge ${row.id} has no target`);
  return { id: row.id, kind: row.kind, fromId: row.fromNodeId, toId, label: row.label, authorId: row.authorId };
}

/** Splits `toId` into the column for what it points at: a node, an edge or an argument. */
export function edgeToRow(mapId: string, edge: GraphEdge, targetType: 'node' | 'edge' | 'argument') {
  return {
    id: edge.id,
    mapId,
    kind: edge.kind,
    label: edge.label,
    fromNodeId: edge.fromId,
    toNodeId: targetType === 'node' ? edge.toId : null,
    toEdgeId: targetType === 'edge' ? edge.toId : null,
    toArgumentId: targetType === 'argument' ? edge.toId : null,
    authorId: edge.authorId,
  };
}

export function argumentFromRow(row: ArgumentRow): GraphArgument {
  const premiseIds = [...row.premises].sort((a, b) => a.position - b.position).map((p) => p.nodeId);
  return {
    id: row.id,
    conclusionId: row.conclusionId,
    premiseIds,
    label: row.label,
    x: row.x,
    y: row.y,
    authorId: row.authorId,
  };
}

export function eventFromRow(row: Prisma.EventGetPayload<object>): GraphEvent {
  return { id: row.id, title: row.title, period: row.period, description: row.description };
}

export type ReadingRow = Prisma.ReadingGetPayload<{ include: { nodes: true; edges: true } }>;

export function readingFromRow(row: ReadingRow): GraphReading {
  return {
    id: row.id,
    eventId: row.eventId,
    title: row.title,
    authorName: row.authorName,
    description: row.description,
    // Membership is a set; a stable order makes equal readings compare equal.
    nodeIds: row.nodes.map((n) => n.nodeId).sort(),
    edgeIds: row.edges.map((e) => e.edgeId).sort(),
  };
}
