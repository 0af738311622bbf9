import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { as, createGroup, createMap, createTestApp, createUser, type TestContext } from '../helpers/app.js';
import { LiveTestClient } from '../helpers/live-client.js';
import { claimOp, newId } from '../helpers/ops.js';

describe('live WebSocket /api/maps/:mapId/live', () => {
  let ctx: TestContext;
  let owner: { id: string };
  let viewer: { id: string };
  let stranger: { id: string };
  let mapId: string;
  let baseUrl: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    // A real listening server and real WebSocket clients, as browsers use it.
    baseUrl = (await ctx.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
    [owner, viewer, stranger] = [await createUser(ctx.db, 'Owner'), await createUser(ctx.db, 'Viewer'), await createUser(ctx.db, 'Stranger')];
    const group = await createGroup(ctx.db, { owner: owner.id, viewer: viewer.id });
    mapId = (await createMap(ctx.db, group.id)).id;
  });
  afterAll(async () => ctx.close());

  function open(userId: string): Promise<WebSocket> {
    const socket = new WebSocket(`${baseUrl}/api/maps/${mapId}/live`, { headers: as(userId) });
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(socket));
      socket.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
      socket.once('error', reject);
    });
  }
  const connect = async (userId: string) => new LiveTestClient(await open(userId));

  it('catches a joining client up, acks its batch, and broadcasts the committed ops to everyone', async () => {
    const alice = await connect(owner.id);
    const bob = await connect(viewer.id);
    alice.send({ type: 'join', version: 0 });
    bob.send({ type: 'join', version: 0 });
    expect((await alice.next('welcome')).user.id).toBe(owner.id);
    await alice.next('catchup');
    await bob.next('catchup');

    const op = claimOp({ text: 'Live claim' });
    alice.send({ type: 'submit', baseVersion: 0, clientId: newId(), clientSeq: 0, ops: [op] });
    const ack = await alice.next('ack');
    expect(ack.versions).toHaveLength(1);
    const broadcast = await bob.next('ops');
    expect(broadcast.entries.map((e) => e.op)).toEqual([op]);
    expect(broadcast.entries[0]!.version).toBe(ack.versions[0]);
    // The op was durable before it was broadcast.
    expect(await ctx.db.node.findUnique({ where: { id: op.node.id } })).not.toBeNull();
    alice.close();
    bob.close();
  });

  it('rejects a viewer’s batch with FORBIDDEN and writes nothing', async () => {
    const bob = await connect(viewer.id);
    bob.send({ type: 'join', version: 0 });
    await bob.next('catchup');
    const before = await ctx.db.opLog.count();
    bob.send({ type: 'submit', baseVersion: 0, clientId: newId(), clientSeq: 0, ops: [claimOp()] });
    expect(await bob.next('reject')).toMatchObject({ code: 'FORBIDDEN', clientSeq: 0 });
    expect(await ctx.db.opLog.count()).toBe(before);
    bob.close();
  });

  it('answers malformed messages with an error and stays open', async () => {
    const alice = await connect(owner.id);
    alice.sendRaw('not json');
    expect(await alice.next('error')).toMatchObject({ code: 'BAD_JSON' });
    alice.send({ type: 'submit', ops: 'nope' });
    expect(await alice.next('error')).toMatchObject({ code: 'VALIDATION_FAILED' });
    alice.send({ type: 'ping' });
    await alice.next('pong');
    alice.close();
  });

  it('relays presence to others, never to the sender, and says when a peer leaves', async () => {
    const alice = await connect(owner.id);
    const bob = await connect(viewer.id);
    alice.send({ type: 'join', version: 0 });
    await alice.next('catchup');
    bob.send({ type: 'join', version: 0 });
    await bob.next('catchup');
    const cursor = { x: 12, y: 34 };
    alice.send({ type: 'presence', cursor, selection: [], editing: null, dragging: null });
    const seen = await bob.next('presence', (m) => m.peers.some((p) => p.user.id === owner.id && p.presence.cursor !== null));
    expect(seen.peers.find((p) => p.user.id === owner.id)!.presence.cursor).toEqual(cursor);
    const aliceId = (await alice.next('welcome')).connectionId;
    alice.close();
    await bob.next('peer-left', (m) => m.connectionId === aliceId);
    expect(alice.received.filter((m) => m.type === 'presence' && m.peers.some((p) => p.connectionId === aliceId))).toEqual([]);
    bob.close();
  });

  it('refuses the upgrade to strangers and anonymous requests', async () => {
    await expect(open(stranger.id)).rejects.toThrow('upgrade refused: 404');
    await expect(open('')).rejects.toThrow('upgrade refused: 401');
  });
});
