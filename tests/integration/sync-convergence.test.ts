import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphFromLists, graphToLists, MapSnapshot, type Graph, type Op } from '@counterpoint/shared';
import { as, createGroup, createMap, createTestApp, createUser, type TestContext } from '../helpers/app.js';
import { newId } from '../helpers/ops.js';
import { SimClient } from '../helpers/sim-client.js';

/** What a simulated member does next; targets are picked from its own view of the map by `pick`. */
type Step =
  | { kind: 'create'; client: number; x: number; y: number }
  | { kind: 'text'; client: number; pick: number; text: string }
  | { kind: 'delete' | 'move'; client: number; pick: number }
  | { kind: 'connect'; client: number; pick: number; pick2: number; attack: boolean }
  | { kind: 'cut' | 'duplicate'; client: number };

const CLIENTS = 3;
const client = fc.integer({ min: 0, max: CLIENTS - 1 });
const pick = fc.nat(1000);
const step: fc.Arbitrary<{ step: Step; delayMs: number }> = fc.record({
  step: fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('create' as const), client, x: fc.integer({ min: -500, max: 500 }), y: fc.integer({ min: -500, max: 500 }) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('text' as const), client, pick, text: fc.string({ maxLength: 12 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('delete' as const, 'move' as const), client, pick }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('connect' as const), client, pick, pick2: pick, attack: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('cut' as const, 'duplicate' as const), client }) },
  ),
  delayMs: fc.integer({ min: 0, max: 15 }),
});

function opsFor(s: Step, graph: Graph): Op[] {
  const ids = Object.keys(graph.nodes).sort();
  const at = (n: number) => ids[n % ids.length]!;
  switch (s.kind) {
    case 'create':
      return [{ type: 'node.create', node: { id: newId(), kind: 'claim', text: `claim ${s.x}`, x: s.x, y: s.y, quote: null } }];
    case 'text':
      return ids.length ? [{ type: 'node.update', id: at(s.pick), patch: { text: s.text } }] : [];
    case 'delete':
      return ids.length ? [{ type: 'node.delete', id: at(s.pick) }] : [];
    case 'move':
      return ids.length ? [{ type: 'nodes.move', moves: [{ id: at(s.pick), x: s.pick % 97, y: s.pick % 89 }] }] : [];
    case 'connect':
      return ids.length > 1 && at(s.pick) !== at(s.pick2)
        ? [{ type: 'edge.create', edge: { id: newId(), kind: s.attack ? 'attacks' : 'supports', fromId: at(s.pick), toId: at(s.pick2), label: '' } }]
        : [];
    case 'cut':
    case 'duplicate':
      return [];
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('convergence of live clients (real server, PostgreSQL and WebSockets)', () => {
  let ctx: TestContext;
  let baseUrl: string;
  let userId: string;
  let groupId: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    baseUrl = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    userId = (await createUser(ctx.db)).id;
    groupId = (await createGroup(ctx.db, { owner: userId })).id;
  });
  afterAll(async () => ctx.close());

  it('ends with every client equal to the server and every acknowledged op in the log exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 30 }), async (script) => {
        const mapId = (await createMap(ctx.db, groupId)).id;
        const snapshot = MapSnapshot.parse((await ctx.app.inject({ url: `/api/maps/${mapId}`, headers: as(userId) })).json());
        const clients = Array.from({ length: CLIENTS }, () => new SimClient(baseUrl, mapId, userId, snapshot));
        try {
          for (const { step: s, delayMs } of script) {
            const sim = clients[s.client]!;
            if (s.kind === 'cut') sim.cut();
            else if (s.kind === 'duplicate') {
              // The same batch delivered twice is answered from the log, never applied again.
              const again = await sim.resendLast();
              if (again) expect(again.duplicate).toBe(true);
            }
            // A local rule violation (e.g. a duplicate edge) is refused by applyOp and sends nothing: fine.
            else sim.doc.apply(opsFor(s, sim.doc.getState().graph));
            if (delayMs) await sleep(delayMs);
          }
          const server = await settle(clients, mapId);
          for (const sim of clients) expect(graphToLists(sim.doc.getState().graph)).toEqual(graphToLists(server));
          await expectLogExactlyOnce(mapId, clients);
        } finally {
          for (const sim of clients) sim.stop();
        }
      }),
      { numRuns: Number(process.env.CONVERGENCE_RUNS ?? 8), interruptAfterTimeLimit: 60_000 },
    );
  }, 120_000);

  /** Waits until every client has sent everything and caught up with the server's version. */
  async function settle(clients: SimClient[], mapId: string): Promise<Graph> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const response = await ctx.app.inject({ url: `/api/maps/${mapId}`, headers: as(userId) });
      const snapshot = MapSnapshot.parse(response.json());
      const done = clients.every((c) => {
        const state = c.doc.getState();
        return state.pendingOps === 0 && state.version === snapshot.version && c.live.getStatus() === 'connected';
      });
      if (done) return graphFromLists(snapshot);
      if (Date.now() > deadline) throw new Error(`clients did not converge: ${clients.map((c) => JSON.stringify({ v: c.doc.getState().version, p: c.doc.getState().pendingOps, s: c.live.getStatus() })).join(' ')} server v${snapshot.version}`);
      await sleep(50);
    }
  }

  async function expectLogExactlyOnce(mapId: string, clients: SimClient[]) {
    const log = await ctx.db.opLog.findMany({ where: { mapId }, orderBy: { version: 'asc' } });
    expect(log.map((row) => row.version)).toEqual(log.map((_, i) => i + 1));
    const byIdentity = new Map(log.map((row) => [`${row.clientId}/${row.clientSeq}`, row.version]));
    expect(byIdentity.size).toBe(log.length);
    for (const sim of clients) {
      for (const { clientSeq, versions } of sim.acked) {
        versions.forEach((version, i) => expect(byIdentity.get(`${sim.doc.clientId}/${clientSeq + i}`)).toBe(version));
      }
    }
  }
});
