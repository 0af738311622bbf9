import { describe, expect, it } from 'vitest';
import { applyOps } from '../apply-op.js';
import type { Graph } from '../graph.js';
import type { Op } from '../ops.js';
import { invertOps } from './invert.js';
import {
  argumentDeleteOp,
  argumentOp,
  argumentUpdateOp,
  claimOp,
  edgeDeleteOp,
  edgeOp,
  edgeUpdateOp,
  evidenceOp,
  graphOf,
  moveOp,
  newId,
  nodeDeleteOp,
  nodeUpdateOp,
  questionOp,
  quoteOf,
} from '../../../tests/helpers/ops.js';

const ALICE = { actorId: newId() };
const BOB = { actorId: newId() };

function run(graph: Graph, ops: readonly Op[], ctx = ALICE): Graph {
  const result = applyOps(graph, ops, ctx);
  if (!result.ok) throw new Error(`op ${result.opIndex} rejected: ${result.error.code} ${result.error.message}`);
  return result.graph;
}

/** Applies `ops`, then their inverse, checks the graph is back, and returns the inverse for a closer look. */
function roundTrip(before: Graph, ops: Op[]): Op[] {
  const inverse = invertOps(before, ops, ALICE);
  expect(run(run(before, ops), inverse)).toEqual(before);
  return inverse;
}

/** A small map, all by Alice: a → b (supports), c undercuts that edge, argument (a, d ⇒ b), e undercuts it, a reading. */
function map() {
  const [a, b, c, d, e] = [claimOp({ text: 'A' }), claimOp({ text: 'B' }), claimOp({ text: 'C' }), claimOp({ text: 'D' }), claimOp({ text: 'E' })];
  const ids = { a: a.node.id, b: b.node.id, c: c.node.id, d: d.node.id, e: e.node.id };
  const support = edgeOp('supports', ids.a, ids.b);
  const undercut = edgeOp('undercuts', ids.c, support.edge.id);
  const argument = argumentOp(ids.b, [ids.a, ids.d]);
  const argumentUndercut = edgeOp('undercuts', ids.e, argument.argument.id);
  const event = { id: newId(), title: 'China 1925–27', period: '1925–27', description: '' };
  const reading = { id: newId(), eventId: event.id, title: 'Trotsky', authorName: 'Trotsky', description: '', nodeIds: [ids.a, ids.c], edgeIds: [support.edge.id, undercut.edge.id] };
  const graph = run(graphOf(), [
    a, b, c, d, e, support, undercut, argument, argumentUndercut,
    { type: 'event.create', event },
    { type: 'reading.create', reading },
  ]);
  return { graph, ids, support: support.edge.id, undercut: undercut.edge.id, argument: argument.argument.id, argumentUndercut: argumentUndercut.edge.id, event: event.id, reading: reading.id };
}

describe('invertOps: nodes', () => {
  it('undoes node.create with node.delete', () => {
    const create = claimOp();
    expect(roundTrip(map().graph, [create])).toEqual([{ type: 'node.delete', id: create.node.id }]);
  });

  it('undoes node.update with the previous values of exactly the patched fields', () => {
    const { graph, ids } = map();
    expect(roundTrip(graph, [nodeUpdateOp(ids.a, { text: 'A, revised' })])).toEqual([nodeUpdateOp(ids.a, { text: 'A' })]);
    const quote = quoteOf(newId());
    expect(roundTrip(graph, [nodeUpdateOp(ids.e, { kind: 'evidence', quote })])).toEqual([nodeUpdateOp(ids.e, { kind: 'claim', quote: null })]);
  });

  it('undoes node.delete by re-creating the node with the same id and everything the delete cascaded away', () => {
    const m = map();
    // Deleting a takes: a → b, its undercut by c, a's place among the argument's premises, a and the edges in the reading.
    const inverse = roundTrip(m.graph, [nodeDeleteOp(m.ids.a)]);
    expect(inverse.map((op) => op.type)).toEqual(['node.create', 'argument.update', 'edge.create', 'edge.create', 'reading.include']);
    expect(inverse[0]).toEqual({ type: 'node.create', node: { id: m.ids.a, kind: 'claim', text: 'A', x: 0, y: 0, quote: null } });
    expect(inverse.slice(2, 4)).toMatchObject([{ edge: { id: m.support } }, { edge: { id: m.undercut } }]);
    expect(inverse[4]).toEqual({ type: 'reading.include', id: m.reading, nodeIds: [m.ids.a], edgeIds: [m.support, m.undercut].sort() });
  });

  it('re-creates arguments the node concluded, and their undercuts, after the nodes they need', () => {
    const m = map();
    const inverse = roundTrip(m.graph, [nodeDeleteOp(m.ids.b)]);
    expect(inverse.map((op) => op.type)).toEqual(['node.create', 'argument.create', 'edge.create', 'edge.create', 'edge.create', 'reading.include']);
    expect(inverse[1]).toMatchObject({ argument: { id: m.argument, conclusionId: m.ids.b, premiseIds: [m.ids.a, m.ids.d] } });
  });

  it('re-creates an argument that lost its last premise', () => {
    const m = map();
    const after = [nodeDeleteOp(m.ids.d), nodeDeleteOp(m.ids.a)];
    roundTrip(m.graph, after);
    expect(run(m.graph, after).arguments[m.argument]).toBeUndefined();
  });

  it('moves nodes and arguments back, once each even when an op moves one twice', () => {
    const m = map();
    const inverse = roundTrip(m.graph, [moveOp({ id: m.ids.a, x: 5, y: 5 }, { id: m.argument, x: 9, y: 9 }, { id: m.ids.a, x: 7, y: 7 })]);
    expect(inverse).toEqual([moveOp({ id: m.ids.a, x: 0, y: 0 }, { id: m.argument, x: 0, y: 0 })]);
  });
});

describe('invertOps: edges and arguments', () => {
  it('undoes edge.create, edge.update and edge.delete (restoring undercuts and reading memberships)', () => {
    const m = map();
    const create = edgeOp('attacks', m.ids.d, m.ids.e);
    expect(roundTrip(m.graph, [create])).toEqual([edgeDeleteOp(create.edge.id)]);
    expect(roundTrip(m.graph, [edgeUpdateOp(m.support, { label: 'because' })])).toEqual([edgeUpdateOp(m.support, { label: '' })]);
    expect(roundTrip(m.graph, [edgeUpdateOp(m.support, { kind: 'attacks' })])).toEqual([edgeUpdateOp(m.support, { kind: 'supports' })]);
    const inverse = roundTrip(m.graph, [edgeDeleteOp(m.support)]);
    expect(inverse.map((op) => op.type)).toEqual(['edge.create', 'edge.create', 'reading.include']);
  });

  it('undoes argument.create, argument.update and argument.delete (restoring its undercuts)', () => {
    const m = map();
    const create = argumentOp(m.ids.e, [m.ids.c]);
    expect(roundTrip(m.graph, [create])).toEqual([argumentDeleteOp(create.argument.id)]);
    const update = argumentUpdateOp(m.argument, { premiseIds: [m.ids.d], label: 'modus ponens' });
    expect(roundTrip(m.graph, [update])).toEqual([argumentUpdateOp(m.argument, { premiseIds: [m.ids.a, m.ids.d], label: '' })]);
    expect(roundTrip(m.graph, [argumentDeleteOp(m.argument)]).map((op) => op.type)).toEqual(['argument.create', 'edge.create']);
  });

  it('refuses to make an undercutter a premise of the argument it undercuts, so no restore has to work around it', () => {
    const m = map();
    const result = applyOps(m.graph, [argumentUpdateOp(m.argument, { premiseIds: [m.ids.a, m.ids.e] })]);
    expect(result.ok ? 'ok' : result.error.code).toBe('SELF_LOOP');
  });
});

describe('invertOps: events and readings', () => {
  it('undoes event ops; an event delete re-attaches its readings', () => {
    const m = map();
    const event = { id: newId(), title: 'Vietnam 1945', period: '', description: '' };
    expect(roundTrip(m.graph, [{ type: 'event.create', event }])).toEqual([{ type: 'event.delete', id: event.id }]);
    expect(roundTrip(m.graph, [{ type: 'event.update', id: m.event, patch: { title: 'China' } }])).toEqual([
      { type: 'event.update', id: m.event, patch: { title: 'China 1925–27' } },
    ]);
    expect(roundTrip(m.graph, [{ type: 'event.delete', id: m.event }])).toEqual([
      { type: 'event.create', event: m.graph.events[m.event] },
      { type: 'reading.update', id: m.reading, patch: { eventId: m.event } },
    ]);
  });

  it('undoes reading create, update and delete', () => {
    const m = map();
    expect(roundTrip(m.graph, [{ type: 'reading.delete', id: m.reading }])).toEqual([{ type: 'reading.create', reading: m.graph.readings[m.reading] }]);
    expect(roundTrip(m.graph, [{ type: 'reading.update', id: m.reading, patch: { eventId: null, title: 'Stalin' } }])).toEqual([
      { type: 'reading.update', id: m.reading, patch: { eventId: m.event, title: 'Trotsky' } },
    ]);
  });

  it('excludes only the members an include really added, and re-includes only those an exclude removed', () => {
    const m = map();
    const include: Op = { type: 'reading.include', id: m.reading, nodeIds: [m.ids.a, m.ids.b, m.ids.b], edgeIds: [m.support] };
    expect(roundTrip(m.graph, [include])).toEqual([{ type: 'reading.exclude', id: m.reading, nodeIds: [m.ids.b], edgeIds: [] }]);
    const exclude: Op = { type: 'reading.exclude', id: m.reading, nodeIds: [m.ids.a, m.ids.d], edgeIds: [] };
    expect(roundTrip(m.graph, [exclude])).toEqual([{ type: 'reading.include', id: m.reading, nodeIds: [m.ids.a], edgeIds: [] }]);
    expect(roundTrip(m.graph, [{ type: 'reading.include', id: m.reading, nodeIds: [m.ids.a], edgeIds: [] }])).toEqual([]);
  });
});

describe('invertOps: sequences and authorship', () => {
  it('inverts a sequence in reverse order, each op against the graph just before it', () => {
    const m = map();
    const f = claimOp({ text: 'F' });
    const ops: Op[] = [f, edgeOp('attacks', f.node.id, m.ids.b), nodeUpdateOp(f.node.id, { text: 'F2' }), nodeDeleteOp(f.node.id)];
    const inverse = roundTrip(m.graph, ops);
    expect(inverse.at(-1)).toEqual(nodeDeleteOp(f.node.id));
    expect(inverse[0]).toMatchObject({ type: 'node.create', node: { text: 'F2' } });
  });

  it('makes whoever applies the inverse the author of what it re-creates (create ops carry no author)', () => {
    const evidence = evidenceOp(quoteOf(newId()));
    const question = questionOp();
    const graph = run(graphOf(), [evidence, question], ALICE);
    const ops = [nodeDeleteOp(evidence.node.id)];
    const undone = run(run(graph, ops, BOB), invertOps(graph, ops), BOB);
    expect(undone.nodes[evidence.node.id]).toEqual({ ...graph.nodes[evidence.node.id], authorId: BOB.actorId });
  });

  it('refuses ops that were not an accepted sequence', () => {
    expect(() => invertOps(graphOf(), [nodeDeleteOp(newId())])).toThrow(/NODE_NOT_FOUND/);
  });
});
