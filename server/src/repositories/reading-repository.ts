import type { Graph, GraphReading } from '@counterpoint/shared';
import type { SqlSession } from '../db/sql-session.js';
import { Prisma } from '../generated/prisma/client.js';

/**
 * Writes changed events and readings (after nodes and edges exist, and after removed readings were deleted).
 * Deleted events are removed here; readings that pointed at them were already updated by applyOp.
 */
export async function writeReadingsDiff(sql: SqlSession, mapId: string, before: Graph, after: Graph): Promise<void> {
  const goneEvents = Object.keys(before.events).filter((id) => !(id in after.events));
  for (const event of Object.values(after.events)) {
    const old = before.events[event.id];
    if (!old) {
      await sql.execute(Prisma.sql`
        INSERT INTO events (id, map_id, title, period, description)
        VALUES (${event.id}::uuid, ${mapId}::uuid, ${event.title}, ${event.period}, ${event.description})`);
    } else if (old !== event) {
      await sql.execute(Prisma.sql`
        UPDATE events SET title = ${event.title}, period = ${event.period}, description = ${event.description} WHERE id = ${event.id}::uuid`);
    }
  }
  for (const reading of Object.values(after.readings)) {
    const old = before.readings[reading.id];
    if (old === reading) continue;
    if (!old) {
      await sql.execute(Prisma.sql`
        INSERT INTO readings (id, map_id, event_id, title, author_name, description)
        VALUES (${reading.id}::uuid, ${mapId}::uuid, ${reading.eventId}::uuid, ${reading.title}, ${reading.authorName}, ${reading.description})`);
    } else {
      await sql.execute(Prisma.sql`
        UPDATE readings SET event_id = ${reading.eventId}::uuid, title = ${reading.title}, author_name = ${reading.authorName},
          description = ${reading.description}
        WHERE id = ${reading.id}::uuid`);
    }
    await writeMembers(sql, reading, old);
  }
  if (goneEvents.length) await sql.execute(Prisma.sql`DELETE FROM events WHERE id = ANY(${goneEvents}::uuid[])`);
}

async function writeMembers(sql: SqlSession, reading: GraphReading, old: GraphReading | undefined) {
  const diff = (now: string[], was: string[] = []) => ({
    added: now.filter((id) => !was.includes(id)),
    removed: was.filter((id) => !now.includes(id)),
  });
  const nodes = diff(reading.nodeIds, old?.nodeIds);
  const edges = diff(reading.edgeIds, old?.edgeIds);
  const id = reading.id;
  if (nodes.removed.length) await sql.execute(Prisma.sql`DELETE FROM reading_nodes WHERE reading_id = ${id}::uuid AND node_id = ANY(${nodes.removed}::uuid[])`);
  if (edges.removed.length) await sql.execute(Prisma.sql`DELETE FROM reading_edges WHERE reading_id = ${id}::uuid AND edge_id = ANY(${edges.removed}::uuid[])`);
  if (nodes.added.length) await sql.execute(Prisma.sql`INSERT INTO reading_nodes (reading_id, node_id) SELECT ${id}::uuid, unnest(${nodes.added}::uuid[])`);
  if (edges.added.length) await sql.execute(Prisma.sql`INSERT INTO reading_edges (reading_id, edge_id) SELECT ${id}::uuid, unnest(${edges.added}::uuid[])`);
}
