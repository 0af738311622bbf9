import { describe, expect, it } from 'vitest';
import { applyOps } from '../apply-op.js';
import { graphFromLists, type Graph } from '../graph.js';
import type { Op } from '../ops.js';
import { evaluateGraph } from './evaluate.js';
import { sameEvaluationInput } from './same-input.js';

const claim = (id: string, x = 0) => ({ id, kind: 'claim' as const, text: id, x, y: 0, quote: null, authorId: null });
const base = graphFromLists({
  nodes: [claim('a'), claim('b', 300)],
  edges: [{ id: 'e', kind: 'attacks', fromId: 'a', toId: 'b', label: '', authorId: null }],
  arguments: [],
});
function after(graph: Graph, ops: Op[]): Graph {
  const result = applyOps(graph, ops);
  if (!result.ok) throw new Error(result.error.message);
  return result.graph;
}

describe('sameEvaluationInput', () => {
  it('holds across moves and rewording, which change no label', () => {
    const moved = after(base, [{ type: 'nodes.move', moves: [{ id: 'a', x: 50, y: 60 }] }, { type: 'node.update', id: 'b', patch: { text: 'Reworded' } }]);
    expect(sameEvaluationInput(base, moved)).toBe(true);
    expect(evaluateGraph(moved)).toEqual(evaluateGraph(base));
  });

  it('fails when a relation, a node or a node kind changes', () => {
    expect(sameEvaluationInput(base, after(base, [{ type: 'edge.delete', id: 'e' }]))).toBe(false);
    expect(sameEvaluationInput(base, after(base, [{ type: 'node.create', node: { ...claim('c'), authorId: undefined } as never }]))).toBe(false);
    expect(sameEvaluationInput(base, after(base, [{ type: 'node.delete', id: 'a' }]))).toBe(false);
    const noted = { ...base, nodes: { ...base.nodes, a: { ...base.nodes.a!, kind: 'note' as const } } };
    expect(sameEvaluationInput(base, noted)).toBe(false);
  });
});
