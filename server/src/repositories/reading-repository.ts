import type { Graph, GraphReading } from '@counterpoint/shared';
import type { Prisma } from '../generated/prisma/client.js';

type Tx = Prisma.TransactionClient;

/**
 * Writes changed events and readings (after nodes and edges exist, and after removed readings were deleted).
 * Deleted events are removed here; readings that pointed at them were already updated by applyOp.
 */
export async function writeReadingsDiff(tx: Tx, mapId: string, before: Graph, after: Graph): Promise<void> {
  const goneEvents = Object.keys(before.events).filter((id) => !(id in after.events));
  for (const event of Object.values(after.events)) {
    const old = before.events[event.id];
    if (!old) await tx.event.create({ data: { ...event, mapId } });
    else if (old !== event) await tx.event.update({ where: { id: event.id }, data: { title: event.title, period: event.period, description: event.description } });
  }
  for (const reading of Object.values(after.readings)) {
    const old = before.readings[reading.id];
    if (old === reading) continue;
    const fields = { eventId: reading.eventId, title: reading.title, authorName: reading.authorName, description: reading.description };
    if (!old) await tx.reading.create({ data: { id: reading.id, mapId, ...fields } });
    else await tx.reading.update({ where: { id: reading.id }, data: fields });
    await writeMembers(tx, reading, old);
  }
  if (goneEvents.length) await tx.event.deleteMany({ where: { id: { in: goneEvents } } });
}

async function writeMembers(tx: Tx, reading: GraphReading, old: GraphReading | undefined) {
  const diff = (now: string[], was: string[] = []) => ({
    added: now.filter((id) => !was.includes(id)),
    removed: was.filter((id) => !now.includes(id)),
  });
  const nodes = diff(reading.nodeIds, old?.nodeIds);
  const edges = diff(reading.edgeIds, old?.edgeIds);
  if (nodes.removed.length) await tx.readingNode.deleteMany({ where: { readingId: reading.id, nodeId: { in: nodes.removed } } });
  if (edges.removed.length) await tx.readingEdge.deleteMany({ where: { readingId: reading.id, edgeId: { in: edges.removed } } });
  if (nodes.added.length) await tx.readingNode.createMany({ data: nodes.added.map((nodeId) => ({ readingId: reading.id, nodeId })) });
  if (edges.added.length) await tx.readingEdge.createMany({ data: edges.added.map((edgeId) => ({ readingId: reading.id, edgeId })) });
}
