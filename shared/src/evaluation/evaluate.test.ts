import { describe, expect, it } from 'vitest';
import type { Op } from '../ops.js';
import { argumentOp, claimOp, edgeOp, evidenceOp, graphOf, newId, noteOp, questionOp, quoteOf, readingOp } from '../../../tests/helpers/ops.js';
import { evaluateGraph, evaluateReading } from './evaluate.js';
import { groundedLabelling, IN, OUT, UNDECIDED } from './grounded.js';

/** Claims named by letter, so a test reads like the framework it draws. */
function claims(...names: string[]) {
  const ids = Object.fromEntries(names.map((n) => [n, newId()])) as Record<string, string>;
  const ops: Op[] = names.map((n) => claimOp({ id: ids[n], text: n }));
  return { ids, ops };
}

describe('groundedLabelling on abstract frameworks', () => {
  it('labels an unattacked argument in', () => {
    expect([...groundedLabelling(1, [], [])]).toEqual([IN]);
  });
  it('alternates along a chain a → b → c', () => {
    expect([...groundedLabelling(3, [0, 1], [1, 2])]).toEqual([IN, OUT, IN]);
  });
  it('leaves an even cycle undecided', () => {
    expect([...groundedLabelling(2, [0, 1], [1, 0])]).toEqual([UNDECIDED, UNDECIDED]);
  });
  it('leaves an odd cycle undecided', () => {
    expect([...groundedLabelling(3, [0, 1, 2], [1, 2, 0])]).toEqual([UNDECIDED, UNDECIDED, UNDECIDED]);
  });
  it('leaves a self-attacker undecided, and what it attacks', () => {
    expect([...groundedLabelling(2, [0, 0], [0, 1])]).toEqual([UNDECIDED, UNDECIDED]);
  });
  it('lets an in argument defeat a self-attacker, which then attacks nothing that counts', () => {
    // c → a, a → a, a → b: a is out (c is in), so b is in.
    expect([...groundedLabelling(3, [2, 0, 0], [0, 0, 1])]).toEqual([OUT, IN, IN]);
  });
  it('reinstates: a → b → c with d → a makes a out, b in, c out', () => {
    expect([...groundedLabelling(4, [0, 1, 3], [1, 2, 0])]).toEqual([OUT, IN, OUT, IN]);
  });
  it('counts repeated attack pairs consistently', () => {
    expect([...groundedLabelling(3, [0, 0, 1], [1, 1, 2])]).toEqual([IN, OUT, IN]);
  });
});

describe('evaluateGraph', () => {
  it('labels claims and evidence, not questions or notes', () => {
    const claim = claimOp();
    const evidence = evidenceOp(quoteOf(newId()));
    const graph = graphOf(claim, evidence, questionOp(), noteOp());
    expect(evaluateGraph(graph)).toEqual({
      labels: { [claim.node.id]: 'in', [evidence.node.id]: 'in' },
      reasons: {},
      inferences: {},
    });
  });

  it('names the in attackers of an out node', () => {
    const { ids, ops } = claims('a', 'b', 'c', 'd');
    // a → c, b → c, d → b: c is out because of a (b is out).
    const graph = graphOf(...ops, edgeOp('attacks', ids.a, ids.c), edgeOp('attacks', ids.b, ids.c), edgeOp('attacks', ids.d, ids.b));
    const result = evaluateGraph(graph);
    expect(result.labels).toEqual({ [ids.a]: 'in', [ids.b]: 'out', [ids.c]: 'out', [ids.d]: 'in' });
    expect(result.reasons).toEqual({ [ids.c]: [ids.a], [ids.b]: [ids.d] });
  });

  it('ignores supports and quotes: the labelling is that of the attacks alone', () => {
    const { ids, ops } = claims('a', 'b', 'c');
    const evidence = evidenceOp(quoteOf(newId()));
    const graph = graphOf(...ops, evidence, edgeOp('attacks', ids.a, ids.b), edgeOp('supports', ids.c, ids.b), edgeOp('quotes', evidence.node.id, ids.b));
    expect(evaluateGraph(graph).labels[ids.b]).toBe('out');
  });

  it('an undercut of an attack edge takes the attack away', () => {
    const { ids, ops } = claims('a', 'b', 'u');
    const attack = edgeOp('attacks', ids.a, ids.b);
    const graph = graphOf(...ops, attack, edgeOp('undercuts', ids.u, attack.edge.id));
    const result = evaluateGraph(graph);
    expect(result.labels).toEqual({ [ids.a]: 'in', [ids.b]: 'in', [ids.u]: 'in' });
    expect(result.inferences).toEqual({ [attack.edge.id]: 'out' });
    expect(result.reasons).toEqual({});
  });

  it('a defeated undercutter gives the attack back', () => {
    const { ids, ops } = claims('a', 'b', 'u', 'v');
    const attack = edgeOp('attacks', ids.a, ids.b);
    const graph = graphOf(...ops, attack, edgeOp('undercuts', ids.u, attack.edge.id), edgeOp('attacks', ids.v, ids.u));
    const result = evaluateGraph(graph);
    expect(result.labels).toEqual({ [ids.a]: 'in', [ids.b]: 'out', [ids.u]: 'out', [ids.v]: 'in' });
    expect(result.inferences).toEqual({ [attack.edge.id]: 'in' });
    // The reason names the node that attacks, not the inference standing for its attack.
    expect(result.reasons[ids.b]).toEqual([ids.a]);
  });

  it('an undecided undercutter leaves the undercut attack, and its target, undecided', () => {
    const { ids, ops } = claims('a', 'b', 'u', 'w');
    const attack = edgeOp('attacks', ids.a, ids.b);
    const graph = graphOf(...ops, attack, edgeOp('undercuts', ids.u, attack.edge.id), edgeOp('attacks', ids.u, ids.w), edgeOp('attacks', ids.w, ids.u));
    const result = evaluateGraph(graph);
    expect(result.inferences[attack.edge.id]).toBe('undecided');
    expect(result.labels[ids.b]).toBe('undecided');
    expect(result.labels[ids.a]).toBe('in');
  });

  it('an undercut attack whose attacker is out attacks nothing', () => {
    const { ids, ops } = claims('a', 'b', 'u', 'z');
    const attack = edgeOp('attacks', ids.a, ids.b);
    const graph = graphOf(...ops, attack, edgeOp('undercuts', ids.u, attack.edge.id), edgeOp('attacks', ids.z, ids.u), edgeOp('attacks', ids.z, ids.a));
    const result = evaluateGraph(graph);
    expect(result.labels).toMatchObject({ [ids.a]: 'out', [ids.b]: 'in', [ids.u]: 'out' });
    expect(result.inferences[attack.edge.id]).toBe('out');
  });

  it('an undercut of a premise–conclusion argument defeats the inference, not its conclusion', () => {
    const { ids, ops } = claims('p1', 'p2', 'c', 'u');
    const argument = argumentOp(ids.c, [ids.p1, ids.p2]);
    const graph = graphOf(...ops, argument, edgeOp('undercuts', ids.u, argument.argument.id));
    const result = evaluateGraph(graph);
    expect(result.inferences).toEqual({ [argument.argument.id]: 'out' });
    expect(result.labels).toEqual({ [ids.p1]: 'in', [ids.p2]: 'in', [ids.c]: 'in', [ids.u]: 'in' });
  });

  it('an undercut argument whose premise is out is out whatever the undercutter', () => {
    const { ids, ops } = claims('p', 'c', 'u', 'x', 'y');
    const argument = argumentOp(ids.c, [ids.p]);
    const graph = graphOf(...ops, argument, edgeOp('undercuts', ids.u, argument.argument.id), edgeOp('attacks', ids.x, ids.p), edgeOp('attacks', ids.y, ids.u));
    const result = evaluateGraph(graph);
    expect(result.labels).toMatchObject({ [ids.p]: 'out', [ids.u]: 'out' });
    expect(result.inferences[argument.argument.id]).toBe('out');
  });

  it('an undercut of a support edge labels its inference and changes no node', () => {
    const { ids, ops } = claims('a', 'b', 'u');
    const support = edgeOp('supports', ids.a, ids.b);
    const graph = graphOf(...ops, support, edgeOp('undercuts', ids.u, support.edge.id));
    const result = evaluateGraph(graph);
    expect(result.inferences).toEqual({ [support.edge.id]: 'out' });
    expect(Object.values(result.labels)).toEqual(['in', 'in', 'in']);
  });
});

describe('evaluateReading', () => {
  it('evaluates the sub-framework induced by the reading’s nodes and edges', () => {
    const { ids, ops } = claims('a', 'b', 'c');
    const ab = edgeOp('attacks', ids.a, ids.b);
    const cb = edgeOp('attacks', ids.c, ids.b);
    const reading = readingOp(null, { nodeIds: [ids.a, ids.b], edgeIds: [] });
    const withEdge = readingOp(null, { nodeIds: [ids.b, ids.c], edgeIds: [cb.edge.id, ab.edge.id] });
    const graph = graphOf(...ops, ab, cb, reading, withEdge);
    expect(evaluateGraph(graph).labels[ids.b]).toBe('out');
    // Without its edges, the reading's nodes do not attack each other.
    expect(evaluateReading(graph, reading.reading.id)).toEqual({ labels: { [ids.a]: 'in', [ids.b]: 'in' }, reasons: {}, inferences: {} });
    // An edge of the reading whose other end is outside it does not count.
    expect(evaluateReading(graph, withEdge.reading.id)).toEqual({
      labels: { [ids.b]: 'out', [ids.c]: 'in' },
      reasons: { [ids.b]: [ids.c] },
      inferences: {},
    });
  });

  it('is null for a reading the map does not have', () => {
    expect(evaluateReading(graphOf(), newId())).toBeNull();
  });
});
