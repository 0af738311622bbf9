import { describe, expect, it } from 'vitest';
import { applyOps } from '../apply-op.js';
import type { Graph } from '../graph.js';
import type { Op } from '../ops.js';
import { invertOps } from './invert.js';
import { undoableNow } from './rebase-undo.js';
import {
  argumentOp,
  argumentUpdateOp,
  claimOp,
  edgeDeleteOp,
  edgeOp,
  edgeUpdateOp,
  graphOf,
  moveOp,
  newId,
  nodeDeleteOp,
  nodeUpdateOp,
} from '../../../tests/helpers/ops.js';

const ME = { actorId: newId() };
const BOB = { actorId: newId() };

function run(graph: Graph, ops: readonly Op[], ctx = ME): Graph {
  const result = applyOps(graph, ops, ctx);
  if (!result.ok) throw new Error(`op ${result.opIndex} rejected: ${result.error.code} ${result.error.message}`);
  return result.graph;
}

/** I apply `mine` to `before`, then Bob applies `theirs`; returns my undo plan and the graph it leads to. */
function undoAfter(before: Graph, mine: Op[], theirs: Op[]) {
  const myGraph = run(before, mine);
  const current = run(myGraph, theirs, BOB);
  const plan = undoableNow(current, invertOps(before, mine, ME), myGraph);
  return { plan, current, undone: run(current, plan.ops) };
}

const a = claimOp({ text: 'Revolutionaries need a disciplined party to win' });
const b = claimOp({ text: 'B' });
const support = edgeOp('supports', a.node.id, b.node.id);
const base = run(graphOf(), [a, b, support]);

describe('undoableNow', () => {
  it('is the whole inverse when nobody else has acted since', () => {
    const mine = [claimOp(), nodeUpdateOp(a.node.id, { text: 'A' }), nodeDeleteOp(b.node.id)];
    const { plan, undone } = undoAfter(base, mine, []);
    expect(plan).toEqual({ ops: invertOps(base, mine), skipped: [] });
    expect(undone).toEqual(run(base, [], ME));
  });

  it('leaves a field someone else changed after me, and still undoes my other fields', () => {
    const c = claimOp({ text: 'C' });
    const graph = run(base, [c]);
    const { plan, undone } = undoAfter(graph, [nodeUpdateOp(c.node.id, { text: 'Mine', kind: 'question' })], [nodeUpdateOp(c.node.id, { text: 'Theirs' })]);
    expect(undone.nodes[c.node.id]).toMatchObject({ text: 'Theirs', kind: 'claim' });
    expect(plan.skipped).toEqual(['Text of "Theirs" was changed by someone else since; left as it is']);
  });

  it('drops an update whose every field was changed since', () => {
    const { plan } = undoAfter(base, [edgeUpdateOp(support.edge.id, { label: 'mine' })], [edgeUpdateOp(support.edge.id, { label: 'theirs' })]);
    expect(plan.ops).toEqual([]);
    expect(plan.skipped).toEqual([`Label of "Revolutionaries need a disciplined…" → "B" was changed by someone else since; left as it is`]);
  });

  it('undoes my change when someone else wrote the same value back (the field holds what I left)', () => {
    const { plan } = undoAfter(base, [nodeUpdateOp(b.node.id, { text: 'X' })], [nodeUpdateOp(b.node.id, { text: 'Y' }), nodeUpdateOp(b.node.id, { text: 'X' })]);
    expect(plan.ops).toEqual([nodeUpdateOp(b.node.id, { text: 'B' })]);
  });

  it('leaves nodes someone else moved since where they are', () => {
    const { plan, undone } = undoAfter(base, [moveOp({ id: a.node.id, x: 10, y: 10 }, { id: b.node.id, x: 20, y: 20 })], [moveOp({ id: b.node.id, x: 99, y: 0 })]);
    expect(undone.nodes[a.node.id]).toMatchObject({ x: 0, y: 0 });
    expect(undone.nodes[b.node.id]).toMatchObject({ x: 99, y: 0 });
    expect(plan.skipped).toEqual(['"B" was moved by someone else since; left where it is']);
  });

  it('drops an undo whose target someone else deleted', () => {
    const { plan } = undoAfter(base, [nodeUpdateOp(b.node.id, { text: 'B2' })], [nodeDeleteOp(b.node.id)]);
    expect(plan).toEqual({ ops: [], skipped: ['"B2" was deleted by someone else since; nothing to undo there'] });
  });

  it('deletes what I created unless someone else has edited, moved or built on it', () => {
    const c = claimOp({ text: 'Mine' });
    expect(undoAfter(base, [c], [nodeUpdateOp(b.node.id, { text: 'elsewhere' })]).undone.nodes[c.node.id]).toBeUndefined();
    expect(undoAfter(base, [c], [moveOp({ id: c.node.id, x: 5, y: 5 })]).undone.nodes[c.node.id]).toBeDefined();

    const edited = undoAfter(base, [c], [nodeUpdateOp(c.node.id, { text: 'Improved' })]);
    expect(edited.undone.nodes[c.node.id]).toBeDefined();
    expect(edited.plan.skipped).toEqual(['"Improved" was changed or built on by someone else since; kept it']);

    const builtOn = undoAfter(base, [c], [edgeOp('attacks', b.node.id, c.node.id)]);
    expect(builtOn.plan.ops).toEqual([]);
    const included = undoAfter(base, [c], [{ type: 'reading.create', reading: { id: newId(), eventId: null, title: 'R', authorName: '', description: '', nodeIds: [c.node.id], edgeIds: [] } }]);
    expect(included.plan.ops).toEqual([]);
  });

  it('deletes my node with my own edges on it, but not when someone changed one of those edges', () => {
    const c = claimOp({ text: 'Mine' });
    const attack = edgeOp('attacks', c.node.id, b.node.id);
    expect(undoAfter(base, [c, attack], []).undone).toEqual(base);
    const { plan, undone } = undoAfter(base, [c, attack], [edgeUpdateOp(attack.edge.id, { label: 'good point' })]);
    expect(undone.nodes[c.node.id]).toBeDefined();
    expect(plan.skipped).toEqual([
      '"Mine" → "B" was changed or built on by someone else since; kept it',
      '"Mine" was changed or built on by someone else since; kept it',
    ]);
  });

  it('re-creates what I deleted even if others edited around it, dropping the parts that now break a rule', () => {
    const c = claimOp({ text: 'C' });
    const graph = run(base, [c, edgeOp('attacks', c.node.id, b.node.id), argumentOp(b.node.id, [a.node.id, c.node.id])]);
    // I delete a; Bob deletes b, which a's support pointed at.
    const { plan, undone } = undoAfter(graph, [nodeDeleteOp(a.node.id)], [nodeDeleteOp(b.node.id), nodeUpdateOp(c.node.id, { text: 'C2' })]);
    expect(undone.nodes[a.node.id]).toMatchObject({ text: a.node.text, authorId: ME.actorId });
    expect(undone.nodes[c.node.id]!.text).toBe('C2');
    expect(undone.edges[support.edge.id]).toBeUndefined();
    expect(plan.skipped).toEqual([
      'The argument for "B" was deleted by someone else since; nothing to undo there',
      `Could not restore "Revolutionaries need a disciplined…" → "B": The edge's target ${b.node.id} is not a node of this map.`,
    ]);
  });

  it('restores a reading I deleted without the members deleted since', () => {
    const reading = { id: newId(), eventId: null, title: 'R', authorName: '', description: '', nodeIds: [a.node.id, b.node.id].sort(), edgeIds: [support.edge.id] };
    const graph = run(base, [{ type: 'reading.create', reading }]);
    const { plan, undone } = undoAfter(graph, [{ type: 'reading.delete', id: reading.id }], [nodeDeleteOp(b.node.id)]);
    expect(undone.readings[reading.id]).toEqual({ ...reading, nodeIds: [a.node.id], edgeIds: [] });
    expect(plan.skipped).toEqual([]);
  });

  it('undoes my include of members someone else has since excluded without complaint', () => {
    const reading = { id: newId(), eventId: null, title: 'R', authorName: '', description: '', nodeIds: [], edgeIds: [] };
    const graph = run(base, [{ type: 'reading.create', reading }]);
    const include: Op = { type: 'reading.include', id: reading.id, nodeIds: [a.node.id, b.node.id], edgeIds: [] };
    const { plan, undone } = undoAfter(graph, [include], [{ type: 'reading.exclude', id: reading.id, nodeIds: [a.node.id], edgeIds: [] }]);
    expect(undone.readings[reading.id]!.nodeIds).toEqual([]);
    expect(plan.skipped).toEqual([]);
  });

  it('keeps a member someone else included even when my undo passes through the same membership', () => {
    const reading = { id: newId(), eventId: null, title: 'R', authorName: '', description: '', nodeIds: [], edgeIds: [] };
    const graph = run(base, [{ type: 'reading.create', reading }]);
    const members = { id: reading.id, nodeIds: [a.node.id], edgeIds: [] };
    // I include a and exclude it again; Bob includes it. Undoing my exclude is a no-op now, so undoing my include
    // must not take out Bob's a although "a is in" then holds in both graphs.
    const { plan, undone } = undoAfter(graph, [{ type: 'reading.include', ...members }, { type: 'reading.exclude', ...members }], [{ type: 'reading.include', ...members }]);
    expect(undone.readings[reading.id]!.nodeIds).toEqual([a.node.id]);
    expect(plan.skipped).toEqual([`"Revolutionaries need a disciplined…" was put in or taken out of reading "R" by someone else since; left as it is`]);
  });

  it('keeps a field someone else changed even when my undo passes through their value', () => {
    // I write B1 then C; Bob writes B1. Undoing my second write (back to B1) is skipped; undoing my first (back to
    // B) must not count the field as mine just because both graphs now say B1.
    const { plan, undone } = undoAfter(base, [nodeUpdateOp(b.node.id, { text: 'B1' }), nodeUpdateOp(b.node.id, { text: 'C' })], [nodeUpdateOp(b.node.id, { text: 'B1' })]);
    expect(plan.ops).toEqual([]);
    expect(undone.nodes[b.node.id]!.text).toBe('B1');
  });

  it('reports a premise list someone else changed after me', () => {
    const c = claimOp({ text: 'C' });
    const argument = argumentOp(b.node.id, [a.node.id]);
    const graph = run(base, [c, argument]);
    const { plan } = undoAfter(graph, [argumentUpdateOp(argument.argument.id, { premiseIds: [c.node.id] })], [argumentUpdateOp(argument.argument.id, { premiseIds: [a.node.id, c.node.id] })]);
    expect(plan.skipped).toEqual(['Premises of the argument for "B" were changed by someone else since; left as it is']);
  });

  it('reports a delete that failed as such, not as something deleted by others', () => {
    const { plan } = undoAfter(base, [edgeDeleteOp(support.edge.id)], [edgeOp('supports', a.node.id, b.node.id)]);
    expect(plan.ops).toEqual([]);
    expect(plan.skipped).toEqual([`Could not restore "Revolutionaries need a disciplined…" → "B": The same supports relation already exists.`]);
  });
});
