import { chmod, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Group, MapSnapshot, MapSummary, graphFromLists, graphToLists } from '@counterpoint/shared';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../server/src/db/embedded-postgres.js';
import { migrate } from '../../server/src/db/migrate.js';
import { createPrisma, type Db } from '../../server/src/db/prisma.js';
import { freePort } from '../helpers/global-database.js';
import { claimOp } from '../helpers/ops.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { SimClient } from '../helpers/sim-client.js';
import { demoCookie } from '../helpers/demo-session.js';

const CLIENTS = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Faults under load: the server process killed with SIGKILL, and PostgreSQL itself restarted, while 20 clients
 * edit over WebSockets. Nothing acknowledged may be lost, nothing applied twice, and every client converges.
 * This file runs its own PostgreSQL cluster, since it restarts it.
 */
describe('crash safety', () => {
  let cluster: EmbeddedDatabase;
  let clusterDir: string;
  let pgPort: number;
  let db: Db;
  let server: ServerProcess;
  let cookie = '';
  let port: number;

  beforeAll(async () => {
    const temp = await mkdtemp(path.join(os.tmpdir(), 'counterpoint-crash-'));
    await chmod(temp, 0o755);
    clusterDir = path.join(temp, 'pg');
    pgPort = await freePort();
    cluster = await startEmbeddedPostgres({ dataDir: clusterDir, port: pgPort });
    await migrate(cluster.url);
    db = createPrisma(cluster.url, 2);
    port = await freePort();
    server = await startServerProcess(cluster.url, {}, { port });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await db?.$disconnect();
    await cluster?.stop();
  });

  async function newMapAndClients() {
    // Signed in afresh each time: the server is restarted between tests (sessions live in the database, though).
    cookie = await demoCookie(server.baseUrl);
    const [group] = Group.array().parse(await (await fetch(`${server.baseUrl}/api/groups`, { headers: { cookie } })).json());
    const response = await fetch(`${server.baseUrl}/api/groups/${group!.id}/maps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ title: `Under fire ${Date.now()}` }),
    });
    const map = MapSummary.parse(await response.json());
    const snapshot = MapSnapshot.parse(await (await fetch(`${server.baseUrl}/api/maps/${map.id}`, { headers: { cookie } })).json());
    const clients = Array.from({ length: CLIENTS }, () => new SimClient(server.baseUrl, map.id, { cookie }, snapshot));
    return { mapId: map.id, clients };
  }

  /** Each client adds a claim every ~200 ms while `running()` (about 100 edits a second in all). */
  async function edit(clients: SimClient[], running: () => boolean) {
    await Promise.all(
      clients.map(async (client, i) => {
        while (running()) {
          client.doc.apply([claimOp({ text: `client ${i}`, x: i * 10, y: Math.random() * 500 })]);
          await sleep(150 + Math.random() * 100);
        }
      }),
    );
  }

  async function settleAndCheck(mapId: string, clients: SimClient[]) {
    const deadline = Date.now() + 30_000;
    let snapshot: MapSnapshot;
    for (;;) {
      snapshot = MapSnapshot.parse(await (await fetch(`${server.baseUrl}/api/maps/${mapId}`, { headers: { cookie } })).json());
      const done = clients.every(
        (c) => c.doc.getState().pendingOps === 0 && c.doc.getState().version === snapshot.version && c.live.getStatus() === 'connected',
      );
      if (done) break;
      if (Date.now() > deadline) {
        const states = clients.map((c) => `v${c.doc.getState().version}/p${c.doc.getState().pendingOps}/${c.live.getStatus()}/${c.doc.getState().saveState}`);
        const activity = await db.$queryRawUnsafe<{ state: string; wait: string | null; query: string; age: string }[]>(
          `SELECT state, wait_event_type || ':' || wait_event AS wait, left(query, 80) AS query, (now() - xact_start)::text AS age FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
        );
        console.log(JSON.stringify(activity, null, 1));
        const inDb = await db.map.findUnique({ where: { id: mapId } });
        const logged = await db.opLog.count({ where: { mapId } });
        throw new Error(`clients did not converge after the fault (server v${snapshot.version}, db v${inDb?.version}, log ${logged}): ${states.join(' ')}\n${server.output().slice(-3000)}`);
      }
      await sleep(100);
    }
    for (const client of clients) expect(graphToLists(client.doc.getState().graph)).toEqual(graphToLists(graphFromLists(snapshot)));
    const log = await db.opLog.findMany({ where: { mapId }, orderBy: { version: 'asc' } });
    expect(log.map((row) => row.version)).toEqual(log.map((_, i) => i + 1));
    const identities = new Map(log.map((row) => [`${row.clientId}/${row.clientSeq}`, row.version]));
    expect(identities.size).toBe(log.length); // nothing applied twice
    for (const client of clients) {
      for (const { clientSeq, versions } of client.acked) {
        versions.forEach((version, i) => expect(identities.get(`${client.doc.clientId}/${clientSeq + i}`)).toBe(version));
      }
    }
    // Every edit every client made is in the map: the unacknowledged ones were retried until they landed.
    expect(snapshot!.nodes).toHaveLength(log.length);
  }

  it('loses no acknowledged op when the server is killed with SIGKILL mid-load', async () => {
    const { mapId, clients } = await newMapAndClients();
    let running = true;
    const load = edit(clients, () => running);
    await sleep(1_500);
    await server.kill();
    await sleep(500);
    server = await startServerProcess(cluster.url, {}, { port });
    await sleep(1_000);
    running = false;
    await load;
    try {
      await settleAndCheck(mapId, clients);
    } finally {
      for (const client of clients) client.stop();
    }
  }, 120_000);

  it('rides out a PostgreSQL restart: clients reconnect and catch up, nothing lost or doubled', async () => {
    const { mapId, clients } = await newMapAndClients();
    let running = true;
    const load = edit(clients, () => running);
    await sleep(1_500);
    await cluster.stop();
    await sleep(1_000);
    cluster = await startEmbeddedPostgres({ dataDir: clusterDir, port: pgPort });
    await sleep(2_000);
    running = false;
    await load;
    try {
      await settleAndCheck(mapId, clients);
    } finally {
      for (const client of clients) client.stop();
    }
    expect(clients.some((c) => c.statusHistory.includes('reconnecting'))).toBe(true);
  }, 120_000);
});
