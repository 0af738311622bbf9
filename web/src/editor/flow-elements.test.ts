import type { GraphEdge } from '@counterpoint/shared';
import { applyOps } from '@counterpoint/shared';
import { describe, expect, it } from 'vitest';
import { aNode, graphOf } from '../test-support/graph-factory';
import { mergeFlowEdges, sameEdgeInput } from './flow-edges';
import { mergeFlowNodes } from './flow-elements';

const NO_TITLES = new Map<string, string>();
const supports = (fromId: string, toId: string): GraphEdge => ({ id: crypto.randomUUID(), kind: 'supports', fromId, toId, label: '', authorId: null });

function moved(graph: ReturnType<typeof graphOf>, moves: Array<{ id: string; x: number; y: number }>) {
  const result = applyOps(graph, [{ type: 'nodes.move', moves }]);
  if (!result.ok) throw new Error(result.error.message);
  return result.graph;
}

describe('mergeFlowNodes', () => {
  it('keeps the node objects, and the array, when nothing the canvas shows changed', () => {
    const a = aNode(), b = aNode();
    const graph = graphOf([a, b]);
    const first = mergeFlowNodes(graph, NO_TITLES, []).nodes;
    // The same content in new objects (as when the server confirms our own edit) changes nothing.
    const again = mergeFlowNodes(graphOf([{ ...a }, { ...b }]), NO_TITLES, first).nodes;
    expect(again).toBe(first);
  });

  it('gives a moved node a new position but keeps its data, so its card does not re-render', () => {
    const a = aNode(), b = aNode();
    const graph = graphOf([a, b]);
    const first = mergeFlowNodes(graph, NO_TITLES, []).nodes;
    const next = mergeFlowNodes(moved(graph, [{ id: a.id, x: 50, y: 60 }]), NO_TITLES, first).nodes;
    expect(next[0]!.position).toEqual({ x: 50, y: 60 });
    expect(next[0]!.data).toBe(first[0]!.data);
    expect(next[1]).toBe(first[1]);
  });

  it('moves at most the budget at once and reports the rest', () => {
    const nodes = Array.from({ length: 5 }, () => aNode());
    const graph = graphOf(nodes);
    const first = mergeFlowNodes(graph, NO_TITLES, []).nodes;
    const target = moved(graph, nodes.map((n, i) => ({ id: n.id, x: 100 + i, y: 100 })));
    const step1 = mergeFlowNodes(target, NO_TITLES, first, 2);
    expect(step1.deferredMoves).toBe(3);
    expect(step1.nodes.filter((n) => n.position.y === 100)).toHaveLength(2);
    const step2 = mergeFlowNodes(target, NO_TITLES, step1.nodes, 2);
    const step3 = mergeFlowNodes(target, NO_TITLES, step2.nodes, 2);
    expect(step3.deferredMoves).toBe(0);
    expect(step3.nodes.every((n) => n.position.y === 100)).toBe(true);
  });
});

describe('mergeFlowEdges', () => {
  it('keeps the edge array when a move leaves the edges as they were, and renews only a changed edge', () => {
    const a = aNode(), b = aNode(), c = aNode();
    const ab = supports(a.id, b.id), bc = supports(b.id, c.id);
    const graph = graphOf([a, b, c], { edges: [ab, bc] });
    const first = mergeFlowEdges(graph, []);
    expect(mergeFlowEdges(moved(graph, [{ id: a.id, x: 9, y: 9 }]), first)).toBe(first);
    const relabelled = applyOps(graph, [{ type: 'edge.update', id: ab.id, patch: { label: 'because' } }]);
    if (!relabelled.ok) throw new Error(relabelled.error.message);
    const next = mergeFlowEdges(relabelled.graph, first);
    expect(next).not.toBe(first);
    expect(next.find((e) => e.id === bc.id)).toBe(first.find((e) => e.id === bc.id));
    expect(next.find((e) => e.id === ab.id)?.data?.label).toBe('because');
  });
});

describe('sameEdgeInput', () => {
  it('holds across moves and text edits, and fails when a relation or a node comes or goes', () => {
    const a = aNode(), b = aNode();
    const graph = graphOf([a, b], { edges: [supports(a.id, b.id)] });
    expect(sameEdgeInput(graph, moved(graph, [{ id: a.id, x: 40, y: 50 }]))).toBe(true);
    const reworded = applyOps(graph, [{ type: 'node.update', id: a.id, patch: { text: 'Reworded' } }]);
    expect(reworded.ok && sameEdgeInput(graph, reworded.graph)).toBe(true);
    for (const result of [connectedOf(graph, a.id, b.id), removedOf(graph, b.id)]) {
      expect(result.ok).toBe(true);
      expect(result.ok && sameEdgeInput(graph, result.graph)).toBe(false);
    }
  });
});

const connectedOf = (graph: ReturnType<typeof graphOf>, from: string, to: string) =>
  applyOps(graph, [{ type: 'edge.create', edge: { id: crypto.randomUUID(), kind: 'attacks', fromId: to, toId: from, label: '' } }]);
const removedOf = (graph: ReturnType<typeof graphOf>, id: string) => applyOps(graph, [{ type: 'node.delete', id }]);
