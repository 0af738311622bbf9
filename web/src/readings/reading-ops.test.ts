import { describe, expect, it } from 'vitest';
import { applyOps } from '@counterpoint/shared';
import { claimOp, edgeOp, eventOp, evidenceOp, graphOf, newId, noteOp, quoteOf, readingOp } from '../../../tests/helpers/ops';
import { excludeSelectionOp, includeSelectionOp, newReadingOp } from './reading-ops';

/** a → b (attacks), e quotes a, c supports b, u undercuts a → b, and a note. */
function fixture() {
  const [a, b, c, u] = ['a', 'b', 'c', 'u'].map((text) => claimOp({ text }));
  const e = evidenceOp(quoteOf(newId()));
  const note = noteOp();
  const ab = edgeOp('attacks', a!.node.id, b!.node.id);
  const ea = edgeOp('quotes', e.node.id, a!.node.id);
  const cb = edgeOp('supports', c!.node.id, b!.node.id);
  const uab = edgeOp('undercuts', u!.node.id, ab.edge.id);
  const event = eventOp();
  const ops = [a!, b!, c!, u!, e, note, ab, ea, cb, uab, event];
  const ids = { a: a!.node.id, b: b!.node.id, c: c!.node.id, u: u!.node.id, e: e.node.id, note: note.node.id };
  return { ops, ids, edges: { ab: ab.edge.id, ea: ea.edge.id, cb: cb.edge.id, uab: uab.edge.id }, eventId: event.event.id };
}

const info = (eventId: string | null) => ({ eventId, title: 'Mine', authorName: 'Dana', description: '' });

describe('newReadingOp', () => {
  it('takes the selected claims and evidence and the edges among them, not notes', () => {
    const { ops, ids, edges, eventId } = fixture();
    const graph = graphOf(...ops);
    const op = newReadingOp(graph, info(eventId), { nodeIds: [ids.a, ids.e, ids.b, ids.note], edgeIds: [] });
    expect(op.reading.nodeIds).toEqual([ids.a, ids.e, ids.b]);
    expect(op.reading.edgeIds.sort()).toEqual([edges.ab, edges.ea].sort());
    expect(applyOps(graph, [op]).ok).toBe(true);
  });

  it('takes an undercut along when its undercutter and the edge it denies are selected', () => {
    const { ops, ids, edges } = fixture();
    const op = newReadingOp(graphOf(...ops), info(null), { nodeIds: [ids.a, ids.b, ids.u], edgeIds: [] });
    expect(op.reading.edgeIds.sort()).toEqual([edges.ab, edges.uab].sort());
  });
});

describe('includeSelectionOp', () => {
  it('adds the selected nodes and the edges joining them to the reading, once', () => {
    const { ops, ids, edges, eventId } = fixture();
    const reading = readingOp(eventId, { nodeIds: [ids.a], edgeIds: [] });
    const graph = graphOf(...ops, reading);
    const op = includeSelectionOp(graph, graph.readings[reading.reading.id]!, { nodeIds: [ids.b, ids.c], edgeIds: [] })!;
    expect(op.nodeIds).toEqual([ids.b, ids.c]);
    expect(op.edgeIds.sort()).toEqual([edges.ab, edges.cb].sort());
    const after = applyOps(graph, [op]);
    expect(after.ok).toBe(true);
    if (!after.ok) return;
    expect(includeSelectionOp(after.graph, after.graph.readings[reading.reading.id]!, { nodeIds: [ids.b, ids.c], edgeIds: [] })).toBeNull();
  });

  it('does not put back an edge among old members that someone took out', () => {
    const { ops, ids, edges } = fixture();
    const reading = readingOp(null, { nodeIds: [ids.a, ids.b], edgeIds: [] });
    const graph = graphOf(...ops, reading);
    const op = includeSelectionOp(graph, graph.readings[reading.reading.id]!, { nodeIds: [ids.e], edgeIds: [] })!;
    expect(op.edgeIds).toEqual([edges.ea]);
  });
});

describe('excludeSelectionOp', () => {
  it('removes the selected nodes and the reading’s edges left hanging, undercuts of them included', () => {
    const { ops, ids, edges } = fixture();
    const reading = readingOp(null, { nodeIds: [ids.a, ids.b, ids.u, ids.e], edgeIds: [edges.ab, edges.ea, edges.uab] });
    const graph = graphOf(...ops, reading);
    const op = excludeSelectionOp(graph, graph.readings[reading.reading.id]!, { nodeIds: [ids.b, ids.c], edgeIds: [] })!;
    expect(op.nodeIds).toEqual([ids.b]);
    expect(op.edgeIds.sort()).toEqual([edges.ab, edges.uab].sort());
    expect(excludeSelectionOp(graph, graph.readings[reading.reading.id]!, { nodeIds: [ids.c], edgeIds: [] })).toBeNull();
  });
});
