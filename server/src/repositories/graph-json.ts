import { graphFromLists, type Graph, type GraphArgument, type GraphEdge, type GraphEvent, type GraphNode, type GraphReading } from '@counterpoint/shared';
import { Prisma } from '../generated/prisma/client.js';

/**
 * A map's whole graph as one JSON text, built by PostgreSQL in one statement: the entity lists exactly as the
 * shared Graph types have them (graph-rows.ts says the same in TypeScript, for Prisma rows), each ordered by id.
 *
 * Why one statement: it is one round trip instead of five, Prisma turns one text value into a JS string instead
 * of materialising 12,500 row objects, and a single statement reads one snapshot of the database — all rows at
 * one version — without a RepeatableRead transaction around it.
 *
 * `mapId` is an SQL expression of type uuid (a parameter, or a column of the enclosing query).
 */
export function graphJsonSql(mapId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`json_build_object(
    'nodes', COALESCE((
      SELECT json_agg(json_build_object(
        'id', n.id, 'kind', n.kind, 'text', n.text, 'x', n.x, 'y', n.y,
        'quote', CASE WHEN n.kind = 'evidence' AND n.source_id IS NOT NULL AND n.quote_exact IS NOT NULL
                           AND n.quote_start IS NOT NULL AND n.quote_end IS NOT NULL
                      THEN json_build_object('sourceId', n.source_id, 'exact', n.quote_exact,
                             'prefix', COALESCE(n.quote_prefix, ''), 'suffix', COALESCE(n.quote_suffix, ''),
                             'start', n.quote_start, 'end', n.quote_end) END,
        'authorId', n.author_id) ORDER BY n.id)
      FROM nodes n WHERE n.map_id = ${mapId}), '[]'),
    'edges', COALESCE((
      SELECT json_agg(json_build_object(
        'id', e.id, 'kind', e.kind, 'fromId', e.from_node_id,
        'toId', COALESCE(e.to_node_id, e.to_edge_id, e.to_argument_id),
        'label', e.label, 'authorId', e.author_id) ORDER BY e.id)
      FROM edges e WHERE e.map_id = ${mapId}), '[]'),
    'arguments', COALESCE((
      SELECT json_agg(json_build_object(
        'id', a.id, 'conclusionId', a.conclusion_id,
        'premiseIds', COALESCE((SELECT json_agg(p.node_id ORDER BY p.position) FROM argument_premises p WHERE p.argument_id = a.id), '[]'),
        'label', a.label, 'x', a.x, 'y', a.y, 'authorId', a.author_id) ORDER BY a.id)
      FROM arguments a WHERE a.map_id = ${mapId}), '[]'),
    'events', COALESCE((
      SELECT json_agg(json_build_object('id', v.id, 'title', v.title, 'period', v.period, 'description', v.description) ORDER BY v.id)
      FROM events v WHERE v.map_id = ${mapId}), '[]'),
    'readings', COALESCE((
      SELECT json_agg(json_build_object(
        'id', r.id, 'eventId', r.event_id, 'title', r.title, 'authorName', r.author_name, 'description', r.description,
        -- Membership is a set; ordered by id (uuid order is the order of their text), as readingFromRow does.
        'nodeIds', COALESCE((SELECT json_agg(rn.node_id ORDER BY rn.node_id) FROM reading_nodes rn WHERE rn.reading_id = r.id), '[]'),
        'edgeIds', COALESCE((SELECT json_agg(re.edge_id ORDER BY re.edge_id) FROM reading_edges re WHERE re.reading_id = r.id), '[]'))
        ORDER BY r.id)
      FROM readings r WHERE r.map_id = ${mapId}), '[]')
  )::text`;
}

interface GraphLists {
  nodes: GraphNode[];
  edges: GraphEdge[];
  arguments: GraphArgument[];
  events: GraphEvent[];
  readings: GraphReading[];
}

/** The Graph of a text made by graphJsonSql. */
export function graphFromJson(json: string): Graph {
  const lists = JSON.parse(json) as GraphLists;
  for (const edge of lists.edges) {
    // The edges_one_target constraint makes this impossible; a null would otherwise travel silently.
    if (edge.toId === null) throw new Error(`Edge ${edge.id} has no target`);
  }
  return graphFromLists(lists);
}
