import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import {
  ApiErrorBody,
  ERROR_STATUS,
  applyOp,
  emptyGraph,
  graphToLists,
  type ErrorCode,
  type Graph,
  type OpLogEntry,
  type SubmitOpsBody,
} from '@counterpoint/shared';
import type { App } from '../../server/src/app.js';
import type { Db } from '../../server/src/db/prisma.js';
import { as, createGroup, createUser } from './app.js';

/** A group with one member of each role, and a user who belongs to none of it. */
export async function createTeam(db: Db, name = 'Reading group') {
  const [owner, editor, commenter, viewer, stranger] = await Promise.all(
    ['Owner', 'Editor', 'Commenter', 'Viewer', 'Stranger'].map((role) => createUser(db, `${role} of ${name}`)),
  );
  const group = await createGroup(db, { owner: owner!.id, editor: editor!.id, commenter: commenter!.id, viewer: viewer!.id }, name);
  return { group, owner: owner!, editor: editor!, commenter: commenter!, viewer: viewer!, stranger: stranger! };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Asserts an error answer: the status its code maps to, the stable code, a message for people, a request id,
 * and nothing of the server's insides. Returns the parsed body.
 */
export function expectApiError(response: LightMyRequestResponse, code: ErrorCode): ApiErrorBody {
  expect({ status: response.statusCode, body: response.json() }).toMatchObject({ status: ERROR_STATUS[code], body: { code } });
  const body = ApiErrorBody.parse(response.json());
  expect(body.statusCode).toBe(ERROR_STATUS[code]);
  expect(body.message.length).toBeGreaterThan(10);
  expect(body.requestId).toMatch(UUID);
  expect(response.body).not.toMatch(/\bat .+:\d+:\d+|prisma|node_modules|stack/i);
  return body;
}

/** Every row count that a write could change, plus each map's mutable fields: equal before and after = nothing written. */
export async function dbState(db: Db) {
  const [groups, memberships, maps, nodes, edges, args, premises, ops, sources, revisions, passages, events, readings, readingMembers] = await Promise.all([
    db.group.count(),
    db.membership.count(),
    db.map.findMany({ select: { id: true, title: true, description: true, version: true, updatedAt: true }, orderBy: { id: 'asc' } }),
    db.node.findMany({ orderBy: { id: 'asc' } }),
    db.edge.findMany({ orderBy: { id: 'asc' } }),
    db.argument.count(),
    db.argumentPremise.count(),
    db.opLog.count(),
    db.source.count(),
    db.sourceRevision.count(),
    db.passage.count(),
    db.event.findMany({ orderBy: { id: 'asc' } }),
    db.reading.findMany({ orderBy: { id: 'asc' } }),
    Promise.all([db.readingNode.count(), db.readingEdge.count()]),
  ]);
  return { groups, memberships, maps, nodes, edges, args, premises, ops, sources, revisions, passages, events, readings, readingMembers };
}

/** Runs `action` and asserts it changed nothing in the database. */
export async function expectNothingWritten<T>(db: Db, action: () => Promise<T>): Promise<T> {
  const before = await dbState(db);
  const result = await action();
  expect(await dbState(db)).toEqual(before);
  return result;
}

export function postOps(app: App, mapId: string, userId: string, batch: SubmitOpsBody) {
  return app.inject({ method: 'POST', url: `/api/maps/${mapId}/ops`, headers: as(userId), payload: batch });
}

/** Replays an op log from the empty graph, each op as its actor applied it. */
export function replay(entries: readonly OpLogEntry[]): Graph {
  let graph = emptyGraph;
  for (const entry of entries) {
    const result = applyOp(graph, entry.op, { actorId: entry.actorId });
    if (!result.ok) throw new Error(`op log entry ${entry.version} does not replay: ${result.error.code}`);
    graph = result.graph;
  }
  return graph;
}

/** A graph as the snapshot endpoint lists it. */
export const listsOf = (graph: Graph) => graphToLists(graph);
