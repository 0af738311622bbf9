import type { OpsSinceResult, SubmitOpsBody, SubmitOpsResult } from '@counterpoint/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NetworkError } from '../api/api-error';
import { aNode, createOp, graphOf } from '../test-support/graph-factory';
import { MapDocument } from './map-document';
import type { OpsTransport } from './ops-transport';

/** A transport whose answers the test gives by hand, one submitted batch at a time. */
function fakeTransport() {
  const sent: SubmitOpsBody[] = [];
  const answers: Array<{ resolve(r: SubmitOpsResult): void; reject(e: unknown): void }> = [];
  const log: OpsSinceResult = { ops: [], version: 0 };
  const transport: OpsTransport = {
    submit: (_mapId, body) =>
      new Promise((resolve, reject) => {
        sent.push(body);
        answers.push({ resolve, reject });
      }),
    opsSince: async (_mapId, since) => ({ ops: log.ops.filter((e) => e.version > since), version: log.version }),
  };
  const next = () => answers.shift()!;
  const accept = (versions: number[]) => next().resolve({ versions, version: versions.at(-1)!, duplicate: false, actorId: ACTOR });
  return { transport, sent, log, next, accept };
}

const ACTOR = crypto.randomUUID();
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const mapId = crypto.randomUUID();

describe('MapDocument', () => {
  let fake: ReturnType<typeof fakeTransport>;
  beforeEach(() => {
    fake = fakeTransport();
  });
  afterEach(() => vi.useRealTimers());

  it('shows an edit at once, sends it with version and sequence, and confirms it', async () => {
    const doc = new MapDocument({ mapId, graph: graphOf([]), version: 3 }, fake.transport);
    const node = aNode();
    expect(doc.apply([createOp(node)])).toBeNull();
    expect(doc.getState().graph.nodes[node.id]?.text).toBe('A claim');
    expect(doc.getState().saveState).toBe('saving');
    expect(fake.sent[0]).toMatchObject({ baseVersion: 3, clientId: doc.clientId, clientSeq: 0 });

    fake.accept([4]);
    await flush();
    expect(doc.getState()).toMatchObject({ version: 4, saveState: 'saved', pendingOps: 0 });
  });

  it('sends batches one at a time, in order, with increasing clientSeq', async () => {
    const doc = new MapDocument({ mapId, graph: graphOf([]), version: 0 }, fake.transport);
    doc.apply([createOp(aNode()), createOp(aNode())]);
    doc.apply([createOp(aNode())]);
    expect(fake.sent).toHaveLength(1);
    fake.accept([1, 2]);
    await flush();
    expect(fake.sent[1]).toMatchObject({ baseVersion: 2, clientSeq: 2 });
  });

  it('refuses an edit that breaks a graph rule without sending anything', () => {
    const doc = new MapDocument({ mapId, graph: graphOf([]), version: 0 }, fake.transport);
    const error = doc.apply([{ type: 'node.delete', id: crypto.randomUUID() }]);
    expect(error?.code).toBe('NODE_NOT_FOUND');
    expect(doc.getState().notice?.message).toMatch(/does not exist/);
    expect(fake.sent).toHaveLength(0);
  });

  it('drops a refused batch and the batches built on it, and says why', async () => {
    const doc = new MapDocument({ mapId, graph: graphOf([]), version: 0 }, fake.transport);
    const node = aNode();
    doc.apply([createOp(node)]);
    doc.apply([{ type: 'node.update', id: node.id, patch: { text: 'Edited' } }]);
    fake.next().reject(new ApiError(409, { code: 'DUPLICATE_ID', message: 'Id is already used in this map.' }));
    await flush();
    const state = doc.getState();
    expect(state.graph.nodes[node.id]).toBeUndefined();
    expect(state.notice?.message).toBe('Change not saved: Id is already used in this map. 1 later change that depended on it was undone.');
    expect(state.saveState).toBe('saved');
    expect(fake.sent).toHaveLength(1);
  });

  it('retries a batch that got no answer with the same clientSeq', async () => {
    vi.useFakeTimers();
    const doc = new MapDocument({ mapId, graph: graphOf([]), version: 0 }, fake.transport, { retryDelaysMs: [10, 20] });
    doc.apply([createOp(aNode())]);
    fake.next().reject(new NetworkError(new TypeError('fetch failed')));
    await vi.advanceTimersByTimeAsync(0);
    expect(doc.getState().saveState).toBe('retrying');
    await vi.advanceTimersByTimeAsync(10);
    expect(fake.sent.map((b) => b.clientSeq)).toEqual([0, 0]);
    fake.accept([1]);
    await vi.advanceTimersByTimeAsync(0);
    expect(doc.getState()).toMatchObject({ saveState: 'saved', version: 1 });
  });

  it('reads the op log when others wrote before its batch, then rebases what is pending', async () => {
    const theirs = aNode('question', 'Theirs');
    const mine = aNode();
    fake.log.ops.push({ version: 1, op: createOp(theirs), actorId: null, clientId: crypto.randomUUID(), clientSeq: 0, createdAt: new Date().toISOString() });
    fake.log.ops.push({ version: 2, op: createOp(mine), actorId: null, clientId: 'me', clientSeq: 0, createdAt: new Date().toISOString() });
    fake.log.version = 2;
    const doc = new MapDocument({ mapId, graph: graphOf([]), version: 0 }, fake.transport);
    doc.apply([createOp(mine)]);
    fake.accept([2]);
    await flush();
    expect(doc.getState().version).toBe(2);
    expect(Object.keys(doc.getState().graph.nodes).sort()).toEqual([mine.id, theirs.id].sort());
  });

  it('applies others ops under pending edits (live sync entry point)', () => {
    const base = aNode('claim', 'Base');
    const doc = new MapDocument({ mapId, graph: graphOf([base]), version: 5 }, fake.transport);
    doc.apply([{ type: 'node.update', id: base.id, patch: { text: 'Mine' } }]);
    const theirs = aNode('note', 'Theirs');
    doc.applyRemote([{ version: 6, op: createOp(theirs), actorId: null, clientId: crypto.randomUUID(), clientSeq: 0, createdAt: new Date().toISOString() }]);
    const state = doc.getState();
    expect(state.version).toBe(6);
    expect(state.graph.nodes[base.id]?.text).toBe('Mine');
    expect(state.graph.nodes[theirs.id]?.text).toBe('Theirs');
  });

  it('keeps the graph on screen when its own batch comes back alone, and applies it when others’ ops come with it', () => {
    const base = aNode('claim', 'Base');
    const entry = (version: number, op: ReturnType<typeof createOp>, clientId: string, clientSeq: number) => ({ version, op, actorId: ACTOR, clientId, clientSeq, createdAt: new Date().toISOString() });
    const doc = new MapDocument({ mapId, graph: graphOf([base]), version: 5 }, fake.transport);
    doc.setActor(ACTOR);
    doc.applyRemote([]); // the live catch-up: the graph on screen is now made as this actor
    const mine = aNode('claim', 'Mine');
    doc.apply([createOp(mine)]);
    const onScreen = doc.getState().graph;
    doc.applyRemote([entry(6, createOp(mine), doc.clientId, 0)]);
    expect(doc.getState().graph).toBe(onScreen); // nothing to redraw
    expect(doc.getState()).toMatchObject({ version: 6, pendingOps: 0 });
    expect(doc.confirmedGraph.nodes[mine.id]).toMatchObject({ text: 'Mine', authorId: ACTOR });

    const next = aNode('claim', 'Next');
    const theirs = aNode('note', 'Theirs');
    doc.apply([createOp(next)]);
    const before = doc.getState().graph;
    doc.applyRemote([entry(7, createOp(theirs), crypto.randomUUID(), 0), entry(8, createOp(next), doc.clientId, 1)]);
    expect(doc.getState().graph).not.toBe(before);
    expect(doc.getState().graph.nodes[theirs.id]?.text).toBe('Theirs');
    expect(doc.getState().graph.nodes[next.id]?.text).toBe('Next');
    expect(doc.getState().version).toBe(8);
  });

  it('shares one sequence between documents of one page', () => {
    let next = 0;
    const allocateSeq = (count: number) => (next += count) - count;
    const a = new MapDocument({ mapId, graph: graphOf([]), version: 0 }, fake.transport, { clientId: 'c', allocateSeq });
    const b = new MapDocument({ mapId: crypto.randomUUID(), graph: graphOf([]), version: 0 }, fake.transport, { clientId: 'c', allocateSeq });
    a.apply([createOp(aNode()), createOp(aNode())]);
    b.apply([createOp(aNode())]);
    expect(fake.sent.map((s) => s.clientSeq)).toEqual([0, 2]);
  });
});
