import { applyOps } from '../apply-op.js';
import { emptyGraph, type Graph } from '../graph.js';
import type { Op } from '../ops.js';
import { selectQuote } from '../quote.js';
import type { ExportInput, ExportSource } from './types.js';

/** Fixed ids, so a failing test names things one can find. */
export const IDS = {
  source: '00000000-0000-4000-8000-00000000f001',
  question: '00000000-0000-4000-8000-000000000001',
  thesis: '00000000-0000-4000-8000-000000000002',
  premiseA: '00000000-0000-4000-8000-000000000003',
  premiseB: '00000000-0000-4000-8000-000000000004',
  rebuttal: '00000000-0000-4000-8000-000000000005',
  undercutter: '00000000-0000-4000-8000-000000000006',
  quote: '00000000-0000-4000-8000-000000000007',
  note: '00000000-0000-4000-8000-000000000008',
  support: '00000000-0000-4000-8000-000000000009',
  supportEdge: '00000000-0000-4000-8000-00000000e001',
  attackEdge: '00000000-0000-4000-8000-00000000e002',
  answerEdge: '00000000-0000-4000-8000-00000000e003',
  quoteEdge: '00000000-0000-4000-8000-00000000e004',
  undercutEdge: '00000000-0000-4000-8000-00000000e005',
  undercutArgument: '00000000-0000-4000-8000-00000000e006',
  argument: '00000000-0000-4000-8000-00000000a001',
  event: '00000000-0000-4000-8000-00000000b001',
  reading: '00000000-0000-4000-8000-00000000c001',
};

/** A comment thread: the second comment is by "Ray", and the quotation comes from it. */
export const THREAD_TEXT = 'The post says parties must be international.\n\n1. Ray: Trotsky never said "remain within" the KMT.\n';
const QUOTED = 'Trotsky never said "remain within" the KMT.';

export const THREAD_SOURCE: ExportSource = {
  id: IDS.source,
  title: 'The Problem with “International” Parties',
  kind: 'comment_thread',
  author: null,
  date: '2012',
  url: 'https://example.org/thread',
  text: THREAD_TEXT,
  passages: [
    { start: 0, end: 44, kind: 'paragraph', author: null, number: null },
    { start: 46, end: THREAD_TEXT.length - 1, kind: 'comment', author: 'Ray', number: '1' },
  ],
};

/** Ops of a small map with every kind of node and relation, an argument, an event and a reading. */
export function richMapOps(): Op[] {
  const start = THREAD_TEXT.indexOf(QUOTED);
  const node = (id: string, kind: 'claim' | 'question' | 'note', text: string, x: number, y: number): Op => ({
    type: 'node.create',
    node: { id, kind, text, x, y, quote: null },
  });
  const edge = (id: string, kind: 'supports' | 'attacks' | 'undercuts' | 'answers' | 'quotes', fromId: string, toId: string, label = ''): Op => ({
    type: 'edge.create',
    edge: { id, kind, fromId, toId, label },
  });
  return [
    node(IDS.question, 'question', 'What kind of organisation do socialists need?', 600, 0),
    node(IDS.thesis, 'claim', 'A party built by <b>regroupment</b> & not by one "sect".', 300, 250),
    node(IDS.premiseA, 'claim', 'No small group holds the tradition.', 0, 500),
    node(IDS.premiseB, 'claim', 'New radicalisations\nneed new forms.', 300, 500),
    node(IDS.rebuttal, 'claim', 'Regroupment always failed: see 1.2 and [brackets] #tag.', 600, 250),
    node(IDS.undercutter, 'claim', 'The premises are about groups, the thesis about parties.', 600, 500),
    node(IDS.support, 'claim', 'Coalitions are vital.', 900, 500),
    { type: 'node.create', node: { id: IDS.quote, kind: 'evidence', text: 'Ray in comment 1', x: 0, y: 750, quote: selectQuote(IDS.source, THREAD_TEXT, start, start + QUOTED.length) } },
    node(IDS.note, 'note', 'Compare the letter of 2009.', 900, 0),
    { type: 'argument.create', argument: { id: IDS.argument, premiseIds: [IDS.premiseA, IDS.premiseB], conclusionId: IDS.thesis, label: 'the regroupment argument', x: 150, y: 380 } },
    edge(IDS.answerEdge, 'answers', IDS.thesis, IDS.question),
    edge(IDS.attackEdge, 'attacks', IDS.rebuttal, IDS.thesis, 'rebuts'),
    edge(IDS.supportEdge, 'supports', IDS.support, IDS.thesis),
    edge(IDS.quoteEdge, 'quotes', IDS.quote, IDS.premiseA),
    edge(IDS.undercutEdge, 'undercuts', IDS.undercutter, IDS.supportEdge),
    edge(IDS.undercutArgument, 'undercuts', IDS.rebuttal, IDS.argument),
    { type: 'event.create', event: { id: IDS.event, title: 'China 1925–27', period: '1925–1927', description: 'The second Chinese revolution.' } },
    {
      type: 'reading.create',
      reading: { id: IDS.reading, eventId: IDS.event, title: 'The letter’s reading', authorName: 'Dana', description: 'Regroupment.', nodeIds: [IDS.thesis, IDS.premiseA, IDS.premiseB], edgeIds: [] },
    },
  ];
}

/** The rich map as a graph. */
export function richGraph(): Graph {
  const result = applyOps(emptyGraph, richMapOps());
  if (!result.ok) throw new Error(`fixture op ${result.opIndex}: ${result.error.message}`);
  return result.graph;
}

/** The rich map as exporters get it. */
export function richInput(): ExportInput {
  return { title: 'Regroupment <debate>', description: 'A test map & its "sources".', graph: richGraph(), sources: [THREAD_SOURCE] };
}
