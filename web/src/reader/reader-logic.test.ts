import { selectQuote } from '@counterpoint/shared';
import { describe, expect, it } from 'vitest';
import { aNode, graphOf } from '../test-support/graph-factory';
import { highlightsFor, passageIndexAt, segmentsOf } from './highlights';
import { quoteEvidenceOps, trimSpan } from './quote-ops';

const SOURCE = '00000000-0000-4000-8000-000000000001';
const TEXT = 'The revolution is permanent.\n\nIt grows over into socialism.';

describe('segmentsOf', () => {
  it('cuts a passage at quotation boundaries, overlapping quotations sharing a segment', () => {
    const segments = segmentsOf(0, 20, [
      { nodeId: 'a', start: 4, end: 12 },
      { nodeId: 'b', start: 8, end: 25 },
    ]);
    expect(segments).toEqual([
      { start: 0, end: 4, nodeIds: [] },
      { start: 4, end: 8, nodeIds: ['a'] },
      { start: 8, end: 12, nodeIds: ['a', 'b'] },
      { start: 12, end: 20, nodeIds: ['b'] },
    ]);
  });

  it('gives one plain segment when nothing is quoted there', () => {
    expect(segmentsOf(5, 9, [{ nodeId: 'a', start: 20, end: 30 }])).toEqual([{ start: 5, end: 9, nodeIds: [] }]);
  });
});

describe('passageIndexAt', () => {
  const passages = [{ start: 0, end: 10 }, { start: 12, end: 20 }, { start: 22, end: 30 }];
  it('finds the passage holding an offset, or the next one after a gap', () => {
    expect([0, 9, 10, 12, 21, 29, 40].map((o) => passageIndexAt(passages, o))).toEqual([0, 0, 1, 1, 2, 2, 2]);
  });
});

describe('quoting', () => {
  it('trims white space off a selection, and refuses a blank one', () => {
    expect(trimSpan(TEXT, 27, 30)).toEqual({ start: 27, end: 28 });
    expect(trimSpan(TEXT, 32, 26)).toEqual({ start: 26, end: 32 });
    expect(trimSpan(TEXT, 28, 30)).toBeNull();
  });

  it('builds one batch: the evidence with W3C selectors and a quotes edge to the chosen claim, placed below it', () => {
    const claim = aNode('claim', 'A claim', { x: 100, y: 50 });
    const graph = graphOf([claim]);
    const result = quoteEvidenceOps(graph, { id: SOURCE, text: TEXT }, { start: 4, end: 27 }, claim.id, { x: 0, y: 0 })!;
    expect(result.ops).toEqual([
      { type: 'node.create', node: { id: result.evidenceId, kind: 'evidence', text: '', x: 80, y: 220, quote: selectQuote(SOURCE, TEXT, 4, 27) } },
      { type: 'edge.create', edge: { id: expect.any(String), kind: 'quotes', fromId: result.evidenceId, toId: claim.id, label: '' } },
    ]);
    const alone = quoteEvidenceOps(graph, { id: SOURCE, text: TEXT }, { start: 4, end: 27 }, null, { x: 700, y: 900 })!;
    expect(alone.ops).toHaveLength(1);
    expect(alone.ops[0]).toMatchObject({ node: { x: 700, y: 900 } });
  });

  it('puts the evidence beside a node already under the claim rather than on top of it', () => {
    const claim = aNode('claim', 'A claim', { x: 100, y: 50 });
    const below = aNode('evidence', '', { x: 90, y: 230 });
    const result = quoteEvidenceOps(graphOf([claim, below]), { id: SOURCE, text: TEXT }, { start: 4, end: 27 }, claim.id, { x: 0, y: 0 })!;
    expect(result.ops[0]).toMatchObject({ node: { x: 320, y: 220 } });
  });

  it('highlights the map’s quotations of the source that still match its text', () => {
    const quote = selectQuote(SOURCE, TEXT, 4, 14);
    const current = { ...aNode('evidence', ''), quote };
    const stale = { ...aNode('evidence', ''), quote: { ...quote, start: 5, end: 15 } };
    const graph = graphOf([current, stale, aNode('claim')]);
    expect(highlightsFor(graph, SOURCE, TEXT)).toEqual([{ nodeId: current.id, start: 4, end: 14 }]);
    expect(highlightsFor(graph, '00000000-0000-4000-8000-000000000002', TEXT)).toEqual([]);
  });
});
