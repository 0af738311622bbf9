import type { ChangedIds, Graph, GraphEdge, GraphNode } from '@counterpoint/shared';
import type { SqlSession } from '../db/sql-session.js';
import { Prisma } from '../generated/prisma/client.js';
import { edgeToRow } from './graph-rows.js';
import {
  insertArguments,
  insertEdges,
  insertNodes,
  moveNodes,
  NO_GUARD,
  replacePremises,
  updateArguments,
  updateEdges,
  updateNodes,
  type Guard,
} from './graph-statements.js';
import { writeReadingsDiff } from './reading-repository.js';

/**
 * Where to look for differences: the ids a GraphDraft says it set or removed, or (null) every id. Comparing all of
 * a 1,000-node map per group commit was a third of the server's time in P3 (tests/bench/RESULTS.md).
 */
type Where = ReadonlySet<string> | null;

/** Ids in `a` that are not in `b`. */
function removed(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>, where: Where = null): string[] {
  if (a === b) return [];
  return [...(where ?? Object.keys(a))].filter((id) => id in a && !(id in b));
}

/** Entities of `b` that are new, and those whose object differs from `a`'s (applyOp keeps untouched ones identical). */
function changed<T>(a: Readonly<Record<string, T>>, b: Readonly<Record<string, T>>, where: Where = null) {
  const created: T[] = [];
  const updated: T[] = [];
  // A record no op touched is the same object (copy-on-write): nothing to compare.
  if (a === b) return { created, updated };
  for (const id of where ?? Object.keys(b)) {
    const entity = b[id];
    if (entity === undefined) continue;
    const old = a[id];
    if (old === undefined) created.push(entity);
    else if (old !== entity) updated.push(entity);
  }
  return { created, updated };
}

/**
 * The statements for what changed among nodes and edges when nothing was deleted and no argument, event or reading
 * changed — the everyday edit (add, connect, write, move) — or null for anything else. In order; each carries
 * `guard` (see graph-statements.ts).
 */
export function nodeAndEdgeStatements(mapId: string, before: Graph, after: Graph, guard: Guard, ids: ChangedIds | null = null): Prisma.Sql[] | null {
  const untouched = before.arguments === after.arguments && before.events === after.events && before.readings === after.readings;
  if (!untouched || removed(before.nodes, after.nodes, ids?.nodes).length > 0 || removed(before.edges, after.edges, ids?.edges).length > 0) return null;
  return [...nodeStatements(mapId, before, after, guard, ids), ...edgeStatements(mapId, before, after, guard, ids)];
}

function nodeStatements(mapId: string, before: Graph, after: Graph, guard: Guard, ids: ChangedIds | null): Prisma.Sql[] {
  const nodes = changed(before.nodes, after.nodes, ids?.nodes);
  const movedOnly = (n: GraphNode) => {
    const old = before.nodes[n.id]!;
    return old.kind === n.kind && old.text === n.text && old.quote === n.quote;
  };
  const moved = nodes.updated.filter(movedOnly);
  const rewritten = nodes.updated.filter((n) => !movedOnly(n));
  return [
    ...(nodes.created.length ? [insertNodes(mapId, nodes.created, guard)] : []),
    ...(moved.length ? [moveNodes(mapId, moved, guard)] : []),
    ...(rewritten.length ? [updateNodes(mapId, rewritten, guard)] : []),
  ];
}

/** Edges to nodes and arguments first, then undercuts, which may target an edge created in the same change. */
function edgeStatements(mapId: string, before: Graph, after: Graph, guard: Guard, ids: ChangedIds | null): Prisma.Sql[] {
  const edges = changed(before.edges, after.edges, ids?.edges);
  const targetType = (edge: GraphEdge) => (edge.toId in after.nodes ? 'node' : edge.toId in after.edges ? 'edge' : 'argument');
  const toNodes = edges.created.filter((e) => targetType(e) !== 'edge');
  const toEdges = edges.created.filter((e) => targetType(e) === 'edge');
  return [
    ...[toNodes, toEdges].filter((batch) => batch.length > 0).map((batch) => insertEdges(batch.map((e) => edgeToRow(mapId, e, targetType(e))), guard)),
    ...(edges.updated.length ? [updateEdges(mapId, edges.updated, guard)] : []),
  ];
}

/**
 * Writes what changed between two graphs, a statement per kind of change rather than per row: a group of 500
 * moves is one UPDATE … FROM unnest(…). Order respects foreign keys: deletes (readings, edges, arguments, nodes),
 * then creates and updates (nodes, arguments, edges to nodes, then undercuts that may target new edges). Raw SQL
 * throughout, so it runs on the group commit's plain pg transaction as well as in a Prisma one (sql-session.ts);
 * an id clash surfaces as a unique violation naming the table's primary key (see map-service's uniqueClash).
 */
export async function writeGraphDiff(sql: SqlSession, mapId: string, before: Graph, after: Graph, ids: ChangedIds | null = null): Promise<void> {
  // Readings go first and come last: they reference nodes and edges both ways.
  const goneReadings = removed(before.readings, after.readings);
  if (goneReadings.length) await sql.execute(Prisma.sql`DELETE FROM readings WHERE id = ANY(${goneReadings}::uuid[])`);
  const goneEdges = removed(before.edges, after.edges, ids?.edges);
  const goneArguments = removed(before.arguments, after.arguments, ids?.arguments);
  const goneNodes = removed(before.nodes, after.nodes, ids?.nodes);
  if (goneEdges.length) await sql.execute(Prisma.sql`DELETE FROM edges WHERE id = ANY(${goneEdges}::uuid[])`);
  if (goneArguments.length) await sql.execute(Prisma.sql`DELETE FROM arguments WHERE id = ANY(${goneArguments}::uuid[])`);
  if (goneNodes.length) await sql.execute(Prisma.sql`DELETE FROM nodes WHERE id = ANY(${goneNodes}::uuid[])`);

  for (const statement of nodeStatements(mapId, before, after, NO_GUARD, ids)) await sql.execute(statement);

  const args = changed(before.arguments, after.arguments, ids?.arguments);
  if (args.created.length) await sql.execute(insertArguments(mapId, args.created));
  if (args.updated.length) await sql.execute(updateArguments(mapId, args.updated));
  const premisesChanged = [...args.created, ...args.updated.filter((a) => before.arguments[a.id]?.premiseIds !== a.premiseIds)];
  if (premisesChanged.length) for (const statement of replacePremises(premisesChanged)) await sql.execute(statement);

  for (const statement of edgeStatements(mapId, before, after, NO_GUARD, ids)) await sql.execute(statement);
  await writeReadingsDiff(sql, mapId, before, after);
}
