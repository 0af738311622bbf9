import type { Comment, Stance } from '@counterpoint/shared';
import { describe, expect, it } from 'vitest';
import { DiscussionMarkStore } from './stance-decorations';

const stance = (userId: string, nodeId: string, value: Stance['value'], confidence: number): Stance => ({ userId, nodeId, value, confidence, note: '' });
const thread = (id: string, nodeId: string, extra: Partial<Comment> = {}): Comment => ({
  id, nodeId, authorId: 'u1', parentId: null, body: 'Why?', resolved: false, deleted: false,
  createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', ...extra,
});

/** Counts how often each node's listener fires. */
function watch(store: DiscussionMarkStore, ...nodeIds: string[]) {
  const calls = Object.fromEntries(nodeIds.map((id) => [id, 0]));
  for (const id of nodeIds) store.subscribeNode(id, () => calls[id]!++);
  return calls;
}

describe('DiscussionMarkStore', () => {
  it('marks claims with the group spread and counts open threads only', () => {
    const store = new DiscussionMarkStore();
    store.setData(
      [stance('u1', 'a', 'agree', 80), stance('u2', 'a', 'disagree', 70)],
      [thread('t1', 'a'), thread('r1', 'a', { parentId: 't1' }), thread('t2', 'a', { resolved: true }), thread('t3', 'b', { deleted: true }), thread('t4', 'c')],
    );
    expect(store.get('a')).toMatchObject({ consensus: { agree: 1, disagree: 1, unsure: 0 }, stance: null, openThreads: 1 });
    expect(store.get('b').openThreads).toBe(0);
    expect(store.get('c')).toMatchObject({ consensus: null, openThreads: 1 });
  });

  it("shows one member's stance in member view, and no positions when the canvas is off", () => {
    const store = new DiscussionMarkStore();
    store.setData([stance('u1', 'a', 'agree', 80), stance('u2', 'a', 'disagree', 70)], [thread('t1', 'a')]);
    store.setView({ positions: { mode: 'member', userId: 'u2', name: 'Pavel' }, onCanvas: true });
    expect(store.get('a')).toMatchObject({ consensus: null, stance: { value: 'disagree', confidence: 70 }, memberName: 'Pavel' });
    store.setView({ positions: { mode: 'member', userId: 'u2', name: 'Pavel' }, onCanvas: false });
    expect(store.get('a')).toEqual({ consensus: null, stance: null, memberName: null, openThreads: 1 });
  });

  it('wakes only the nodes whose marks changed', () => {
    const store = new DiscussionMarkStore();
    const stances = [stance('u1', 'a', 'agree', 80), stance('u1', 'b', 'agree', 60)];
    store.setData(stances, []);
    const calls = watch(store, 'a', 'b', 'c');
    store.setData([stances[0]!, stance('u1', 'b', 'disagree', 60)], []);
    expect(calls).toEqual({ a: 0, b: 1, c: 0 });
    const before = store.get('a');
    store.setData([stances[0]!, stance('u1', 'b', 'disagree', 60)], [thread('t1', 'c')]);
    expect(calls).toEqual({ a: 0, b: 1, c: 1 });
    expect(store.get('a')).toBe(before);
    store.setData([], []);
    expect(calls).toEqual({ a: 1, b: 2, c: 2 });
  });

  it('asks the panel for a node each time a badge is clicked, and forgets everything on reset', () => {
    const store = new DiscussionMarkStore();
    let viewCalls = 0;
    store.subscribeView(() => viewCalls++);
    store.focusNode('a');
    store.focusNode('a');
    expect(store.getFocus()).toEqual({ nodeId: 'a', seq: 2 });
    store.setData([stance('u1', 'a', 'agree', 80)], []);
    store.reset();
    expect(store.get('a')).toEqual({ consensus: null, stance: null, memberName: null, openThreads: 0 });
    expect(store.getFocus().nodeId).toBeNull();
    expect(viewCalls).toBe(3);
  });
});
