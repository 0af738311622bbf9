import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { MapSnapshot, type SubmitOpsBody } from '@counterpoint/shared';
import { as, createGroup, createMap, createTestApp, createUser, type TestContext } from '../helpers/app.js';
import { expectApiError } from '../helpers/api.js';
import { LiveTestClient } from '../helpers/live-client.js';
import { claimOp, newId } from '../helpers/ops.js';
import { SimClient } from '../helpers/sim-client.js';

/** A low limit so a test can spend it: 3 batches at once, then one every 5 s (slow enough for a busy machine). */
const BURST = 3;
const PER_MINUTE = 12;

describe('op rate limit: per member, over HTTP and the live socket together', () => {
  let ctx: TestContext;
  let baseUrl: string;

  beforeAll(async () => {
    ctx = await createTestApp({ opRateLimit: { perMinute: PER_MINUTE, burst: BURST } });
    baseUrl = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => ctx.close());

  /** A member (editor) of a fresh map, with a bucket of their own. */
  async function editorOfNewMap() {
    const editor = await createUser(ctx.db, 'Fast typist');
    const group = await createGroup(ctx.db, { editor: editor.id });
    return { userId: editor.id, mapId: (await createMap(ctx.db, group.id)).id };
  }

  const batch = (clientSeq: number, baseVersion = 0): SubmitOpsBody => ({ baseVersion, clientId: newId(), clientSeq, ops: [claimOp()] });
  const post = (userId: string, mapId: string, body: SubmitOpsBody) =>
    ctx.app.inject({ method: 'POST', url: `/api/maps/${mapId}/ops`, headers: as(userId), payload: body });
  const mapVersion = async (mapId: string) => (await ctx.db.map.findUniqueOrThrow({ where: { id: mapId } })).version;

  it('allows a burst, then answers 429 RATE_LIMITED and writes nothing, then allows again once refilled', async () => {
    const { userId, mapId } = await editorOfNewMap();
    for (let seq = 0; seq < BURST; seq++) expect((await post(userId, mapId, batch(seq))).statusCode).toBe(200);
    const refused = expectApiError(await post(userId, mapId, batch(BURST)), 'RATE_LIMITED');
    expect(refused.message).toMatch(/try again in \d+ s/i);
    expect(await mapVersion(mapId)).toBe(BURST);

    await new Promise((resolve) => setTimeout(resolve, 60_000 / PER_MINUTE + 50));
    expect((await post(userId, mapId, batch(BURST + 1))).statusCode).toBe(200);
  });

  it('counts one member only: another member of the same map is not held back', async () => {
    const { userId, mapId } = await editorOfNewMap();
    const other = await createUser(ctx.db, 'Other');
    await ctx.db.membership.create({ data: { groupId: (await ctx.db.map.findUniqueOrThrow({ where: { id: mapId } })).groupId, userId: other.id, role: 'editor' } });
    for (let seq = 0; seq <= BURST; seq++) await post(userId, mapId, batch(seq));
    expect((await post(other.id, mapId, batch(0))).statusCode).toBe(200);
  });

  it('answers a live `submit` over the limit with a `reject` RATE_LIMITED, sharing the HTTP allowance', async () => {
    const { userId, mapId } = await editorOfNewMap();
    for (let seq = 0; seq < BURST; seq++) expect((await post(userId, mapId, batch(seq))).statusCode).toBe(200);

    const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/api/maps/${mapId}/live`, { headers: as(userId) });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const live = new LiveTestClient(socket);
    live.send({ type: 'join', version: BURST });
    await live.next('catchup');
    live.send({ type: 'submit', ...batch(BURST, BURST) });
    const reject = await live.next('reject');
    expect(reject).toMatchObject({ clientSeq: BURST, code: 'RATE_LIMITED' });
    expect(await mapVersion(mapId)).toBe(BURST);
    live.close();
  });

  it('keeps a member’s edits through the limit: the web sync engine retries them until each is saved', { timeout: 40_000 }, async () => {
    const { userId, mapId } = await editorOfNewMap();
    // Two batches over the burst: each waits for the next token (5 s) while the client keeps retrying.
    const snapshot = MapSnapshot.parse((await ctx.app.inject({ method: 'GET', url: `/api/maps/${mapId}`, headers: as(userId) })).json());
    const client = new SimClient(baseUrl, mapId, userId, snapshot);
    try {
      const edits = Array.from({ length: BURST + 2 }, (_, i) => claimOp({ text: `Edit ${i}` }));
      for (const op of edits) expect(client.doc.apply([op])).toBeNull();
      const deadline = Date.now() + 25_000;
      while (client.doc.getState().pendingOps > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(client.doc.getState().pendingOps).toBe(0);
      const stored = await ctx.db.node.findMany({ where: { id: { in: edits.map((op) => op.node.id) } } });
      expect(stored).toHaveLength(edits.length);
    } finally {
      client.stop();
    }
  });
});
