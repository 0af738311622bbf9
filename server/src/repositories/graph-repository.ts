import type { Graph } from '@counterpoint/shared';
import type { SqlSession } from '../db/sql-session.js';
import { Prisma } from '../generated/prisma/client.js';
import { graphFromJson, graphJsonSql } from './graph-json.js';

/**
 * Loads a map's whole graph in one statement (see graph-json.ts), so every row is of one version whatever the
 * caller's isolation level.
 */
export async function loadGraph(sql: SqlSession, mapId: string): Promise<Graph> {
  const [row] = await sql.query<{ graph: string }>(Prisma.sql`SELECT ${graphJsonSql(Prisma.sql`${mapId}::uuid`)} AS graph`);
  return graphFromJson(row!.graph);
}

/** Lives in graph-diff.ts (the write path); re-exported so existing imports keep working. */
export { writeGraphDiff } from './graph-diff.js';
