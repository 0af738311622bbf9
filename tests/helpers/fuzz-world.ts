import { expect } from 'vitest';
import type { Op } from '@counterpoint/shared';
import type { App } from '../../server/src/app.js';
import type { Db } from '../../server/src/db/prisma.js';
import { as, createMap, createSource } from './app.js';
import { createTeam, postOps } from './api.js';
import { argumentOp, claimOp, edgeOp, eventOp, newId, opsBatch, quoteOf, readingOp } from './ops.js';
import type { Json } from './fuzz-values.js';

const SOURCE_TEXT = 'The party must be built before the revolution, not during it.';

/**
 * A small, real world for the fuzzers: a team, a map with one of every kind of entity, a source, a comment and
 * an invitation. Templates built from it are valid, so a fuzzed body fails only by the fault put into it.
 */
export async function createFuzzWorld(app: App, db: Db) {
  const team = await createTeam(db, 'Fuzz group');
  const map = await createMap(db, team.group.id, 'Fuzz map');
  const source = await createSource(db, team.group.id, SOURCE_TEXT);
  const [a, b] = [claimOp({ text: 'Claim A' }), claimOp({ text: 'Claim B' })];
  const edge = edgeOp('supports', a.node.id, b.node.id);
  const argument = argumentOp(b.node.id, [a.node.id]);
  const event = eventOp({ title: 'An event' });
  const reading = readingOp(event.event.id, { nodeIds: [a.node.id] });
  const setup = await postOps(app, map.id, team.owner.id, opsBatch([a, b, edge, argument, event, reading]));
  expect(setup.statusCode, setup.body).toBe(200);
  const comment = await app.inject({ method: 'POST', url: `/api/nodes/${a.node.id}/comments`, headers: as(team.owner.id), payload: { body: 'First' } });
  expect(comment.statusCode, comment.body).toBe(201);
  const invitation = await app.inject({ method: 'POST', url: `/api/groups/${team.group.id}/invitations`, headers: as(team.owner.id), payload: { role: 'viewer' } });
  expect(invitation.statusCode, invitation.body).toBe(201);
  return {
    team,
    mapId: map.id,
    sourceId: source.id,
    nodeIds: [a.node.id, b.node.id] as const,
    edgeId: edge.edge.id,
    argumentId: argument.argument.id,
    eventId: event.event.id,
    readingId: reading.reading.id,
    commentId: (comment.json() as { id: string }).id,
    invitationToken: (invitation.json() as { token: string }).token,
    version: 6,
  };
}
export type FuzzWorld = Awaited<ReturnType<typeof createFuzzWorld>>;

/** One valid op of every type, against the world's map: each would apply as it stands. */
export function opTemplates(world: FuzzWorld): Op[] {
  const [a, b] = world.nodeIds;
  const quote = quoteOf(world.sourceId, 'The party', 0);
  return [
    claimOp({ text: 'New claim', x: 10, y: 20 }),
    { type: 'node.create', node: { id: newId(), kind: 'evidence', text: 'caption', x: 0, y: 0, quote } },
    { type: 'node.update', id: a, patch: { text: 'Edited', kind: 'question', quote: null } },
    { type: 'node.delete', id: b },
    { type: 'nodes.move', moves: [{ id: a, x: 5, y: 6 }] },
    edgeOp('attacks', b, a, { label: 'no' }),
    { type: 'edge.update', id: world.edgeId, patch: { kind: 'attacks', label: 'x' } },
    { type: 'edge.delete', id: world.edgeId },
    argumentOp(a, [b]),
    { type: 'argument.update', id: world.argumentId, patch: { conclusionId: a, premiseIds: [b], label: 'l' } },
    { type: 'argument.delete', id: world.argumentId },
    eventOp({ title: 'Another event' }),
    { type: 'event.update', id: world.eventId, patch: { title: 'T', period: '1925', description: 'd' } },
    { type: 'event.delete', id: world.eventId },
    readingOp(world.eventId, { nodeIds: [a], edgeIds: [world.edgeId] }),
    { type: 'reading.update', id: world.readingId, patch: { eventId: null, title: 'R', authorName: 'Ray', description: 'd' } },
    { type: 'reading.delete', id: world.readingId },
    { type: 'reading.include', id: world.readingId, nodeIds: [b], edgeIds: [world.edgeId] },
    { type: 'reading.exclude', id: world.readingId, nodeIds: [a], edgeIds: [] },
  ];
}

/** A valid op batch carrying `ops`, based on the world's current version. */
export const batchOf = (world: FuzzWorld, ops: Op[]): Json => ({ baseVersion: world.version, clientId: newId(), clientSeq: 0, ops }) as unknown as Json;
