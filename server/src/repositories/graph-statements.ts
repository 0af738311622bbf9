import type { GraphArgument, GraphEdge, GraphNode } from '@counterpoint/shared';
import { Prisma } from '../generated/prisma/client.js';
import { edgeToRow, nodeToRow } from './graph-rows.js';

/**
 * The statements that write graph entities, one per kind of change for any number of rows (… FROM unnest(…)).
 * Each takes a `guard`, an SQL condition ANDed to its WHERE clause: empty when the statement runs on its own
 * (graph-diff.ts), "the map row was bumped" when it is one step of a single-statement commit (fast-commit.ts).
 */
export type Guard = Prisma.Sql;
export const NO_GUARD: Guard = Prisma.empty;

/** The values of one column of `rows`, as one array parameter. */
const column = <R, K extends keyof R>(rows: readonly R[], key: K) => rows.map((r) => r[key]);

export function insertNodes(mapId: string, nodes: readonly GraphNode[], guard: Guard = NO_GUARD): Prisma.Sql {
  const rows = nodes.map((n) => nodeToRow(mapId, n));
  const c = <K extends keyof (typeof rows)[number]>(key: K) => column(rows, key);
  return Prisma.sql`
    INSERT INTO nodes (id, map_id, kind, text, x, y, author_id, source_id, quote_exact, quote_prefix, quote_suffix,
      quote_start, quote_end, anchor_status, updated_at)
    SELECT u.id, ${mapId}::uuid, u.kind::"NodeKind", u.text, u.x, u.y, u.author_id, u.source_id, u.quote_exact, u.quote_prefix,
      u.quote_suffix, u.quote_start, u.quote_end, u.anchor_status::"AnchorStatus", now()
    FROM unnest(${c('id')}::uuid[], ${c('kind')}::text[], ${c('text')}::text[], ${c('x')}::float8[], ${c('y')}::float8[],
      ${c('authorId')}::uuid[], ${c('sourceId')}::uuid[], ${c('quoteExact')}::text[], ${c('quotePrefix')}::text[],
      ${c('quoteSuffix')}::text[], ${c('quoteStart')}::int[], ${c('quoteEnd')}::int[], ${c('anchorStatus')}::text[])
      AS u(id, kind, text, x, y, author_id, source_id, quote_exact, quote_prefix, quote_suffix, quote_start, quote_end, anchor_status)
    WHERE true ${guard}`;
}

/**
 * Positions only: PostgreSQL can do it in place (a HOT update, no index touched), and it skips re-deriving the
 * search vector from unchanged text. Moves are most updates (drags, layouts).
 */
export function moveNodes(mapId: string, nodes: readonly GraphNode[], guard: Guard = NO_GUARD): Prisma.Sql {
  return Prisma.sql`
    UPDATE nodes AS n SET x = u.x, y = u.y, updated_at = now()
    FROM unnest(${column(nodes, 'id')}::uuid[], ${column(nodes, 'x')}::float8[], ${column(nodes, 'y')}::float8[]) AS u(id, x, y)
    WHERE n.id = u.id AND n.map_id = ${mapId}::uuid ${guard}`;
}

/**
 * Every column a node op can change. anchor_status says 'placed' for any quotation; the nodes_keep_anchor_status
 * trigger keeps a flagged one flagged unless the quotation itself changed.
 */
export function updateNodes(mapId: string, nodes: readonly GraphNode[], guard: Guard = NO_GUARD): Prisma.Sql {
  const rows = nodes.map((n) => nodeToRow(mapId, n));
  const c = <K extends keyof (typeof rows)[number]>(key: K) => column(rows, key);
  return Prisma.sql`
    UPDATE nodes AS n SET kind = u.kind::"NodeKind", text = u.text, x = u.x, y = u.y, source_id = u.source_id,
      quote_exact = u.quote_exact, quote_prefix = u.quote_prefix, quote_suffix = u.quote_suffix,
      quote_start = u.quote_start, quote_end = u.quote_end, anchor_status = u.anchor_status::"AnchorStatus", updated_at = now()
    FROM unnest(${c('id')}::uuid[], ${c('kind')}::text[], ${c('text')}::text[], ${c('x')}::float8[],
      ${c('y')}::float8[], ${c('sourceId')}::uuid[], ${c('quoteExact')}::text[], ${c('quotePrefix')}::text[],
      ${c('quoteSuffix')}::text[], ${c('quoteStart')}::int[], ${c('quoteEnd')}::int[], ${c('anchorStatus')}::text[])
      AS u(id, kind, text, x, y, source_id, quote_exact, quote_prefix, quote_suffix, quote_start, quote_end, anchor_status)
    WHERE n.id = u.id AND n.map_id = ${mapId}::uuid ${guard}`;
}

export function insertEdges(rows: readonly ReturnType<typeof edgeToRow>[], guard: Guard = NO_GUARD): Prisma.Sql {
  const c = <K extends keyof (typeof rows)[number]>(key: K) => column(rows, key);
  return Prisma.sql`
    INSERT INTO edges (id, map_id, kind, label, from_node_id, to_node_id, to_edge_id, to_argument_id, author_id)
    SELECT u.id, u.map_id, u.kind::"EdgeKind", u.label, u.from_node_id, u.to_node_id, u.to_edge_id, u.to_argument_id, u.author_id
    FROM unnest(${c('id')}::uuid[], ${c('mapId')}::uuid[], ${c('kind')}::text[], ${c('label')}::text[], ${c('fromNodeId')}::uuid[],
      ${c('toNodeId')}::uuid[], ${c('toEdgeId')}::uuid[], ${c('toArgumentId')}::uuid[], ${c('authorId')}::uuid[])
      AS u(id, map_id, kind, label, from_node_id, to_node_id, to_edge_id, to_argument_id, author_id)
    WHERE true ${guard}`;
}

export function updateEdges(mapId: string, edges: readonly GraphEdge[], guard: Guard = NO_GUARD): Prisma.Sql {
  return Prisma.sql`
    UPDATE edges AS e SET kind = u.kind::"EdgeKind", label = u.label
    FROM unnest(${column(edges, 'id')}::uuid[], ${column(edges, 'kind')}::text[], ${column(edges, 'label')}::text[]) AS u(id, kind, label)
    WHERE e.id = u.id AND e.map_id = ${mapId}::uuid ${guard}`;
}

export function insertArguments(mapId: string, args: readonly GraphArgument[]): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO arguments (id, map_id, conclusion_id, label, x, y, author_id)
    SELECT u.id, ${mapId}::uuid, u.conclusion_id, u.label, u.x, u.y, u.author_id
    FROM unnest(${column(args, 'id')}::uuid[], ${column(args, 'conclusionId')}::uuid[], ${column(args, 'label')}::text[],
      ${column(args, 'x')}::float8[], ${column(args, 'y')}::float8[], ${column(args, 'authorId')}::uuid[])
      AS u(id, conclusion_id, label, x, y, author_id)`;
}

export function updateArguments(mapId: string, args: readonly GraphArgument[]): Prisma.Sql {
  return Prisma.sql`
    UPDATE arguments AS a SET conclusion_id = u.conclusion_id, label = u.label, x = u.x, y = u.y
    FROM unnest(${column(args, 'id')}::uuid[], ${column(args, 'conclusionId')}::uuid[], ${column(args, 'label')}::text[],
      ${column(args, 'x')}::float8[], ${column(args, 'y')}::float8[]) AS u(id, conclusion_id, label, x, y)
    WHERE a.id = u.id AND a.map_id = ${mapId}::uuid`;
}

/** Each argument's premises, in their order, replacing what it had (two statements, in this order). */
export function replacePremises(args: readonly GraphArgument[]): Prisma.Sql[] {
  const premises = args.flatMap((a) => a.premiseIds.map((nodeId, position) => ({ argumentId: a.id, nodeId, position })));
  return [
    Prisma.sql`DELETE FROM argument_premises WHERE argument_id = ANY(${column(args, 'id')}::uuid[])`,
    Prisma.sql`
      INSERT INTO argument_premises (argument_id, node_id, position)
      SELECT * FROM unnest(${column(premises, 'argumentId')}::uuid[], ${column(premises, 'nodeId')}::uuid[], ${column(premises, 'position')}::int[])`,
  ];
}
