import { describe, expect, it } from 'vitest';
import { applyOp, applyOps, type ApplyResult } from './apply-op.js';
import type { ErrorCode } from './errors.js';
import { emptyGraph, type Graph } from './graph.js';
import {
  argumentDeleteOp,
  argumentOp,
  argumentUpdateOp,
  claimOp,
  edgeDeleteOp,
  edgeOp,
  evidenceOp,
  graphOf,
  newId,
  nodeDeleteOp,
  nodeUpdateOp,
  questionOp,
  quoteOf,
} from '../../tests/helpers/ops.js';

const ACTOR = newId();

function accepted(result: ApplyResult): Graph {
  if (!result.ok) throw new Error(`expected the op to be accepted, got ${result.error.code}: ${result.error.message}`);
  return result.graph;
}

function rejected(result: ApplyResult, code: ErrorCode) {
  expect(result.ok ? 'accepted' : result.error.code).toBe(code);
}

/** Claims c1..c3, evidence e, question q; argument "c1 and e, therefore c2"; c3 supports c2. */
function syllogism() {
  const c1 = claimOp({ text: 'premise 1' });
  const c2 = claimOp({ text: 'conclusion' });
  const c3 = claimOp({ text: 'independent support' });
  const e = evidenceOp(quoteOf(newId()));
  const q = questionOp();
  const argument = argumentOp(c2.node.id, [c1.node.id, e.node.id], { label: 'therefore' });
  const support = edgeOp('supports', c3.node.id, c2.node.id);
  const ids = { c1: c1.node.id, c2: c2.node.id, c3: c3.node.id, e: e.node.id, q: q.node.id };
  return { ids, argumentId: argument.argument.id, supportId: support.edge.id, graph: graphOf(c1, c2, c3, e, q, argument, support) };
}

describe('argument.create', () => {
  it('adds the argument with its premises in order and the actor as author', () => {
    const { ids, graph } = syllogism();
    const op = argumentOp(ids.c3, [ids.e, ids.c1], { x: 3, y: 4 });
    const next = accepted(applyOp(graph, op, { actorId: ACTOR }));
    expect(next.arguments[op.argument.id]).toEqual({ ...op.argument, authorId: ACTOR });
  });

  it('rejects a repeated premise, a conclusion among the premises, and a question or note as premise', () => {
    const { ids, graph } = syllogism();
    rejected(applyOp(graph, argumentOp(ids.c3, [ids.c1, ids.c1])), 'INVALID_ARGUMENT');
    rejected(applyOp(graph, argumentOp(ids.c3, [ids.c1, ids.c3])), 'INVALID_ARGUMENT');
    rejected(applyOp(graph, argumentOp(ids.c3, [ids.q])), 'INVALID_ARGUMENT');
  });

  it('rejects a conclusion that is not a claim', () => {
    const { ids, graph } = syllogism();
    rejected(applyOp(graph, argumentOp(ids.q, [ids.c1])), 'INVALID_ARGUMENT');
    rejected(applyOp(graph, argumentOp(ids.e, [ids.c1])), 'INVALID_ARGUMENT');
  });

  it('rejects a missing conclusion or premise (TARGET_NOT_FOUND)', () => {
    const { ids, graph } = syllogism();
    rejected(applyOp(graph, argumentOp(newId(), [ids.c1])), 'TARGET_NOT_FOUND');
    rejected(applyOp(graph, argumentOp(ids.c3, [ids.c1, newId()])), 'TARGET_NOT_FOUND');
  });
});

describe('argument.update and argument.delete', () => {
  it('changes premises, conclusion and label', () => {
    const { ids, argumentId, graph } = syllogism();
    const next = accepted(applyOp(graph, argumentUpdateOp(argumentId, { premiseIds: [ids.c3], conclusionId: ids.c1, label: 'so' })));
    expect(next.arguments[argumentId]).toMatchObject({ premiseIds: [ids.c3], conclusionId: ids.c1, label: 'so' });
  });

  it('keeps the argument rules on update', () => {
    const { ids, argumentId, graph } = syllogism();
    rejected(applyOp(graph, argumentUpdateOp(argumentId, { premiseIds: [ids.c1, ids.c2] })), 'INVALID_ARGUMENT');
    rejected(applyOp(graph, argumentUpdateOp(argumentId, { conclusionId: ids.c1 })), 'INVALID_ARGUMENT');
    rejected(applyOp(graph, argumentUpdateOp(argumentId, { premiseIds: [ids.q] })), 'INVALID_ARGUMENT');
    rejected(applyOp(graph, argumentUpdateOp(argumentId, { conclusionId: newId() })), 'TARGET_NOT_FOUND');
  });

  it('deletes the argument but keeps its premises and conclusion', () => {
    const { ids, argumentId, graph } = syllogism();
    const next = accepted(applyOp(graph, argumentDeleteOp(argumentId)));
    expect(next.arguments).toEqual({});
    expect(Object.keys(next.nodes).sort()).toEqual(Object.values(ids).sort());
  });

  it('rejects update or delete of a missing argument (ARGUMENT_NOT_FOUND)', () => {
    rejected(applyOp(emptyGraph, argumentUpdateOp(newId(), { label: 'x' })), 'ARGUMENT_NOT_FOUND');
    rejected(applyOp(emptyGraph, argumentDeleteOp(newId())), 'ARGUMENT_NOT_FOUND');
  });
});

describe('cascades', () => {
  it('deleting a node removes its edges, in and out', () => {
    const { ids, supportId, graph } = syllogism();
    const attack = edgeOp('attacks', ids.c2, ids.c1);
    const next = accepted(applyOps(graph, [attack, nodeDeleteOp(ids.c3)]));
    expect(Object.keys(next.edges)).toEqual([attack.edge.id]);
    expect(next.edges[supportId]).toBeUndefined();
    const afterC1 = accepted(applyOp(next, nodeDeleteOp(ids.c1)));
    expect(afterC1.edges).toEqual({});
  });

  it('deleting the conclusion removes the argument and the undercuts aimed at it', () => {
    const { ids, argumentId, graph } = syllogism();
    const undercut = edgeOp('undercuts', ids.c3, argumentId);
    const next = accepted(applyOps(graph, [undercut, nodeDeleteOp(ids.c2)]));
    expect(next.arguments).toEqual({});
    expect(next.edges[undercut.edge.id]).toBeUndefined();
  });

  it('deleting a premise drops it from the argument, which keeps the others', () => {
    const { ids, argumentId, graph } = syllogism();
    const next = accepted(applyOp(graph, nodeDeleteOp(ids.c1)));
    expect(next.arguments[argumentId]!.premiseIds).toEqual([ids.e]);
  });

  it('an argument left with no premises goes, with its undercuts', () => {
    const { ids, argumentId, graph } = syllogism();
    const undercut = edgeOp('undercuts', ids.c3, argumentId);
    const next = accepted(applyOps(graph, [undercut, nodeDeleteOp(ids.c1), nodeDeleteOp(ids.e)]));
    expect(next.arguments[argumentId]).toBeUndefined();
    expect(next.edges[undercut.edge.id]).toBeUndefined();
    expect(next.nodes[ids.c3]).toBeDefined();
  });

  it('deleting an edge removes the undercuts of it; deleting a node removes undercuts of its edges', () => {
    const { ids, supportId, graph } = syllogism();
    const undercut = edgeOp('undercuts', ids.e, supportId);
    const withUndercut = accepted(applyOp(graph, undercut));
    expect(accepted(applyOp(withUndercut, edgeDeleteOp(supportId))).edges).toEqual({});
    expect(accepted(applyOp(withUndercut, nodeDeleteOp(ids.c3))).edges).toEqual({});
  });

  it('deleting the undercutting node removes only the undercut', () => {
    const { ids, supportId, graph } = syllogism();
    const undercut = edgeOp('undercuts', ids.e, supportId);
    const next = accepted(applyOps(graph, [undercut, nodeDeleteOp(ids.e)]));
    expect(Object.keys(next.edges)).toEqual([supportId]);
  });
});

describe('purity', () => {
  it('never modifies the input graph, even on a cascading delete', () => {
    const { ids, argumentId, graph } = syllogism();
    const withUndercut = accepted(applyOp(graph, edgeOp('undercuts', ids.c3, argumentId)));
    const copy = JSON.parse(JSON.stringify(withUndercut));
    accepted(applyOp(withUndercut, nodeDeleteOp(ids.c1)));
    accepted(applyOp(withUndercut, nodeDeleteOp(ids.c2)));
    accepted(applyOp(withUndercut, nodeUpdateOp(ids.c3, { text: 'changed' })));
    rejected(applyOp(withUndercut, argumentOp(ids.c3, [ids.c3])), 'INVALID_ARGUMENT');
    expect(withUndercut).toEqual(copy);
  });

  it('untouched entities keep their identity; changed ones are new objects', () => {
    const { ids, argumentId, supportId, graph } = syllogism();
    const next = accepted(applyOp(graph, nodeUpdateOp(ids.c1, { text: 'reworded' })));
    expect(next.nodes[ids.c1]).not.toBe(graph.nodes[ids.c1]);
    for (const id of [ids.c2, ids.c3, ids.e, ids.q]) expect(next.nodes[id]).toBe(graph.nodes[id]);
    expect(next.edges[supportId]).toBe(graph.edges[supportId]);
    expect(next.arguments[argumentId]).toBe(graph.arguments[argumentId]);

    const afterDelete = accepted(applyOp(graph, nodeDeleteOp(ids.c1)));
    expect(afterDelete.arguments[argumentId]).not.toBe(graph.arguments[argumentId]);
    expect(afterDelete.edges[supportId]).toBe(graph.edges[supportId]);
    expect(afterDelete.nodes[ids.c2]).toBe(graph.nodes[ids.c2]);
  });
});

describe('applyOps', () => {
  it('applies ops in order, each seeing the ones before', () => {
    const a = claimOp();
    const b = claimOp();
    const edge = edgeOp('supports', a.node.id, b.node.id);
    const result = applyOps(emptyGraph, [a, b, edge, nodeUpdateOp(a.node.id, { text: 'last' })]);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(Object.keys(result.graph.nodes)).toEqual([a.node.id, b.node.id]);
      expect(result.graph.nodes[a.node.id]!.text).toBe('last');
      expect(result.graph.edges[edge.edge.id]).toBeDefined();
    }
  });

  it('stops at the first rejected op and reports its index and rule', () => {
    const a = claimOp();
    const result = applyOps(emptyGraph, [a, claimOp(), edgeOp('supports', a.node.id, newId()), claimOp({ id: a.node.id })]);
    expect(result).toMatchObject({ ok: false, opIndex: 2, error: { code: 'TARGET_NOT_FOUND' } });
  });

  it('reports index 0 and leaves nothing applied when the first op fails', () => {
    const a = claimOp();
    const graph = graphOf(a);
    const result = applyOps(graph, [claimOp({ id: a.node.id }), claimOp()]);
    expect(result).toMatchObject({ ok: false, opIndex: 0, error: { code: 'DUPLICATE_ID' } });
    expect(Object.keys(graph.nodes)).toEqual([a.node.id]);
  });

  it('accepts an empty list and returns the same graph', () => {
    const graph = graphOf(claimOp());
    expect(applyOps(graph, [])).toEqual({ ok: true, graph });
  });
});
