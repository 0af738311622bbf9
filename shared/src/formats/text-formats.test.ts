import { describe, expect, it } from 'vitest';
import { exportDot, dotString } from './dot/export.js';
import { emptyDraft } from './draft.js';
import { IDS, richInput } from './fixtures.test-support.js';
import { exportGraphml, xmlEscape } from './graphml/export.js';
import { layoutDraft } from './layout.js';
import { exportOutline, markdownEscape } from './outline/export.js';
import { buildOutline } from './outline/outline.js';
import { anchor, resolveSources } from './resolve-sources.js';
import { fileStem, wrapLines } from './wrap.js';

const HOSTILE = 'Text <script>alert("x")</script> & \'quotes\' \u0000 \\N [link](javascript:x) *bold*';

describe('GraphML', () => {
  const xml = exportGraphml(richInput());

  it('has a vertex per node, argument and undercut edge, and an arc per relation half, with kinds as attributes', () => {
    expect(xml.match(/<node id=/g)).toHaveLength(9 + 1 + 1);
    // answers, attacks, quotes, the undercut supports in two halves, two undercuts; the argument's premises and conclusion.
    expect(xml.match(/<edge id=/g)).toHaveLength(7 + 3);
    expect(xml).toContain(`<node id="${IDS.argument}">`);
    expect(xml).toContain('<data key="kind">argument</data>');
    expect(xml).toContain('<data key="ekind">undercuts</data>');
    expect(xml).toContain('<data key="source">The Problem with “International” Parties</data>');
    expect(xml).toContain('<y:ShapeNode>');
  });

  it('escapes markup, so text stays text', () => {
    expect(xml).toContain('A party built by &lt;b&gt;regroupment&lt;/b&gt; &amp; not by one &quot;sect&quot;.');
    expect(xml).not.toMatch(/<b>/);
    expect(xmlEscape(HOSTILE)).toBe('Text &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;quotes&apos;  \\N [link](javascript:x) *bold*');
  });
});

describe('DOT', () => {
  it('quotes every id and label, doubling backslashes so Graphviz escapes cannot be injected', () => {
    expect(dotString(HOSTILE)).toBe('"Text <script>alert(\\"x\\")</script> & \'quotes\'  \\\\N [link](javascript:x) *bold*"');
    expect(dotString('two\nlines')).toBe('"two\\nlines"');
    const dot = exportDot(richInput());
    expect(dot.startsWith('digraph "Regroupment <debate>" {')).toBe(true);
    expect(dot).toContain('kind=undercuts');
    expect(dot.match(/ -> /g)).toHaveLength(10);
  });
});

describe('outline', () => {
  it('numbers the whole map Kialo-style from its questions, with pros, cons, arguments, undercuts and quotations', () => {
    const markdown = exportOutline(richInput());
    const lines = markdown.split('\n').filter((l) => /^\d/.test(l)).map((l) => l.replace(/\*\*/g, '').slice(0, 40));
    expect(lines).toEqual([
      '1. Question: What kind of organisation d',
      '1.1. Answer: A party built by &lt;b&gt;r',
      '1.1.1. Pro: Coalitions are vital.',
      '1.1.1.1. Undercut: The premises are abou',
      '1.1.2. Pro (together): the regroupment a',
      '1.1.2.1. Premise: No small group holds t',
      '1.1.2.1.1. Evidence: Ray in comment 1',
      '1.1.2.2. Premise: New radicalisations ne',
      '1.1.2.3. Undercut: Regroupment always fa',
      '1.1.3. Con: Regroupment always failed: s',
    ]);
    expect(markdown).toContain('> “Trotsky never said "remain within" the KMT.”\n> — *The Problem with “International” Parties (2012)*');
    expect(markdown).toContain('(see 1.1.2.3)');
    expect(markdown).toContain('## Notes\n\n- Compare the letter of 2009.');
  });

  it('starts from a chosen root and leaves out the rest', () => {
    const markdown = exportOutline(richInput(), IDS.premiseA);
    expect(markdown.split('\n').filter((l) => /^\d/.test(l))).toEqual(['1. **Claim:** No small group holds the tradition.', '1.1. **Evidence:** Ray in comment 1']);
    expect(markdown).not.toContain('## Notes');
  });

  it('shows every node of the whole map once, even in a cycle', () => {
    const input = richInput();
    const shown = new Set<string>();
    const walk = (items: ReturnType<typeof buildOutline>['items']) => items.forEach((i) => { if (i.nodeId && !i.seeAlso) shown.add(i.nodeId); walk(i.children); });
    const outline = buildOutline(input.graph);
    walk(outline.items);
    expect([...shown, ...outline.notes.map((n) => n.id)].sort()).toEqual(Object.keys(input.graph.nodes).sort());
  });

  it('escapes Markdown and HTML', () => {
    expect(markdownEscape(HOSTILE)).toBe('Text &lt;script&gt;alert("x")&lt;/script&gt; &amp; \'quotes\' \\\\N \\[link\\](javascript:x) \\*bold\\*');
  });
});

describe('helpers', () => {
  it('makes file names from titles', () => {
    expect(fileStem('Permanent révolution: in the comments!')).toBe('permanent-revolution-in-the-comments');
    expect(fileStem('<<>>')).toBe('map');
  });

  it('wraps text at spaces', () => {
    expect(wrapLines('one two three four', 9)).toEqual(['one two', 'three', 'four']);
  });

  it('anchors a quotation at its offsets, else at its one occurrence, else by its prefix and suffix', () => {
    const text = 'a cat and a cat and a dog';
    const quote = (start: number | null, prefix = '', suffix = '') => ({ sourceKey: 's', exact: 'a cat', prefix, suffix, start, end: null });
    expect(anchor(quote(10), text)).toEqual({ start: 10, end: 15 });
    expect(anchor(quote(3), text)).toEqual({ start: 0, end: 5 });
    expect(anchor(quote(null, 'and ', ' and'), text)).toEqual({ start: 10, end: 15 });
    expect(anchor({ ...quote(null), exact: 'a bird' }, text)).toBeNull();
  });

  it('anchors to a group source with the same title when the file has no text, and warns when the offset moved', () => {
    const draft = emptyDraft('t');
    draft.sources.push({ key: 's1', id: null, title: 'Essay', kind: 'essay', author: null, date: null, url: null, text: null });
    draft.nodes.push({ key: 'n', kind: 'evidence', text: '', x: 0, y: 0, quote: { sourceKey: 's1', exact: 'dog', prefix: '', suffix: '', start: 1, end: 4 }, at: 'line 1' });
    const resolved = resolveSources(draft, [{ id: 'g1', title: 'essay ', text: 'a cat and a dog' }], () => 'new');
    expect(resolved.sources).toEqual([{ key: 's1', action: 'reuse', id: 'g1' }]);
    expect(resolved.draft.nodes[0]!.quote).toMatchObject({ sourceKey: 'g1', start: 12, end: 15, prefix: 'a cat and a ' });
    expect(resolved.draft.problems).toEqual([expect.objectContaining({ at: 'line 1', message: expect.stringContaining('found at 12, not 1') })]);
  });

  it('lays out nodes without positions in layers: conclusions above their reasons', () => {
    const draft = emptyDraft('t');
    for (const key of ['top', 'mid', 'low']) draft.nodes.push({ key, kind: 'claim', text: key, x: null, y: null, quote: null, at: null });
    draft.edges.push({ key: 'e1', kind: 'supports', fromKey: 'mid', toKey: 'top', label: '', at: null });
    draft.edges.push({ key: 'e2', kind: 'attacks', fromKey: 'low', toKey: 'mid', label: '', at: null });
    draft.edges.push({ key: 'e3', kind: 'attacks', fromKey: 'top', toKey: 'low', label: '', at: null }); // a cycle
    const positions = layoutDraft(draft);
    expect(new Set([...positions.values()].map((p) => p.y)).size).toBe(3);
  });
});
