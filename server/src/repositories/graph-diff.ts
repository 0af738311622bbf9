import type { Graph, GraphArgument, GraphEdge, GraphNode } from '@counterpoint/shared';
import type { Prisma } from '../generated/prisma/client.js';
import { edgeToRow, nodeToRow } from './graph-rows.js';
import { writeReadingsDiff } from './reading-repository.js';

type Tx = Prisma.TransactionClient;

/** Ids in `a` that are not in `b`. */
const removed = (a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>) => Object.keys(a).filter((id) => !(id in b));

/** Entities of `b` that are new, and those whose object differs from `a`'s (applyOp keeps untouched ones identical). */
function changed<T>(a: Readonly<Record<string, T>>, b: Readonly<Record<string, T>>) {
  const created: T[] = [];
  const updated: T[] = [];
  for (const id in b) {
    const entity = b[id]!;
    const old = a[id];
    if (old === undefined) created.push(entity);
    else if (old !== entity) updated.push(entity);
  }
  return { created, updated };
}

/**
 * Writes what changed between two graphs, a statement per kind of change rather than per row: a group of 500
 * moves is one UPDATE … FROM unnest(…). Order respects foreign keys: deletes (readings, edges, arguments, nodes),
 * then creates and updates (nodes, arguments, edges to nodes, then undercuts that may target new edges).
 * Creates stay Prisma createMany so an id clash still reports the model it hit (P2002, see map-service).
 */
export async function writeGraphDiff(tx: Tx, mapId: string, before: Graph, after: Graph): Promise<void> {
  // Readings go first and come last: they reference nodes and edges both ways.
  const goneReadings = removed(before.readings, after.readings);
  if (goneReadings.length) await tx.reading.deleteMany({ where: { id: { in: goneReadings } } });
  const goneEdges = removed(before.edges, after.edges);
  const goneArguments = removed(before.arguments, after.arguments);
  const goneNodes = removed(before.nodes, after.nodes);
  if (goneEdges.length) await tx.edge.deleteMany({ where: { id: { in: goneEdges } } });
  if (goneArguments.length) await tx.argument.deleteMany({ where: { id: { in: goneArguments } } });
  if (goneNodes.length) await tx.node.deleteMany({ where: { id: { in: goneNodes } } });

  const nodes = changed(before.nodes, after.nodes);
  if (nodes.created.length) await tx.node.createMany({ data: nodes.created.map((n) => nodeToRow(mapId, n)) });
  // Moves are most updates (drags, layout): they write the position only, which PostgreSQL can do in place
  // (a HOT update, no index touched) and which skips re-deriving the search vector from unchanged text.
  const movedOnly = (n: GraphNode) => {
    const old = before.nodes[n.id]!;
    return old.kind === n.kind && old.text === n.text && old.quote === n.quote;
  };
  const moved = nodes.updated.filter(movedOnly);
  const rewritten = nodes.updated.filter((n) => !movedOnly(n));
  if (moved.length) await moveNodes(tx, mapId, moved);
  if (rewritten.length) await updateNodes(tx, mapId, rewritten);

  const args = changed(before.arguments, after.arguments);
  if (args.created.length) {
    await tx.argument.createMany({
      data: args.created.map((a) => ({ id: a.id, mapId, conclusionId: a.conclusionId, label: a.label, x: a.x, y: a.y, authorId: a.authorId })),
    });
  }
  if (args.updated.length) await updateArguments(tx, mapId, args.updated);
  const premisesChanged = [...args.created, ...args.updated.filter((a) => before.arguments[a.id]?.premiseIds !== a.premiseIds)];
  if (premisesChanged.length) {
    await tx.argumentPremise.deleteMany({ where: { argumentId: { in: premisesChanged.map((a) => a.id) } } });
    await tx.argumentPremise.createMany({
      data: premisesChanged.flatMap((a) => a.premiseIds.map((nodeId, position) => ({ argumentId: a.id, nodeId, position }))),
    });
  }

  const edges = changed(before.edges, after.edges);
  const targetType = (edge: GraphEdge) => (edge.toId in after.nodes ? 'node' : edge.toId in after.edges ? 'edge' : 'argument');
  const toNodes = edges.created.filter((e) => targetType(e) !== 'edge');
  const toEdges = edges.created.filter((e) => targetType(e) === 'edge');
  for (const batch of [toNodes, toEdges]) {
    if (batch.length) await tx.edge.createMany({ data: batch.map((e) => edgeToRow(mapId, e, targetType(e))) });
  }
  if (edges.updated.length) await updateEdges(tx, mapId, edges.updated);
  await writeReadingsDiff(tx, mapId, before, after);
}

/**
 * Every column a node op can change, for all updated nodes in one statement. anchor_status says 'placed' for any
 * quotation; the nodes_keep_anchor_status trigger keeps a flagged one flagged unless the quotation itself changed.
 */
async function updateNodes(tx: Tx, mapId: string, nodes: GraphNode[]): Promise<void> {
  const rows = nodes.map((n) => nodeToRow(mapId, n));
  const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
  await tx.$executeRaw`
    UPDATE nodes AS n SET kind = u.kind::"NodeKind", text = u.text, x = u.x, y = u.y, source_id = u.source_id,
      quote_exact = u.quote_exact, quote_prefix = u.quote_prefix, quote_suffix = u.quote_suffix,
      quote_start = u.quote_start, quote_end = u.quote_end, anchor_status = u.anchor_status::"AnchorStatus", updated_at = now()
    FROM unnest(${column('id')}::uuid[], ${column('kind')}::text[], ${column('text')}::text[], ${column('x')}::float8[],
      ${column('y')}::float8[], ${column('sourceId')}::uuid[], ${column('quoteExact')}::text[], ${column('quotePrefix')}::text[],
      ${column('quoteSuffix')}::text[], ${column('quoteStart')}::int[], ${column('quoteEnd')}::int[], ${column('anchorStatus')}::text[])
      AS u(id, kind, text, x, y, source_id, quote_exact, quote_prefix, quote_suffix, quote_start, quote_end, anchor_status)
    WHERE n.id = u.id AND n.map_id = ${mapId}::uuid`;
}

async function moveNodes(tx: Tx, mapId: string, nodes: GraphNode[]): Promise<void> {
  await tx.$executeRaw`
    UPDATE nodes AS n SET x = u.x, y = u.y, updated_at = now()
    FROM unnest(${nodes.map((n) => n.id)}::uuid[], ${nodes.map((n) => n.x)}::float8[], ${nodes.map((n) => n.y)}::float8[]) AS u(id, x, y)
    WHERE n.id = u.id AND n.map_id = ${mapId}::uuid`;
}

async function updateArguments(tx: Tx, mapId: string, args: GraphArgument[]): Promise<void> {
  await tx.$executeRaw`
    UPDATE arguments AS a SET conclusion_id = u.conclusion_id, label = u.label, x = u.x, y = u.y
    FROM unnest(${args.map((a) => a.id)}::uuid[], ${args.map((a) => a.conclusionId)}::uuid[], ${args.map((a) => a.label)}::text[],
      ${args.map((a) => a.x)}::float8[], ${args.map((a) => a.y)}::float8[]) AS u(id, conclusion_id, label, x, y)
    WHERE a.id = u.id AND a.map_id = ${mapId}::uuid`;
}

async function updateEdges(tx: Tx, mapId: string, edges: GraphEdge[]): Promise<void> {
  await tx.$executeRaw`
    UPDATE edges AS e SET kind = u.kind::"EdgeKind", label = u.label
    FROM unnest(${edges.map((e) => e.id)}::uuid[], ${edges.map((e) => e.kind)}::text[], ${edges.map((e) => e.label)}::text[]) AS u(id, kind, label)
    WHERE e.id = u.id AND e.map_id = ${mapId}::uuid`;
}
