import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MapSnapshot } from '@counterpoint/shared';
import { UndoManager } from '../../web/src/history/undo-manager.js';
import { as, createGroup, createMap, createTestApp, createUser, type TestContext } from '../helpers/app.js';
import { claimOp } from '../helpers/ops.js';
import { SimClient } from '../helpers/sim-client.js';

/** Per-member undo through the real sync engine, server and database: only your own changes are undone. */
describe('undo and redo with two members', () => {
  let ctx: TestContext;
  let baseUrl: string;
  let dana: string;
  let sam: string;
  let groupId: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    baseUrl = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    [dana, sam] = [(await createUser(ctx.db, 'Dana')).id, (await createUser(ctx.db, 'Sam')).id];
    groupId = (await createGroup(ctx.db, { owner: dana, editor: sam })).id;
  });
  afterAll(async () => ctx.close());

  async function openBoth() {
    const mapId = (await createMap(ctx.db, groupId)).id;
    const snapshot = MapSnapshot.parse((await ctx.app.inject({ url: `/api/maps/${mapId}`, headers: as(dana) })).json());
    const a = new SimClient(baseUrl, mapId, dana, snapshot);
    const b = new SimClient(baseUrl, mapId, sam, snapshot);
    await until(() => a.live.getStatus() === 'connected' && b.live.getStatus() === 'connected');
    return { mapId, a, b, undoA: new UndoManager(a.doc), undoB: new UndoManager(b.doc) };
  }

  const serverNode = (id: string) => ctx.db.node.findUnique({ where: { id } });
  async function until(done: () => boolean | Promise<boolean>) {
    const deadline = Date.now() + 10_000;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('undoes and redoes my own create, for everyone', async () => {
    const { a, b, undoA } = await openBoth();
    const op = claimOp({ text: 'Mine' });
    a.doc.apply([op]);
    await until(async () => (await serverNode(op.node.id)) !== null);
    undoA.undo();
    await until(async () => (await serverNode(op.node.id)) === null);
    await until(() => b.doc.getState().graph.nodes[op.node.id] === undefined);
    undoA.redo();
    await until(async () => (await serverNode(op.node.id))?.text === 'Mine');
    a.stop();
    b.stop();
  });

  it('leaves alone what another member changed after me, and says so', async () => {
    const { a, b, undoA } = await openBoth();
    const op = claimOp({ text: 'First words' });
    a.doc.apply([op]);
    await until(() => b.doc.getState().graph.nodes[op.node.id] !== undefined);
    a.doc.apply([{ type: 'node.update', id: op.node.id, patch: { text: 'Dana’s words' } }]);
    await until(() => b.doc.getState().graph.nodes[op.node.id]?.text === 'Dana’s words');
    b.doc.apply([{ type: 'node.update', id: op.node.id, patch: { text: 'Sam’s words' } }]);
    await until(() => a.doc.getState().graph.nodes[op.node.id]?.text === 'Sam’s words');

    // Dana undoes her text edit: Sam wrote over it since, so his text stays.
    undoA.undo();
    expect(a.doc.getState().notice?.message).toMatch(/changed by someone else|left as it is|others have changed/i);
    await new Promise((r) => setTimeout(r, 200));
    expect((await serverNode(op.node.id))?.text).toBe('Sam’s words');

    // Dana's other step, the create, would delete Sam's work too: it is not undone either.
    undoA.undo();
    await new Promise((r) => setTimeout(r, 200));
    expect(await serverNode(op.node.id)).not.toBeNull();
    a.stop();
    b.stop();
  });

  it('undoes my move but not a move someone else made later', async () => {
    const { a, b, undoA } = await openBoth();
    const op = claimOp({ x: 0, y: 0 });
    a.doc.apply([op]);
    await until(() => b.doc.getState().graph.nodes[op.node.id] !== undefined);
    a.doc.apply([{ type: 'nodes.move', moves: [{ id: op.node.id, x: 100, y: 100 }] }]);
    await until(async () => (await serverNode(op.node.id))?.x === 100);
    undoA.undo();
    await until(async () => (await serverNode(op.node.id))?.x === 0);
    a.doc.apply([{ type: 'nodes.move', moves: [{ id: op.node.id, x: 50, y: 50 }] }]);
    await until(() => b.doc.getState().graph.nodes[op.node.id]?.x === 50);
    b.doc.apply([{ type: 'nodes.move', moves: [{ id: op.node.id, x: 300, y: 300 }] }]);
    await until(() => a.doc.getState().graph.nodes[op.node.id]?.x === 300);
    undoA.undo();
    await new Promise((r) => setTimeout(r, 200));
    expect((await serverNode(op.node.id))?.x).toBe(300);
    a.stop();
    b.stop();
  });
});
