import type { GraphArgument, GraphEdge } from '@counterpoint/shared';
import { describe, expect, it } from 'vitest';
import { aNode, graphOf } from '../test-support/graph-factory';
import { deleteOps, moveOps, textOps } from './edit-ops';

const edge = (kind: GraphEdge['kind'], fromId: string, toId: string): GraphEdge => ({
  id: crypto.randomUUID(), kind, fromId, toId, label: '', authorId: null,
});

describe('deleteOps', () => {
  it('skips edges already removed by deleting their node', () => {
    const a = aNode(), b = aNode();
    const supports = edge('supports', a.id, b.id);
    const graph = graphOf([a, b], { edges: [supports] });
    expect(deleteOps(graph, [a.id], [{ type: 'edge', edgeId: supports.id }])).toEqual([{ type: 'node.delete', id: a.id }]);
  });

  it('removes one premise of an argument, or the argument with its last premise', () => {
    const p1 = aNode(), p2 = aNode(), c = aNode();
    const argument: GraphArgument = { id: crypto.randomUUID(), conclusionId: c.id, premiseIds: [p1.id, p2.id], label: '', x: 0, y: 0, authorId: null };
    const graph = graphOf([p1, p2, c], { arguments: [argument] });
    expect(deleteOps(graph, [], [{ type: 'premise', argumentId: argument.id, premiseId: p1.id }])).toEqual([
      { type: 'argument.update', id: argument.id, patch: { premiseIds: [p2.id] } },
    ]);
    expect(
      deleteOps(graph, [], [
        { type: 'premise', argumentId: argument.id, premiseId: p1.id },
        { type: 'premise', argumentId: argument.id, premiseId: p2.id },
      ]).map((op) => op.type),
    ).toEqual(['argument.update', 'argument.delete']);
    expect(deleteOps(graph, [argument.id], [{ type: 'conclusion', argumentId: argument.id }])).toEqual([
      { type: 'argument.delete', id: argument.id },
    ]);
  });
});

describe('moveOps', () => {
  it('moves only what really moved, in one op, on whole pixels', () => {
    const a = aNode('claim', 'a', { x: 10, y: 10 }), b = aNode('claim', 'b', { x: 50, y: 50 });
    const graph = graphOf([a, b]);
    expect(moveOps(graph, [{ id: a.id, x: 10.2, y: 9.9 }, { id: b.id, x: 80.4, y: 50 }])).toEqual([
      { type: 'nodes.move', moves: [{ id: b.id, x: 80, y: 50 }] },
    ]);
    expect(moveOps(graph, [{ id: a.id, x: 10, y: 10 }])).toEqual([]);
  });
});

describe('textOps', () => {
  it('updates changed text, ignores unchanged, deletes an emptied claim', () => {
    const a = aNode('claim', 'Old');
    const graph = graphOf([a]);
    expect(textOps(graph, a.id, ' New ')).toEqual([{ type: 'node.update', id: a.id, patch: { text: 'New' } }]);
    expect(textOps(graph, a.id, 'Old')).toEqual([]);
    expect(textOps(graph, a.id, '  ')).toEqual([{ type: 'node.delete', id: a.id }]);
  });
});
