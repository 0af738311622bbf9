import type { GraphEdge } from '@counterpoint/shared';
import { describe, expect, it } from 'vitest';
import { aNode, graphOf } from '../test-support/graph-factory';
import { connectChoices } from './connect-choices';

const at = { x: 0, y: 0 };
const names = (choices: ReturnType<typeof connectChoices>) => choices.map((c) => c.name);

describe('connectChoices', () => {
  it('offers what the rules allow between two nodes, plus a new argument', () => {
    const a = aNode(), b = aNode(), q = aNode('question'), n = aNode('note');
    const graph = graphOf([a, b, q, n]);
    expect(names(connectChoices(graph, a.id, { type: 'node', id: b.id }, at))).toEqual(['supports', 'attacks', 'new argument']);
    expect(names(connectChoices(graph, a.id, { type: 'node', id: q.id }, at))).toEqual(['answers']);
    expect(names(connectChoices(graph, n.id, { type: 'node', id: a.id }, at))).toEqual([]);
  });

  it('leaves out a relation that already exists', () => {
    const a = aNode(), b = aNode();
    const supports: GraphEdge = { id: crypto.randomUUID(), kind: 'supports', fromId: a.id, toId: b.id, label: '', authorId: null };
    const graph = graphOf([a, b], { edges: [supports] });
    expect(names(connectChoices(graph, a.id, { type: 'node', id: b.id }, at))).toEqual(['attacks', 'new argument']);
  });

  it('offers an undercut when dropped on an edge, but not on its own inference', () => {
    const a = aNode(), b = aNode(), c = aNode();
    const supports: GraphEdge = { id: crypto.randomUUID(), kind: 'supports', fromId: a.id, toId: b.id, label: '', authorId: null };
    const graph = graphOf([a, b, c], { edges: [supports] });
    expect(names(connectChoices(graph, c.id, { type: 'edge', id: supports.id }, at))).toEqual(['undercuts']);
    expect(names(connectChoices(graph, a.id, { type: 'edge', id: supports.id }, at))).toEqual([]);
  });

  it('offers an undercut or a co-premise when dropped on an argument or one of its legs', () => {
    const p = aNode(), c = aNode(), other = aNode();
    const argumentId = crypto.randomUUID();
    const graph = graphOf([p, c, other], {
      arguments: [{ id: argumentId, conclusionId: c.id, premiseIds: [p.id], label: '', x: 0, y: 0, authorId: null }],
    });
    expect(names(connectChoices(graph, other.id, { type: 'node', id: argumentId }, at))).toEqual(['undercuts', 'add premise']);
    expect(names(connectChoices(graph, other.id, { type: 'edge', id: `${argumentId}:conclusion` }, at))).toEqual([
      'undercuts',
      'add premise',
    ]);
  });
});
