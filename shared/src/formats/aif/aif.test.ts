import { describe, expect, it } from 'vitest';
import type { Graph } from '../../graph.js';
import { richInput } from '../fixtures.test-support.js';
import { planImport } from '../plan.js';
import { ImportFailure } from '../types.js';
import { exportAif, type AifFile } from './export.js';
import { importAif } from './import.js';

const counter = () => {
  let n = 0;
  return () => `00000000-0000-4000-9000-${String(++n).padStart(12, '0')}`;
};
const importGraph = (text: string) => {
  const draft = importAif(text);
  return { draft, plan: planImport(draft, counter()) };
};
const typesOf = (file: AifFile) => file.nodes.reduce<Record<string, number>>((acc, n) => ({ ...acc, [n.type]: (acc[n.type] ?? 0) + 1 }), {});

/**
 * The I/RA/CA/MA structure of an AIF file, independent of ids: each scheme node as its type, its sources' texts and
 * its target (an I-node's text, or the structure of the scheme node it targets).
 */
function structure(file: AifFile): string[] {
  const byId = new Map(file.nodes.map((n) => [n.nodeID, n]));
  const into = (id: string) => file.edges.filter((e) => e.toID === id).map((e) => byId.get(e.fromID)!);
  const out = (id: string) => file.edges.filter((e) => e.fromID === id).map((e) => byId.get(e.toID)!);
  const describe = (id: string): string => {
    const node = byId.get(id)!;
    if (node.type === 'I') return node.text;
    const sources = into(id).filter((n) => n.type === 'I').map((n) => n.text).sort();
    return `${node.type}(${sources.join(' & ')} → ${out(id).map((n) => describe(n.nodeID)).join(', ')})`;
  };
  return file.nodes.filter((n) => ['RA', 'CA', 'MA'].includes(n.type)).map((n) => describe(n.nodeID)).sort();
}

describe('AIF export', () => {
  const file: AifFile = JSON.parse(exportAif(richInput(), { timestamp: '2026-01-01T00:00:00.000Z' }));

  it('writes claims, quotations and questions as I-nodes; supports, quotes and arguments as RA; attacks and undercuts as CA', () => {
    expect(typesOf(file)).toEqual({ I: 8, RA: 3, CA: 3, MA: 1, L: 1, YA: 1 });
    expect(file.nodes.every((n) => typeof n.nodeID === 'string' && n.timestamp === '2026-01-01 00:00:00')).toBe(true);
    expect(structure(file)).toEqual([
      'CA(Regroupment always failed: see 1.2 and [brackets] #tag. → A party built by <b>regroupment</b> & not by one "sect".)',
      'CA(Regroupment always failed: see 1.2 and [brackets] #tag. → RA(New radicalisations\nneed new forms. & No small group holds the tradition. → A party built by <b>regroupment</b> & not by one "sect".))',
      'CA(The premises are about groups, the thesis about parties. → RA(Coalitions are vital. → A party built by <b>regroupment</b> & not by one "sect".))',
      'MA(What kind of organisation do socialists need? → A party built by <b>regroupment</b> & not by one "sect".)',
      'RA(Coalitions are vital. → A party built by <b>regroupment</b> & not by one "sect".)',
      'RA(New radicalisations\nneed new forms. & No small group holds the tradition. → A party built by <b>regroupment</b> & not by one "sect".)',
      'RA(Trotsky never said "remain within" the KMT. → No small group holds the tradition.)',
    ]);
  });

  it('gives a quotation from a named comment its speaker: participant, locution, L-node asserting the I-node', () => {
    expect(file.participants).toEqual([{ participantID: '1', firstname: 'Ray', surname: '' }]);
    const l = file.nodes.find((n) => n.type === 'L')!;
    expect(l.text).toBe('Ray : Trotsky never said "remain within" the KMT.');
    expect(file.locutions).toEqual([expect.objectContaining({ nodeID: l.nodeID, personID: '1' })]);
    const ya = file.nodes.find((n) => n.type === 'YA')!;
    const quote = file.nodes.find((n) => n.type === 'I' && n.text.startsWith('Trotsky'))!;
    expect(file.edges).toEqual(expect.arrayContaining([
      expect.objectContaining({ fromID: l.nodeID, toID: ya.nodeID }),
      expect.objectContaining({ fromID: ya.nodeID, toID: quote.nodeID }),
    ]));
  });

  it('export → import → export keeps the I/RA/CA/MA structure', () => {
    const { plan } = importGraph(JSON.stringify(file));
    expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const again: AifFile = JSON.parse(exportAif({ title: 'again', description: '', graph: plan.graph, sources: [] }));
    expect(structure(again)).toEqual(structure(file));
    expect(plan.counts).toMatchObject({ nodes: 8, arguments: 1 });
    expect(Object.values(plan.graph.nodes).find((n) => n.text.startsWith('What kind'))?.kind).toBe('question');
  });
});

/** An AIFdb-style file written from the AIF specification: every node type, string ids. */
const AIFDB_SAMPLE = {
  nodes: [
    { nodeID: 'i1', text: 'We need a party.', type: 'I', timestamp: '2024-01-01 10:00:00' },
    { nodeID: 'i2', text: 'Movements fade without organisation.', type: 'I' },
    { nodeID: 'i3', text: 'Organisation needs continuity.', type: 'I' },
    { nodeID: 'i4', text: 'Parties become sects.', type: 'I' },
    { nodeID: 'i5', text: 'That is about sects, not parties.', type: 'I' },
    { nodeID: 'i6', text: 'Do we need a party', type: 'I' },
    { nodeID: 'i7', text: 'Parties are needed.', type: 'I' },
    { nodeID: 'ra1', text: 'Argument From Consequences', type: 'RA' },
    { nodeID: 'ca1', text: 'Default Conflict', type: 'CA' },
    { nodeID: 'ca2', text: 'Default Conflict', type: 'CA' },
    { nodeID: 'ma1', text: 'Default Rephrase', type: 'MA' },
    { nodeID: 'pa1', text: 'Default Preference', type: 'PA' },
    { nodeID: 'l1', text: 'Bob : Do we need a party?', type: 'L' },
    { nodeID: 'l2', text: 'Ann : We need a party.', type: 'L' },
    { nodeID: 'ya1', text: 'Pure Questioning', type: 'YA' },
    { nodeID: 'ya2', text: 'Asserting', type: 'YA' },
    { nodeID: 'ta1', text: 'Default Transition', type: 'TA' },
  ],
  edges: [
    { edgeID: 'e1', fromID: 'i2', toID: 'ra1' },
    { edgeID: 'e2', fromID: 'i3', toID: 'ra1' },
    { edgeID: 'e3', fromID: 'ra1', toID: 'i1' },
    { edgeID: 'e4', fromID: 'i4', toID: 'ca1' },
    { edgeID: 'e5', fromID: 'ca1', toID: 'i1' },
    { edgeID: 'e6', fromID: 'i5', toID: 'ca2' },
    { edgeID: 'e7', fromID: 'ca2', toID: 'ra1' },
    { edgeID: 'e8', fromID: 'i6', toID: 'ma1' },
    { edgeID: 'e9', fromID: 'ma1', toID: 'i7' },
    { edgeID: 'e10', fromID: 'ra1', toID: 'pa1' },
    { edgeID: 'e11', fromID: 'l1', toID: 'ya1' },
    { edgeID: 'e12', fromID: 'ya1', toID: 'i6' },
    { edgeID: 'e13', fromID: 'l2', toID: 'ya2' },
    { edgeID: 'e14', fromID: 'ya2', toID: 'i1' },
    { edgeID: 'e15', fromID: 'l1', toID: 'ta1' },
    { edgeID: 'e16', fromID: 'ta1', toID: 'l2' },
  ],
  locutions: [
    { nodeID: 'l1', personID: 'p1', timestamp: '2024-01-01 10:00:00' },
    { nodeID: 'l2', personID: 'p2' },
  ],
  participants: [
    { participantID: 'p1', firstname: 'Bob', surname: 'Smith' },
    { participantID: 'p2', firstname: 'Ann', surname: 'Lee' },
  ],
};

const textOf = (graph: Graph, id: string) => graph.nodes[id]?.text;

describe('AIF import', () => {
  it('maps every node type of an AIFdb file and reports each unmapped node by id', () => {
    const { plan } = importGraph(JSON.stringify(AIFDB_SAMPLE));
    const { graph } = plan;
    expect(Object.values(graph.nodes).map((n) => [n.kind, n.text]).sort()).toEqual([
      ['claim', 'Movements fade without organisation.'],
      ['claim', 'Organisation needs continuity.'],
      ['claim', 'Parties are needed.'],
      ['claim', 'Parties become sects.'],
      ['claim', 'That is about sects, not parties.'],
      ['claim', 'We need a party.'],
      ['question', 'Do we need a party'], // a YA "Pure Questioning" asks it
    ]);
    const [argument] = Object.values(graph.arguments);
    expect(argument!.premiseIds.map((id) => textOf(graph, id)).sort()).toEqual(['Movements fade without organisation.', 'Organisation needs continuity.']);
    expect(argument!.label).toBe('Argument From Consequences');
    const edges = Object.values(graph.edges).map((e) => [e.kind, textOf(graph, e.fromId), graph.arguments[e.toId] ? 'the argument' : textOf(graph, e.toId)]);
    expect(edges.sort()).toEqual([
      ['answers', 'Parties are needed.', 'Do we need a party'],
      ['attacks', 'Parties become sects.', 'We need a party.'],
      ['undercuts', 'That is about sects, not parties.', 'the argument'],
    ]);
    const problems = plan.problems.map((p) => [p.at, p.message.split(':')[0]]);
    expect(problems).toEqual([
      ['node pa1', 'PA-node (preference)'],
      ['node l1', 'L-node “Bob '],
      ['node l2', 'L-node “Ann '],
      ['node ya1', 'YA-node (Pure Questioning)'],
      ['node ya2', 'YA-node (Asserting)'],
      ['node ta1', 'TA-node (transition between locutions)'],
    ]);
    expect(plan.problems.find((p) => p.at === 'node l1')?.message).toContain('by Bob Smith');
    expect(plan.problems.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('reads numeric ids and OVA’s { AIF, OVA } wrapper, taking positions from the OVA layout', () => {
    const ova = {
      AIF: {
        nodes: [
          { nodeID: 1, text: 'Claim one', type: 'I' },
          { nodeID: 2, text: 'Reason', type: 'I' },
          { nodeID: 3, text: 'Default Inference', type: 'RA' },
        ],
        edges: [{ edgeID: 1, fromID: 2, toID: 3 }, { edgeID: 2, fromID: 3, toID: 1 }],
        schemefulfillments: [],
        locutions: [],
        participants: [],
      },
      OVA: { firstname: 'A', surname: 'B', nodes: [{ nodeID: '1', visible: true, x: 400, y: 50 }, { nodeID: 2, visible: true, x: 380, y: 300 }], edges: [] },
      text: { txt: '', url: '' },
    };
    const { plan } = importGraph(JSON.stringify(ova));
    expect(plan.problems).toEqual([]);
    const nodes = Object.values(plan.graph.nodes).map((n) => [n.text, n.x, n.y]).sort();
    expect(nodes).toEqual([['Claim one', 400, 50], ['Reason', 380, 300]]);
    expect(Object.values(plan.graph.edges).map((e) => [e.kind, e.label])).toEqual([['supports', '']]);
  });

  it('reads OVA2’s edges ({ from: { id }, to: { id } }) and lays out a file without positions', () => {
    const ova2 = {
      nodes: [{ id: 10, text: 'Top', type: 'I' }, { id: 11, text: 'Against', type: 'I' }, { id: 12, text: 'Default Conflict', type: 'CA' }],
      edges: [{ from: { id: 11 }, to: { id: 12 } }, { from: { id: 12 }, to: { id: 10 } }],
    };
    const { plan } = importGraph(JSON.stringify(ova2));
    const [top, against] = ['Top', 'Against'].map((t) => Object.values(plan.graph.nodes).find((n) => n.text === t)!);
    expect(Object.values(plan.graph.edges)).toEqual([expect.objectContaining({ kind: 'attacks', fromId: against!.id, toId: top!.id })]);
    expect(against!.y).toBeGreaterThan(top!.y); // the attacker sits in the row below what it attacks
  });

  it('skips and reports what it cannot read or represent, naming each by id', () => {
    const odd = {
      nodes: [
        { nodeID: 'a', text: 'A', type: 'I' },
        { nodeID: 'b', text: 'B', type: 'I' },
        { nodeID: 'c', text: 'C', type: 'I' },
        { nodeID: 'r', text: 'Default Inference', type: 'RA' },
        { nodeID: 'm', text: 'Default Rephrase', type: 'MA' },
        { nodeID: 'x', text: 'Default Conflict', type: 'CA' },
        { nodeID: 'z', text: '?', type: 'EN' },
        { text: 'no id', type: 'I' },
        { nodeID: 'a', text: 'duplicate', type: 'I' },
      ],
      edges: [
        { fromID: 'a', toID: 'r' },
        { fromID: 'r', toID: 'b' },
        { fromID: 'r', toID: 'c' },
        { fromID: 'b', toID: 'm' },
        { fromID: 'm', toID: 'c' },
        { fromID: 'c', toID: 'x' },
        { fromID: 'x', toID: 'm' },
        { fromID: 'a', toID: 'nowhere' },
        { toID: 'a' },
      ],
    };
    const { plan } = importGraph(JSON.stringify(odd));
    expect(plan.problems.map((p) => p.at)).toEqual(['nodes[7]', 'node a', 'edges[7]', 'edges[8]', 'node r', 'node x', 'node m', 'node z']);
    expect(Object.keys(plan.graph.edges)).toHaveLength(0);
    expect(Object.keys(plan.graph.nodes)).toHaveLength(3);
  });

  it('refuses a file that is not AIF, and says when it is a Counterpoint file', () => {
    const fails = (text: string) => {
      try {
        importAif(text);
      } catch (error) {
        return error instanceof ImportFailure ? [error.code, error.message] : null;
      }
      return null;
    };
    expect(fails('{"format":"counterpoint","version":1}')).toEqual(['IMPORT_WRONG_FORMAT', expect.stringContaining('Counterpoint JSON')]);
    expect(fails('[1,2,3]')).toEqual(['IMPORT_WRONG_FORMAT', expect.any(String)]);
    expect(fails('nodes: []')).toEqual(['BAD_JSON', expect.any(String)]);
  });
});
