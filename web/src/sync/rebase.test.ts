import type { Op } from '@counterpoint/shared';
import { describe, expect, it } from 'vitest';
import { aNode, createOp, graphOf } from '../test-support/graph-factory';
import { rebase, type PendingBatch } from './rebase';

const batch = (clientSeq: number, ops: Op[], acked = false): PendingBatch => ({ ops, clientSeq, confirmed: 0, acked, attempts: 0 });

describe('rebase', () => {
  it('replays pending batches on the confirmed graph and drops one that no longer applies, whole', () => {
    const kept = aNode('claim', 'kept');
    const gone = aNode('claim', 'deleted by someone else');
    const confirmed = graphOf([kept]);
    const first = batch(0, [createOp(aNode('claim', 'first'))]);
    // Its first op applies; its second targets a node the server no longer has, so the batch is all or nothing.
    const halfValid = aNode('claim', 'would come with the broken batch');
    const broken = batch(1, [createOp(halfValid), { type: 'node.update', id: gone.id, patch: { text: 'too late' } }]);
    const last = batch(3, [{ type: 'node.update', id: kept.id, patch: { text: 'edited' } }]);

    const result = rebase(confirmed, [first, broken, last], false);

    expect(result.dropped).toEqual([broken]);
    expect(result.kept).toEqual([first, last]);
    expect(Object.values(result.graph.nodes).map((n) => n.text).sort()).toEqual(['edited', 'first']);
    expect(result.graph.nodes[halfValid.id]).toBeUndefined();
    // The confirmed graph is never changed in place.
    expect(Object.keys(confirmed.nodes)).toEqual([kept.id]);
    expect(confirmed.nodes[kept.id]!.text).toBe('kept');
  });

  it('keeps a batch that no longer applies when it is on the wire or acknowledged: the server decides', () => {
    const confirmed = graphOf([]);
    const orphan: Op = { type: 'node.update', id: crypto.randomUUID(), patch: { text: 'x' } };
    const onWire = batch(0, [orphan]);
    const acked = batch(1, [orphan], true);
    const result = rebase(confirmed, [onWire, acked], true);
    expect(result.kept).toEqual([onWire, acked]);
    expect(result.dropped).toEqual([]);
    expect(result.graph).toBe(confirmed);
  });
});
