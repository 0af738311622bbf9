import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { Comment, Group, MapSummary } from '@counterpoint/shared';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { demoSession } from '../helpers/demo-session.js';
import { LiveTestClient } from '../helpers/live-client.js';
import { claimOp, newId } from '../helpers/ops.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

/** Stances and comments reach live clients on every instance through `map_events`, as ops do through `map_ops`. */
describe('discussion across server instances', () => {
  let database: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    database = await createTestDatabase();
    a = await startServerProcess(database.url); // migrates and loads the demo first
    b = await startServerProcess(database.url);
  }, 120_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await database?.drop();
  });

  async function watch(baseUrl: string, mapId: string, cookie: string) {
    const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/api/maps/${mapId}/live`, { headers: { cookie } });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const client = new LiveTestClient(socket);
    client.send({ type: 'join', version: 0 });
    await client.next('catchup');
    return client;
  }

  it('delivers a comment posted through A to live clients on B and, once, on A', async () => {
    // A session works on every instance: it lives in PostgreSQL. Writes carry what a browser's would (CSRF token).
    const { cookie, writeHeaders: json } = await demoSession(a.baseUrl);
    const [group] = Group.array().parse(await (await fetch(`${a.baseUrl}/api/groups`, { headers: { cookie } })).json());
    const created = await fetch(`${a.baseUrl}/api/groups/${group!.id}/maps`, { method: 'POST', headers: json, body: JSON.stringify({ title: 'Talk across instances' }) });
    const map = MapSummary.parse(await created.json());
    const nodeId = newId();
    const claim = claimOp({ id: nodeId, text: 'Debated on two instances' });
    const ops = await fetch(`${a.baseUrl}/api/maps/${map.id}/ops`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ baseVersion: 0, clientId: newId(), clientSeq: 0, ops: [claim] }),
    });
    expect(ops.status).toBe(200);

    const onB = await watch(b.baseUrl, map.id, cookie);
    const onA = await watch(a.baseUrl, map.id, cookie);
    const posted = await fetch(`${a.baseUrl}/api/nodes/${nodeId}/comments`, { method: 'POST', headers: json, body: JSON.stringify({ body: 'Seen on B?' }) });
    expect(posted.status).toBe(201);
    const comment = Comment.parse(await posted.json());

    for (const client of [onB, onA]) expect((await client.next('comment')).comment).toMatchObject({ id: comment.id, body: 'Seen on B?', nodeId });
    // A later stance through B comes after it on both; by then any duplicate of the comment would have arrived.
    const throughB = { ...json, origin: new URL(b.baseUrl).origin }; // a page served by B
    const stance = await fetch(`${b.baseUrl}/api/nodes/${nodeId}/stance`, { method: 'PUT', headers: throughB, body: JSON.stringify({ value: 'agree', confidence: 70 }) });
    expect(stance.status).toBe(200);
    for (const client of [onB, onA]) {
      expect((await client.next('stance')).stance).toMatchObject({ nodeId, value: 'agree', confidence: 70 });
      expect(client.received.filter((m) => m.type === 'comment' || m.type === 'stance')).toEqual([]);
    }
    onA.close();
    onB.close();
  });
});
