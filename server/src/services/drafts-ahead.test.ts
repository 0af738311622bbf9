import { describe, expect, it } from 'vitest';
import { applyOps, emptyGraph, type Graph } from '@counterpoint/shared';
import { DraftsAhead } from './drafts-ahead.js';

const MAP = '00000000-0000-4000-8000-000000000001';
const NODE = '00000000-0000-4000-8000-000000000002';

function graphWithNode(): Graph {
  const result = applyOps(emptyGraph, [{ type: 'node.create', node: { id: NODE, kind: 'claim', text: 'x', x: 0, y: 0, quote: null } }]);
  if (!result.ok) throw new Error(result.error.message);
  return result.graph;
}
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const movedNodes = { nodes: new Set([NODE]), edges: new Set<string>(), arguments: new Set<string>() };

describe('DraftsAhead', () => {
  it('hands the next group a draft on the graph the commit left, its nodes already copied and the graph untouched', async () => {
    const drafts = new DraftsAhead();
    const graph = graphWithNode();
    drafts.prepare(MAP, graph, movedNodes);
    await nextTurn();
    const draft = drafts.take(MAP, graph);
    expect(draft.graph.nodes).not.toBe(graph.nodes);
    expect(draft.graph).toEqual(graph);
    expect(draft.apply([{ type: 'nodes.move', moves: [{ id: NODE, x: 5, y: 5 }] }]).ok).toBe(true);
    expect(graph.nodes[NODE]).toMatchObject({ x: 0, y: 0 });
  });

  it('starts a fresh draft when the map’s graph is not the one the draft was made on, or was taken already', async () => {
    const drafts = new DraftsAhead();
    const predicted = graphWithNode();
    drafts.prepare(MAP, predicted, movedNodes);
    await nextTurn();
    const other = graphWithNode(); // e.g. the commit failed and the transaction path committed something else
    expect(drafts.take(MAP, other).graph).toBe(other);
    expect(drafts.take(MAP, predicted).graph).toBe(predicted);
  });
});
