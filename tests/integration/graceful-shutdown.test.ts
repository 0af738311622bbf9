import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { Group, MapSummary, type SubmitOpsBody } from '@counterpoint/shared';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { demoSession, type DemoSession } from '../helpers/demo-session.js';
import { LiveTestClient } from '../helpers/live-client.js';
import { claimOp, newId } from '../helpers/ops.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const LIVE_WRITERS = 4;
const HTTP_WRITERS = 2;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A batch of one new claim; the server takes it whatever the map's version (claims conflict with nothing). */
const batch = (clientId: string, clientSeq: number): SubmitOpsBody => ({ baseVersion: 0, clientId, clientSeq, ops: [claimOp({ text: `Claim ${clientSeq}` })] });
const nodeIdOf = (body: SubmitOpsBody) => (body.ops[0] as ReturnType<typeof claimOp>).node.id;

/**
 * SIGTERM to the real server process (main.ts) while members write over the live socket and HTTP: every write it
 * acknowledged is in the database, live clients get a 1012 close frame, nobody new gets in, and it exits 0 fast.
 */
describe('graceful shutdown', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  let session: DemoSession;
  let mapId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startServerProcess(database.url);
    session = await demoSession(server.baseUrl);
    const [group] = Group.array().parse(await (await fetch(`${server.baseUrl}/api/groups`, { headers: { cookie: session.cookie } })).json());
    const created = await fetch(`${server.baseUrl}/api/groups/${group!.id}/maps`, {
      method: 'POST',
      headers: session.writeHeaders,
      body: JSON.stringify({ title: 'Shutdown drill' }),
    });
    mapId = MapSummary.parse(await created.json()).id;
  });
  afterAll(async () => {
    await server?.kill();
    await database?.drop();
  });

  /** A live member submitting batch after batch until the server sends it away; returns what was acked. */
  async function liveWriter(acked: string[]): Promise<{ code: number; reason: string }> {
    const socket = new WebSocket(`${server.baseUrl.replace('http', 'ws')}/api/maps/${mapId}/live`, { headers: { cookie: session.cookie, origin: server.baseUrl } });
    const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const live = new LiveTestClient(socket);
    live.send({ type: 'join', version: 0 });
    await Promise.race([live.next('catchup'), live.next('snapshot')]);
    const clientId = newId();
    let open = true;
    void closed.then(() => (open = false));
    for (let seq = 0; open; seq++) {
      const body = batch(clientId, seq);
      live.send({ type: 'submit', ...body });
      const answer = await Promise.race([
        live.next('ack', (m) => m.clientSeq === seq, 20_000).then(() => 'ack' as const),
        live.next('reject', (m) => m.clientSeq === seq, 20_000).then(() => 'reject' as const),
        closed.then(() => 'closed' as const),
      ]).catch(() => 'closed' as const);
      if (answer === 'ack') acked.push(nodeIdOf(body));
      else await pause(10); // refused while stopping: nothing written; try again as a client would
    }
    return closed;
  }

  /** A member posting batches over HTTP until the server stops answering. */
  async function httpWriter(acked: string[], stopped: () => boolean): Promise<void> {
    const clientId = newId();
    for (let seq = 0; !stopped(); seq++) {
      const body = batch(clientId, seq);
      try {
        const response = await fetch(`${server.baseUrl}/api/maps/${mapId}/ops`, { method: 'POST', headers: session.writeHeaders, body: JSON.stringify(body) });
        if (response.ok) acked.push(nodeIdOf(body));
        else await pause(10);
      } catch {
        await pause(10); // refused or reset: the server is going
      }
    }
  }

  /** New visitors once shutdown started: a page request and a live socket; each must be turned away. */
  async function newcomer(): Promise<{ http: string; live: string }> {
    const http = await fetch(`${server.baseUrl}/api/health`).then(
      (response) => `status ${response.status}`,
      () => 'refused',
    );
    const live = await new Promise<string>((resolve) => {
      const socket = new WebSocket(`${server.baseUrl.replace('http', 'ws')}/api/maps/${mapId}/live`, { headers: { cookie: session.cookie } });
      socket.once('open', () => {
        socket.terminate();
        resolve('opened');
      });
      socket.once('unexpected-response', (request, response) => {
        request.destroy();
        resolve(`status ${response.statusCode}`);
      });
      socket.once('error', () => resolve('refused'));
    });
    return { http, live };
  }

  it('commits every acknowledged write, closes live clients with 1012, turns newcomers away and exits 0', { timeout: 60_000 }, async () => {
    const acked: string[] = [];
    let exited = false;
    const exit = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
    void exit.then(() => (exited = true));

    const live = Array.from({ length: LIVE_WRITERS }, () => liveWriter(acked));
    const http = Array.from({ length: HTTP_WRITERS }, () => httpWriter(acked, () => exited));
    // Writes well under way (on a busy machine that can take a while).
    for (const deadline = Date.now() + 20_000; acked.length < 20 && Date.now() < deadline; ) await pause(50);
    expect(acked.length).toBeGreaterThanOrEqual(20);

    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    // From the moment the server says it is stopping, nobody new may get in.
    while (!server.output().includes('SIGTERM: finishing') && !exited) await pause(5);
    const newcomers: { http: string; live: string }[] = [];
    while (!exited && newcomers.length < 20) newcomers.push(await newcomer());

    const code = await exit;
    const exitMs = Date.now() - signalledAt;
    const closes = await Promise.all(live);
    await Promise.all(http);

    expect(code, server.output()).toBe(0);
    expect(exitMs).toBeLessThan(5_000);
    expect(closes.map((close) => close.code)).toEqual(Array(LIVE_WRITERS).fill(1012));
    expect(newcomers.length).toBeGreaterThan(0);
    for (const attempt of newcomers) {
      expect(attempt.http).toMatch(/^(refused|status 503)$/);
      expect(attempt.live).toMatch(/^(refused|status 503)$/);
    }
    expect(server.output()).toContain('Stopped');

    // The database outlives the server: every acknowledged write is in it.
    const stored = await database.db.node.findMany({ where: { id: { in: acked } }, select: { id: true } });
    expect(new Set(stored.map((node) => node.id)).size).toBe(acked.length);
  });
});
