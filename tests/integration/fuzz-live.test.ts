import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_STATUS, type ServerMessage } from '@counterpoint/shared';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { databaseDigest, type DbDigest } from '../helpers/db-digest.js';
import { malformedBody, type Json } from '../helpers/fuzz-values.js';
import { createFuzzWorld, opTemplates, type FuzzWorld } from '../helpers/fuzz-world.js';
import { isRefusal, LiveProbe } from '../helpers/live-probe.js';
import { claimOp, newId } from '../helpers/ops.js';

/**
 * Malformed messages of every client type (shared/src/sync-protocol.ts) on a live connection: each is answered
 * with an `error` (or, for a batch that parses but breaks a rule, a `reject`) with a stable code, the connection
 * stays open and answers a ping, and nothing is written.
 */
let ctx: TestContext;
let world: FuzzWorld;
let wsBaseUrl: string;
let before: DbDigest;
let probe: LiveProbe;

beforeAll(async () => {
  ctx = await createTestApp();
  world = await createFuzzWorld(ctx.app, ctx.db);
  wsBaseUrl = (await ctx.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
  before = await databaseDigest(ctx.db);
  probe = await LiveProbe.open(wsBaseUrl, world.mapId, world.team.owner.id);
  const joined = await probe.roundTrip(JSON.stringify({ type: 'join', version: world.version }), (m) => m.type === 'catchup' || m.type === 'snapshot');
  expect(joined.map((m) => m.type)).toContain('welcome');
});
afterAll(async () => {
  probe?.close();
  await ctx.close();
});

/** The one answer a refused message must get: an error or reject whose code is one of ERROR_STATUS's. */
function assertRefused(answers: ServerMessage[], sent: string) {
  const refusal = answers.find(isRefusal) as Extract<ServerMessage, { type: 'error' | 'reject' }>;
  if (answers.some((m) => m.type === 'ack' || m.type === 'ops')) throw new Error(`a write went through: ${sent.slice(0, 200)}`);
  if (!(refusal.code in ERROR_STATUS) || ERROR_STATUS[refusal.code] >= 500) throw new Error(`${refusal.code} for ${sent.slice(0, 200)}`);
  if (refusal.message.trim().length < 5) throw new Error(`no message for people: ${JSON.stringify(refusal)}`);
}

const templates = (): Json[] => [
  { type: 'join', version: 0 },
  { type: 'ping' },
  { type: 'presence', cursor: { x: 1, y: 2 }, selection: [world.nodeIds[0]], editing: world.nodeIds[1], dragging: [{ id: world.nodeIds[0], x: 3, y: 4 }] },
  ...opTemplates(world).map((op) => ({ type: 'submit', baseVersion: world.version, clientId: newId(), clientSeq: 0, ops: [op] }) as unknown as Json),
];

/** Numbers with a range, so negative versions and sequence numbers are tried too. */
function rangesOf(template: Json): Record<string, { min: number; max?: number }> {
  const type = (template as { type: string }).type;
  if (type === 'join') return { version: { min: 0 } };
  if (type === 'submit') return { baseVersion: { min: 0 }, clientSeq: { min: 0, max: 2 ** 31 - 5_000 } };
  return {};
}

/** Batches that parse but that the map refuses: ops on ids it does not have, a base version from the future. */
const wellFormedButWrong = fc.oneof(
  fc.uuid().map((id) => ({ type: 'node.update', id, patch: { text: 'x' } })),
  fc.uuid().map((id) => ({ type: 'edge.delete', id })),
  fc.tuple(fc.uuid(), fc.uuid()).map(([from, to]) => ({ type: 'edge.create', edge: { id: newId(), kind: 'supports', fromId: from, toId: to, label: '' } })),
  fc.uuid().map((id) => ({ type: 'reading.include', id, nodeIds: [], edgeIds: [] })),
).map((op) => JSON.stringify({ type: 'submit', baseVersion: world.version, clientId: newId(), clientSeq: 0, ops: [op] }));

describe('malformed live messages', () => {
  it('answers each with an error or reject and keeps the connection usable', async () => {
    const message = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...templates()).chain((template) => malformedBody(template, { required: ['type'], protoKeys: false, ranges: rangesOf(template) })) },
      { weight: 1, arbitrary: fc.string({ maxLength: 50 }).filter((text) => !isJson(text)) },
      { weight: 1, arbitrary: fc.constantFrom('{"type":"nope"}', '{"type":null}', '{}', '[]', 'null', '{"type":"submit","ops":[],"__proto__":{"polluted":true}}', '{"type":"__proto__"}', '{"type":"constructor"}') },
      { weight: 2, arbitrary: wellFormedButWrong },
    );
    await fc.assert(
      fc.asyncProperty(message, async (sent) => assertRefused(await probe.roundTrip(sent), sent)),
      { numRuns: 400, endOnFailure: true },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await databaseDigest(ctx.db)).toEqual(before);
  });

  it('answers a binary frame with an error', async () => {
    assertRefused(await probe.roundTrip(Buffer.from([0, 1, 2, 255])), 'binary');
  });

  it('closes a connection whose message is over the 4 MB limit (1009), and the server keeps serving', async () => {
    const big = await LiveProbe.open(wsBaseUrl, world.mapId, world.team.owner.id);
    await expect(big.roundTrip(JSON.stringify({ type: 'ping', pad: 'x'.repeat(4 * 1024 * 1024) }))).rejects.toThrow(/closed \(1009\)/);
    assertRefused(await probe.roundTrip('{"type":"join","version":-1}'), 'after the big one');
  });

  it('has a digest that sees a write made over the socket', async () => {
    const answers = await probe.roundTrip(JSON.stringify({ type: 'submit', baseVersion: world.version, clientId: newId(), clientSeq: 0, ops: [claimOp()] }), (m) => m.type === 'ack' || isRefusal(m));
    expect(answers.map((m) => m.type)).toContain('ack');
    expect(await databaseDigest(ctx.db)).not.toEqual(before);
  });
});

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
