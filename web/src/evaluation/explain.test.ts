import { evaluateGraph, evaluateReading, readingScope } from '@counterpoint/shared';
import { describe, expect, it } from 'vitest';
import { claimOp, edgeOp, graphOf, readingOp } from '../../../tests/helpers/ops';
import { explainLabel } from './explain';

/** a → t, b → t, c → b, u undercuts a → t, w ↔ v (undecided), v → t. */
function fixture() {
  const [a, b, c, t, u, v, w] = ['a', 'b', 'c', 't', 'u', 'v', 'w'].map((text) => claimOp({ text }));
  const id = (op: typeof a) => op!.node.id;
  const at = edgeOp('attacks', id(a), id(t));
  const ops = [a!, b!, c!, t!, u!, v!, w!, at, edgeOp('attacks', id(b), id(t)), edgeOp('attacks', id(c), id(b)),
    edgeOp('undercuts', id(u), at.edge.id), edgeOp('attacks', id(v), id(w)), edgeOp('attacks', id(w), id(v)), edgeOp('attacks', id(v), id(t))];
  return { ops, ids: { a: id(a), b: id(b), c: id(c), t: id(t), u: id(u), v: id(v), w: id(w) } };
}

describe('explainLabel', () => {
  it('sorts the attackers of a node by where they stand', () => {
    const { ops, ids } = fixture();
    const graph = graphOf(...ops);
    expect(explainLabel(graph, evaluateGraph(graph), ids.t)).toEqual({
      label: 'undecided',
      defeaters: [],
      undecided: [ids.v],
      defeated: [ids.b],
      undercut: [ids.a],
    });
    expect(explainLabel(graph, evaluateGraph(graph), ids.b)).toMatchObject({ label: 'out', defeaters: [ids.c] });
  });

  it('counts only the reading’s own edges when explaining a reading’s label', () => {
    const { ops, ids } = fixture();
    const reading = readingOp(null, { nodeIds: [ids.t, ids.b, ids.v] });
    const graph = graphOf(...ops, reading);
    const scope = readingScope(graph.readings[reading.reading.id]!);
    expect(explainLabel(graph, evaluateReading(graph, reading.reading.id)!, ids.t, scope.edgeIds)).toEqual({
      label: 'in', defeaters: [], undecided: [], defeated: [], undercut: [],
    });
    expect(explainLabel(graph, evaluateGraph(graph), ids.a, scope.edgeIds)).toMatchObject({ label: 'in' });
    expect(explainLabel(graph, evaluateReading(graph, reading.reading.id)!, ids.a)).toBeNull();
  });
});
