import type { Graph, MapSnapshot, MapSummary } from '@counterpoint/shared';
import type { Db } from '../db/prisma.js';
import { Prisma } from '../generated/prisma/client.js';
import { AppError } from '../errors.js';
import type { Actor } from '../plugins/actor.js';
import { graphFromJson, graphJsonSql } from '../repositories/graph-json.js';
import type { GraphCache } from './graph-cache.js';
import { snapshotBodyOf, snapshotOf } from './snapshot-body.js';

/** A map as a member reads it: its row and its graph, both at `map.version`. */
export interface MapRead {
  map: Omit<MapSummary, 'nodeCount'>;
  graph: Graph;
}

interface MapRow {
  id: string;
  groupId: string;
  title: string;
  description: string;
  version: number;
  createdAt: Date | string;
  updatedAt: Date | string;
  role: string | null;
  /** The graph as graphJsonSql makes it; null when the cache holds it (or the actor may not see the map). */
  graph: string | null;
}

const NO_VERSION = -1;

/**
 * Reads maps for members, for GET /maps/:mapId and the server's own readers (evaluation, export, live join).
 *
 * One statement answers the map row, the actor's role and — only when the per-map graph cache does not hold the
 * map's current version — the whole graph: so a map nobody has edited since it was cached costs one cheap query,
 * and any other read is still one round trip that sees all rows at one version. A commit by another server
 * instance moves the map's version past the cached one, so it is never missed. A graph read from the database
 * fills the cache (committed data, at its version), unless the cache already moved on to a newer version.
 */
export function createSnapshotReader(db: Db, cache: GraphCache) {
  async function query(mapId: string, actor: Actor, cachedVersion: number): Promise<MapRow> {
    const [row] = await db.$queryRaw<MapRow[]>`
      SELECT m.id::text AS id, m.group_id::text AS "groupId", m.title, m.description, m.version,
             m.created_at AS "createdAt", m.updated_at AS "updatedAt", ms.role::text AS role,
             CASE WHEN ms.role IS NOT NULL AND m.version <> ${cachedVersion} THEN ${graphJsonSql(Prisma.sql`m.id`)} END AS graph
      FROM maps m LEFT JOIN memberships ms ON ms.group_id = m.group_id AND ms.user_id = ${actor.userId}::uuid
      WHERE m.id = ${mapId}::uuid`;
    // A non-member learns nothing, not even that the map exists.
    if (!row || row.role === null) throw new AppError('MAP_NOT_FOUND', 'That map was not found. It may have been deleted.');
    return row;
  }

  async function read(mapId: string, actor: Actor): Promise<MapRead> {
    let row = await query(mapId, actor, cache.versionOf(mapId) ?? NO_VERSION);
    let graph = row.graph === null ? cache.get(mapId, row.version) : graphFromJson(row.graph);
    if (!graph) {
      // Another commit replaced the cached graph while the query ran: read this version from the database.
      row = await query(mapId, actor, NO_VERSION);
      graph = graphFromJson(row.graph!);
    }
    if (row.graph !== null && (cache.versionOf(mapId) ?? NO_VERSION) < row.version) cache.set(mapId, row.version, graph);
    const map = {
      id: row.id,
      groupId: row.groupId,
      title: row.title,
      description: row.description,
      version: row.version,
      createdAt: new Date(row.createdAt).toISOString(),
      updatedAt: new Date(row.updatedAt).toISOString(),
    };
    return { map, graph };
  }

  return {
    /** The map's row and graph at its current version; MAP_NOT_FOUND for a non-member. */
    read,
    /** The map's snapshot; its lists are shared between readers of one version, so they are frozen. */
    async snapshot(mapId: string, actor: Actor): Promise<MapSnapshot> {
      return snapshotOf(await read(mapId, actor));
    },
    /** The same snapshot as JSON (UTF-8 bytes), the graph's part serialised once per version. */
    async snapshotBody(mapId: string, actor: Actor): Promise<Buffer> {
      return snapshotBodyOf(await read(mapId, actor));
    },
  };
}

export type SnapshotReader = ReturnType<typeof createSnapshotReader>;
