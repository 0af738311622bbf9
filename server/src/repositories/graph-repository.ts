import type { Graph, GraphEdge } from '@counterpoint/shared';
import { graphFromLists } from '@counterpoint/shared';
import type { Prisma } from '../generated/prisma/client.js';
import { argumentFromRow, edgeFromRow, edgeToRow, eventFromRow, nodeFromRow, nodeToRow, readingFromRow } from './graph-rows.js';
import { writeReadingsDiff } from './reading-repository.js';

type Tx = Prisma.TransactionClient;

/** Loads a map's whole graph. */
export async function loadGraph(tx: Tx, mapId: string): Promise<Graph> {
  const [nodes, edges, args, events, readings] = await Promise.all([
    tx.node.findMany({ where: { mapId } }),
    tx.edge.findMany({ where: { mapId } }),
    tx.argument.findMany({ where: { mapId }, include: { premises: true } }),
    tx.event.findMany({ where: { mapId } }),
    tx.reading.findMany({ where: { mapId }, include: { nodes: true, edges: true } }),
  ]);
  return graphFromLists({
    nodes: nodes.map(nodeFromRow),
    edges: edges.map(edgeFromRow),
    arguments: args.map(argumentFromRow),
    events: events.map(eventFromRow),
    readings: readings.map(readingFromRow),
  });
}

/**
 * Writes what changed between two graphs. applyOp keeps untouched entities identical by reference, so an entity
 * whose object changed was created or updated. Order respects foreign keys: deletes (edges, arguments, nodes),
 * then creates and updates (nodes, arguments, edges to nodes, then undercuts that may target new edges).
 */
export async function writeGraphDiff(tx: Tx, mapId: string, before: Graph, after: Graph): Promise<void> {
  const removed = (a: Record<string, unknown>, b: Record<string, unknown>) => Object.keys(a).filter((id) => !(id in b));
  const changed = <T>(a: Readonly<Record<string, T>>, b: Readonly<Record<string, T>>) => {
    const created: T[] = [];
    const updated: T[] = [];
    for (const [id, entity] of Object.entries(b)) {
      if (!(id in a)) created.push(entity);
      else if (a[id] !== entity) updated.push(entity);
    }
    return { created, updated };
  };

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
  for (const node of nodes.updated) {
    const { id: _id, mapId: _mapId, authorId: _author, ...fields } = nodeToRow(mapId, node);
    await tx.node.update({ where: { id: node.id }, data: fields });
  }

  const args = changed(before.arguments, after.arguments);
  if (args.created.length) {
    await tx.argument.createMany({
      data: args.created.map((a) => ({ id: a.id, mapId, conclusionId: a.conclusionId, label: a.label, x: a.x, y: a.y, authorId: a.authorId })),
    });
  }
  for (const argument of args.updated) {
    await tx.argument.update({
      where: { id: argument.id },
      data: { conclusionId: argument.conclusionId, label: argument.label, x: argument.x, y: argument.y },
    });
  }
  const premisesChanged = [...args.created, ...args.updated.filter((a) => before.arguments[a.id]?.premiseIds !== a.premiseIds)];
  if (premisesChanged.length) {
    await tx.argumentPremise.deleteMany({ where: { argumentId: { in: premisesChanged.map((a) => a.id) } } });
    await tx.argumentPremise.createMany({
      data: premisesChanged.flatMap((a) => a.premiseIds.map((nodeId, position) => ({ argumentId: a.id, nodeId, position }))),
    });
  }

  const edges = changed(before.edges, after.edges);
  const targetType = (edge: GraphEdge) =>
    edge.toId in after.nodes ? 'node' : edge.toId in after.edges ? 'edge' : 'argument';
  const toNodes = edges.created.filter((e) => targetType(e) !== 'edge');
  const toEdges = edges.created.filter((e) => targetType(e) === 'edge');
  for (const batch of [toNodes, toEdges]) {
    if (batch.length) await tx.edge.createMany({ data: batch.map((e) => edgeToRow(mapId, e, targetType(e))) });
  }
  for (const edge of edges.updated) {
    await tx.edge.update({ where: { id: edge.id }, data: { kind: edge.kind, label: edge.label } });
  }
  await writeReadingsDiff(tx, mapId, before, after);
}
