import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../graph.js';
import { IDS, richInput, THREAD_SOURCE } from '../fixtures.test-support.js';
import { planImport } from '../plan.js';
import { resolveSources } from '../resolve-sources.js';
import { ImportFailure } from '../types.js';
import { exportArgdown } from './export.js';
import { importArgdown } from './import.js';
import { parseArgdown } from './parse.js';
import { escapeArgdown, flatten } from './text.js';

const counter = () => {
  let n = 0;
  return () => `00000000-0000-4000-9000-${String(++n).padStart(12, '0')}`;
};
const plan = (text: string, candidates = [{ id: IDS.source, title: THREAD_SOURCE.title, text: THREAD_SOURCE.text! }]) =>
  planImport(resolveSources(importArgdown(text), candidates, counter()).draft, counter());

/** Relations as `kind: from text → to text`, arguments and edges shown by their ends' texts. */
function relations(graph: Graph): string[] {
  const text = (id: string): string => {
    const node = graph.nodes[id];
    if (node) return node.kind === 'evidence' ? node.quote!.exact : node.text;
    const argument = graph.arguments[id];
    if (argument) return `<${argument.premiseIds.map(text).sort().join(' + ')} ⇒ ${text(argument.conclusionId)}>`;
    const edge = graph.edges[id]!;
    return `<${edge.kind} ${text(edge.fromId)} ⇒ ${text(edge.toId)}>`;
  };
  return Object.values(graph.edges).map((e) => `${e.kind}: ${text(e.fromId)} → ${text(e.toId)}`).sort();
}

describe('Argdown export', () => {
  const text = exportArgdown(richInput());

  it('parses with @argdown/core into the same statements, arguments and relations', () => {
    const { response, errors } = parseArgdown(text);
    expect(errors).toEqual([]);
    const graph = richInput().graph;
    const statementTexts = Object.values(response.statements!).map((s) => s.members.find((m) => m.text?.trim())?.text?.trim()).sort();
    const nodeTexts = Object.values(graph.nodes).map((n) => flatten(n.kind === 'evidence' ? n.quote!.exact : n.text)).sort();
    expect(statementTexts).toEqual(nodeTexts);

    const statementOf = new Map(Object.values(response.statements!).map((s) => [s.title!, s.members.find((m) => m.text?.trim())!.text!.trim()]));
    const argument = response.arguments!['the regroupment argument']!;
    expect(argument.pcs.map((p) => [p.role, statementOf.get(p.title!)])).toEqual([
      ['premise', 'No small group holds the tradition.'],
      ['premise', 'New radicalisations need new forms.'],
      ['main-conclusion', 'A party built by <b>regroupment</b> & not by one "sect".'],
    ]);
    const end = (m: NonNullable<(typeof response.relations)>[number]['from']) =>
      m?.type === 'equivalence-class' ? statementOf.get(m.title!) : m?.type === 'inference' ? `inference of <${m.argumentTitle}>` : `<${m?.title}>`;
    const found = response.relations!.map((r) => `${r.relationType}: ${end(r.from)} → ${end(r.to)}`).sort();
    expect(found).toEqual([
      'attack: Regroupment always failed: see 1.2 and [brackets] #tag. → A party built by <b>regroupment</b> & not by one "sect".',
      'support: A party built by <b>regroupment</b> & not by one "sect". → What kind of organisation do socialists need?',
      'support: Trotsky never said "remain within" the KMT. → No small group holds the tradition.',
      'undercut: Regroupment always failed: see 1.2 and [brackets] #tag. → inference of <the regroupment argument>',
      'undercut: The premises are about groups, the thesis about parties. → inference of <Coalitions are vital supports A party built by b>',
    ]);
    // The undercut support is written as an argument tagged with its kind: "Coalitions are vital, therefore the thesis".
    expect(response.arguments!['Coalitions are vital supports A party built by b']).toMatchObject({ tags: ['supports'] });
  });

  it('writes kinds and readings as tags, and keeps title, events, readings and quotation anchors in front matter', () => {
    expect(text).toMatch(/^===\ntitle: "Regroupment <debate>"\n/);
    expect(text).toContain('#question');
    expect(text).toContain('#note');
    expect(text).toContain('#evidence');
    expect(text).toContain('#(The letter’s reading)');
    const { frontMatter } = parseArgdown(text);
    expect(frontMatter).toMatchObject({ title: 'Regroupment <debate>', abstract: 'A test map & its "sources".' });
    expect(frontMatter.counterpoint).toMatchObject({ events: [{ title: 'China 1925–27' }], readings: [{ title: 'The letter’s reading', event: 'e1' }] });
  });

  it('round-trips through its own importer: statements, kinds, relations, argument, reading, event, anchored quotation', () => {
    const result = plan(text);
    expect(result.problems).toEqual([]);
    expect(relations(result.graph)).toEqual(relations(richInput().graph).map((r) => r.replace('New radicalisations\nneed', 'New radicalisations need')));
    const kinds = Object.values(result.graph.nodes).map((n) => n.kind).sort();
    expect(kinds).toEqual(Object.values(richInput().graph.nodes).map((n) => n.kind).sort());
    const evidence = Object.values(result.graph.nodes).find((n) => n.kind === 'evidence')!;
    expect(evidence.quote).toEqual(richInput().graph.nodes[IDS.quote]!.quote);
    expect(evidence.text).toBe('Ray in comment 1');
    const [reading] = Object.values(result.graph.readings);
    expect(reading).toMatchObject({ title: 'The letter’s reading', authorName: 'Dana', description: 'Regroupment.' });
    expect(reading!.nodeIds).toHaveLength(3);
    expect(result.graph.events[reading!.eventId!]).toMatchObject({ title: 'China 1925–27', period: '1925–1927' });
  });

  it('turns a quotation into a claim when the importing group lacks its source', () => {
    const result = plan(text, []);
    expect(Object.values(result.graph.nodes).filter((n) => n.kind === 'evidence')).toEqual([]);
    expect(result.problems).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('became a claim') })]);
  });

  it('escapes any text so @argdown/core reads it back verbatim (property)', () => {
    const chars = fc.constantFrom(...'ab \\@#*_[]<>{}/.:-+,;()!?"\'=~|&%$^`\n\t1é—<!-->'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { minLength: 1, maxLength: 40 }).map((a) => a.join('')), (raw) => {
        const expected = flatten(raw);
        fc.pre(expected.length > 0);
        const { response, errors } = parseArgdown(`[S]: ${escapeArgdown(raw)}\n`);
        expect(errors).toEqual([]);
        expect(response.statements!.S!.members[0]!.text?.trim()).toBe(expected);
      }),
      { numRuns: 400 },
    );
  });
});

describe('Argdown import', () => {
  it('reads premise–conclusion structures, multi-step arguments, undercuts, contradictions and questions', () => {
    const source = [
      '# Parties',
      '',
      '[Q]: Do we need a party? #question',
      '  + [Thesis]: We need a party.',
      '',
      '<Continuity>: Movements need memory.',
      '',
      '(1) [Fade]: Movements fade.',
      '(2) [Memory]: Memory keeps them.',
      '----',
      '(3) [Org]: Organisation is needed.',
      '(4) [Form]: A party is that organisation.',
      '----',
      '(5) [Thesis]',
      '',
      '[Sects]: Parties become sects.',
      '  _> <Continuity>',
      '  >< [Thesis]',
      '',
      '<Sketch>: Parties always betray.',
      '  -> [Thesis]',
      '  <_ [Oops]: A sketch has no inference to undercut.',
    ].join('\n');
    const result = plan(source, []);
    const { graph } = result;
    const args = Object.values(graph.arguments).map((a) => `${a.premiseIds.map((p) => graph.nodes[p]!.text).join(' + ')} ⇒ ${graph.nodes[a.conclusionId]!.text}`);
    expect(args.sort()).toEqual([
      'Movements fade. + Memory keeps them. ⇒ Organisation is needed.',
      'Organisation is needed. + A party is that organisation. ⇒ We need a party.',
    ]);
    expect(relations(graph)).toEqual([
      'answers: We need a party. → Do we need a party?',
      'attacks: A sketch has no inference to undercut. → Parties always betray.',
      'attacks: Parties always betray. → We need a party.',
      'attacks: Parties become sects. → We need a party.',
      'attacks: We need a party. → Parties become sects.',
      'undercuts: Parties become sects. → <A party is that organisation. + Organisation is needed. ⇒ We need a party.>',
    ]);
    expect(graph.nodes[Object.keys(graph.nodes).find((id) => graph.nodes[id]!.text === 'Do we need a party?')!]!.kind).toBe('question');
    expect(result.problems.map((p) => [p.severity, p.at, p.message.slice(0, 40)])).toEqual([
      ['warning', 'line 6', '<Continuity> has 2 inference steps; each'],
      ['warning', 'line 20', '<Sketch> has no premise–conclusion struct'],
      ['warning', 'line 18', 'A contradiction is imported as two attac'],
      ['warning', 'line 22', 'The undercut of <Sketch> (which has no p'],
    ].map(([s, at, m]) => [s, at, expect.stringContaining(m!.slice(0, 30))]));
  });

  it('reports syntax errors with their line as errors', () => {
    const result = plan('[A]: fine\n\n[B]: broken <html> text\n', []);
    expect(result.problems).toContainEqual(expect.objectContaining({ severity: 'error', at: 'line 3', message: expect.stringContaining('Argdown syntax') }));
  });

  it('refuses a file without any statement, and a pathological one, with a stable code', () => {
    const fails = (text: string) => {
      try {
        importArgdown(text);
      } catch (error) {
        return error instanceof ImportFailure ? error.code : String(error);
      }
      return null;
    };
    expect(fails('{"format": "counterpoint", "version": 1}')).toBe('IMPORT_WRONG_FORMAT');
    expect(fails('// only a comment\n')).toBe('IMPORT_INVALID');
    let deep = '[A]: a\n';
    for (let i = 1; i < 3000; i++) deep += `${'  '.repeat(i)}+ [S${i}]: s\n`;
    expect(fails(deep)).toBe('IMPORT_INVALID');
    expect(fails(`[A]: ${'x'.repeat(3 * 1024 * 1024)}`)).toBe('IMPORT_INVALID');
  });
});
