import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { Group, MapSummary } from '@counterpoint/shared';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { LiveTestClient } from '../helpers/live-client.js';
import { claimOp, newId } from '../helpers/ops.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { demoCookie } from '../helpers/demo-session.js';

/** Two server processes on one PostgreSQL: NOTIFY carries {mapId, version}; each reads the ops from the log. */
describe('several server instances', () => {
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

  it('delivers an edit made through instance B to a client connected to instance A', async () => {
    const cookie = await demoCookie(a.baseUrl); // a session works on every instance: it lives in PostgreSQL
    const [group] = Group.array().parse(await (await fetch(`${a.baseUrl}/api/groups`, { headers: { cookie } })).json());
    const created = await fetch(`${a.baseUrl}/api/groups/${group!.id}/maps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ title: 'Across instances' }),
    });
    const map = MapSummary.parse(await created.json());

    const socket = new WebSocket(`${a.baseUrl.replace('http', 'ws')}/api/maps/${map.id}/live`, { headers: { cookie } });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const client = new LiveTestClient(socket);
    client.send({ type: 'join', version: 0 });
    await client.next('catchup');

    const op = claimOp({ text: 'Written through B' });
    const response = await fetch(`${b.baseUrl}/api/maps/${map.id}/ops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ baseVersion: 0, clientId: newId(), clientSeq: 0, ops: [op] }),
    });
    expect(response.status).toBe(200);
    const broadcast = await client.next('ops');
    expect(broadcast.entries).toHaveLength(1);
    expect(broadcast.entries[0]).toMatchObject({ version: 1, op });
    client.close();
  });
});
