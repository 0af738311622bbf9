import { describe, expect, it } from 'vitest';
import { Comparison } from './schema.js';
import { compareReadings } from './compare.js';
import { edgesAmong } from './members.js';
import { argumentOp, claimOp, edgeOp, eventOp, evidenceOp, graphOf, newId, questionOp, quoteOf, readingOp } from '../../../tests/helpers/ops.js';

/**
 * Two readings of one event over a shared pool of evidence. A holds a1, a2, e and shared; B holds b1, u, e,
 * shared, onlyB and a question. e backs a1 and shared in A, b1 and shared in B. a2 attacks b1 and b1 attacks a1;
 * u undercuts A's support a1 → shared; B argues for shared from b1 and onlyB.
 */
function fixture() {
  const [a1, a2, b1, shared, u] = ['a1', 'a2', 'b1', 'shared', 'u'].map((text, i) => claimOp({ id: newId(), text, y: i * 100 }));
  const e = evidenceOp(quoteOf(newId()), { y: 50 });
  const onlyB = evidenceOp(quoteOf(newId(), 'other words'), { y: 500 });
  const q = questionOp();
  const ids = { a1: a1!.node.id, a2: a2!.node.id, b1: b1!.node.id, shared: shared!.node.id, u: u!.node.id, e: e.node.id, onlyB: onlyB.node.id, q: q.node.id };
  const eQuotesA1 = edgeOp('quotes', ids.e, ids.a1);
  const eSupportsShared = edgeOp('supports', ids.e, ids.shared);
  const eSupportsB1 = edgeOp('supports', ids.e, ids.b1);
  const a1SupportsShared = edgeOp('supports', ids.a1, ids.shared);
  const onlyBQuotesShared = edgeOp('quotes', ids.onlyB, ids.shared);
  const a2AttacksB1 = edgeOp('attacks', ids.a2, ids.b1);
  const b1AttacksA1 = edgeOp('attacks', ids.b1, ids.a1);
  const undercut = edgeOp('undercuts', ids.u, a1SupportsShared.edge.id);
  const argument = argumentOp(ids.shared, [ids.b1, ids.onlyB], { y: 450 });
  const edges = [eQuotesA1, eSupportsShared, eSupportsB1, a1SupportsShared, onlyBQuotesShared, a2AttacksB1, b1AttacksA1, undercut];
  const event = eventOp();
  const base = graphOf(a1!, a2!, b1!, shared!, u!, e, onlyB, q, ...edges, argument, event);
  const aNodes = new Set([ids.a1, ids.a2, ids.e, ids.shared]);
  const bNodes = new Set([ids.b1, ids.e, ids.shared, ids.u, ids.onlyB, ids.q]);
  const readingA = readingOp(event.event.id, { nodeIds: [...aNodes], edgeIds: edgesAmong(base, aNodes) }, { title: 'A' });
  const readingB = readingOp(event.event.id, { nodeIds: [...bNodes], edgeIds: edgesAmong(base, bNodes) }, { title: 'B' });
  const graph = graphOf(a1!, a2!, b1!, shared!, u!, e, onlyB, q, ...edges, argument, event, readingA, readingB);
  return { graph, ids, edges: { eQuotesA1, eSupportsShared, eSupportsB1, a1SupportsShared, onlyBQuotesShared, a2AttacksB1, b1AttacksA1, undercut }, argument, a: readingA.reading.id, b: readingB.reading.id };
}

describe('edgesAmong', () => {
  it('takes the edges between the nodes, and undercuts by one of them of an inference they span', () => {
    const { graph, ids, edges } = fixture();
    expect(edgesAmong(graph, new Set([ids.a1, ids.e, ids.shared]))).toEqual(
      [edges.eQuotesA1, edges.eSupportsShared, edges.a1SupportsShared].map((e) => e.edge.id).sort(),
    );
    // The undercut comes with its undercutter and the edge it denies.
    expect(edgesAmong(graph, new Set([ids.a1, ids.shared, ids.u]))).toEqual([edges.a1SupportsShared.edge.id, edges.undercut.edge.id].sort());
    expect(edgesAmong(graph, new Set([ids.a1, ids.u]))).toEqual([]);
  });
});

describe('compareReadings', () => {
  it('lists shared evidence with each reading’s uses, what only one holds, attacks across, and agreements', () => {
    const { graph, ids, edges, argument, a, b } = fixture();
    const comparison = Comparison.parse(compareReadings(graph, [a, b]));
    expect(comparison.readings.map((r) => r.title)).toEqual(['A', 'B']);

    expect(comparison.sharedEvidence).toEqual([
      {
        evidenceId: ids.e,
        readingIds: [a, b],
        uses: expect.arrayContaining([
          { readingId: a, kind: 'quotes', viaId: edges.eQuotesA1.edge.id, targetId: ids.a1 },
          { readingId: a, kind: 'supports', viaId: edges.eSupportsShared.edge.id, targetId: ids.shared },
          { readingId: b, kind: 'supports', viaId: edges.eSupportsB1.edge.id, targetId: ids.b1 },
          { readingId: b, kind: 'supports', viaId: edges.eSupportsShared.edge.id, targetId: ids.shared },
        ]),
      },
    ]);
    expect(comparison.sharedEvidence[0]!.uses).toHaveLength(4);

    // In canvas order (top to bottom); the question B holds is neither a claim nor evidence.
    expect(comparison.only).toEqual([
      { readingId: a, claimIds: [ids.a1, ids.a2], evidenceIds: [] },
      { readingId: b, claimIds: [ids.b1, ids.u], evidenceIds: [ids.onlyB] },
    ]);

    expect(comparison.crossAttacks).toEqual([
      { edgeId: edges.b1AttacksA1.edge.id, kind: 'attacks', fromId: ids.b1, targetId: ids.a1, byReadingIds: [b], againstReadingIds: [a] },
      { edgeId: edges.a2AttacksB1.edge.id, kind: 'attacks', fromId: ids.a2, targetId: ids.b1, byReadingIds: [a], againstReadingIds: [b] },
      { edgeId: edges.undercut.edge.id, kind: 'undercuts', fromId: ids.u, targetId: edges.a1SupportsShared.edge.id, byReadingIds: [b], againstReadingIds: [a] },
    ]);

    expect(comparison.agreements).toEqual([
      {
        claimId: ids.shared,
        readingIds: [a, b],
        support: [
          // Each reading's supports in canvas order of what gives them: a1 (y 0) above e (y 50) above b1 and onlyB.
          { readingId: a, kind: 'supports', viaId: edges.a1SupportsShared.edge.id, fromId: ids.a1 },
          { readingId: a, kind: 'supports', viaId: edges.eSupportsShared.edge.id, fromId: ids.e },
          { readingId: b, kind: 'supports', viaId: edges.eSupportsShared.edge.id, fromId: ids.e },
          { readingId: b, kind: 'argument', viaId: argument.argument.id, fromId: ids.b1 },
          { readingId: b, kind: 'quotes', viaId: edges.onlyBQuotesShared.edge.id, fromId: ids.onlyB },
          { readingId: b, kind: 'argument', viaId: argument.argument.id, fromId: ids.onlyB },
        ],
        supportedBy: [a, b],
      },
    ]);
  });

  it('is symmetric up to the order of the readings', () => {
    const { graph, a, b } = fixture();
    const ab = compareReadings(graph, [a, b]);
    const ba = compareReadings(graph, [b, a]);
    expect(ba.sharedEvidence.map((s) => s.evidenceId)).toEqual(ab.sharedEvidence.map((s) => s.evidenceId));
    expect(ba.only).toEqual([...ab.only].reverse());
    expect(ba.crossAttacks.map((c) => c.edgeId)).toEqual(ab.crossAttacks.map((c) => c.edgeId));
    expect(ba.agreements.map((c) => c.claimId)).toEqual(ab.agreements.map((c) => c.claimId));
  });

  it('refuses the same reading twice, a single reading, and a reading the map does not have', () => {
    const { graph, a } = fixture();
    expect(() => compareReadings(graph, [a, a])).toThrow(RangeError);
    expect(() => compareReadings(graph, [a])).toThrow(RangeError);
    expect(() => compareReadings(graph, [a, newId()])).toThrow(/not in this map/);
  });
});
