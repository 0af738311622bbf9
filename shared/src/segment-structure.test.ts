import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PASSAGE_MAX_CHARS, segmentText } from './segment.js';

/** [kind, text, number] of each passage. */
const passages = (text: string) => segmentText(text).map((p) => [p.kind, text.slice(p.start, p.end), p.number] as const);

describe('segmentText: structure inside blocks', () => {
  it('splits numbered lines of one block into list items, joining wrapped lines to the item above', () => {
    const text = 'A syllogism:\n\n  1. First premise;\n  2. Second premise,\n     wrapped;\n  3. Therefore a conclusion.';
    expect(passages(text)).toEqual([
      ['paragraph', 'A syllogism:', null],
      ['list_item', '1. First premise;', '1'],
      ['list_item', '2. Second premise,\n     wrapped;', '2'],
      ['list_item', '3. Therefore a conclusion.', '3'],
    ]);
  });

  it('makes a lone numbered title a numbered heading', () => {
    expect(passages('2. The problem of the “Micro-Party”\n\nText follows here.')[0]).toEqual(['heading', '2. The problem of the “Micro-Party”', '2']);
  });

  it('reads Markdown headings and footnotes', () => {
    expect(passages('# Results and Prospects\n\nBody text.\n\n[ii] Engels, MECW, p. 120.')).toEqual([
      ['heading', '# Results and Prospects', null],
      ['paragraph', 'Body text.', null],
      ['footnote', '[ii] Engels, MECW, p. 120.', 'ii'],
    ]);
  });

  it('separates a heading line from the wrapped paragraph right below it', () => {
    const wrapped = 'The theory of permanent revolution holds that in a backward\ncountry the democratic tasks can only be completed by the\nworking class taking power at the head of the peasantry.';
    expect(passages(`Permanent revolution\n${wrapped}\n\n${wrapped}`).slice(0, 2)).toEqual([
      ['heading', 'Permanent revolution', null],
      ['paragraph', wrapped, null],
    ]);
  });

  it('reads an unbulleted list after a colon, item by item, and leaves a wrapped paragraph whole', () => {
    const text = 'The party has to:\n\nencourage members to become leaders\ntrain members in the theory of\ncontradiction and change\nlearn from history.';
    expect(passages(text).slice(1).map(([kind, t]) => [kind, t])).toEqual([
      ['list_item', 'encourage members to become leaders'],
      ['list_item', 'train members in the theory of\ncontradiction and change'],
      ['list_item', 'learn from history.'],
    ]);
    expect(passages('No colon here\n\nencourage members to become leaders\nand learn from history.')[1]![0]).toBe('paragraph');
  });

  it('drops separator lines such as " * ** **"', () => {
    expect(passages('End of a section.\n * ** **\n\nNext.').map(([, t]) => t)).toEqual(['End of a section.', 'Next.']);
  });

  it('treats a block set apart by double blank lines as a block quotation', () => {
    const text = 'One.\n\nTwo.\n\n\nA quoted passage, set apart.\n\n\nThree.\n\nFour.';
    expect(passages(text).map(([kind]) => kind)).toEqual(['paragraph', 'paragraph', 'quote', 'paragraph', 'paragraph']);
  });

  it('cuts a passage longer than the limit at a sentence end, keeping every piece a span of the text', () => {
    const sentence = 'The revolution is permanent. ';
    const text = sentence.repeat(Math.ceil((PASSAGE_MAX_CHARS * 2.5) / sentence.length)).trim();
    const drafts = segmentText(text);
    expect(drafts.length).toBe(3);
    for (const d of drafts) {
      expect(d.end - d.start).toBeLessThanOrEqual(PASSAGE_MAX_CHARS);
      expect(text.slice(d.start, d.end)).toMatch(/^The revolution.*permanent\.$/s);
    }
  });
});

describe('segmentText: comment threads', () => {
  const thread = [
    'A blog post title',
    '',
    'The post itself.',
    '',
    '  1. Jane Doe says:',
    '',
    '    I disagree with the post.',
    '',
    '    1. JMP said:',
    '',
    '      Thanks, but no.',
    '',
    '      1. A nested reply.',
    '',
    '    2. [cont.]',
    '',
    '      More of my reply.',
    '',
    '  2. I wrote this: a second comment.',
  ].join('\n');

  it('gives each comment its number, parent and the author a "says:" line names', () => {
    const drafts = segmentText(thread);
    const comments = drafts.map((p, i) => ({ ...p, i })).filter((p) => p.kind === 'comment');
    expect(comments.map((c) => [c.number, c.parentIndex === null ? null : drafts[c.parentIndex]!.number, c.author])).toEqual([
      ['1', null, 'Jane Doe'],
      ['1', '1', 'JMP'],
      ['1', '1', null],
      ['2', '1', null],
      ['2', null, null],
    ]);
    // "[cont.]" does not follow the reply it continues (a nested reply is between), so it stays a comment.
    expect(thread.slice(comments[3]!.start, comments[3]!.end)).toBe('2. [cont.]\n\n      More of my reply.');
    expect(thread.slice(comments[0]!.start, comments[0]!.end)).toBe('1. Jane Doe says:\n\n    I disagree with the post.');
  });
});

describe('segmentText: properties', () => {
  const piece = fc.constantFrom('word', 'Title', '1.', '  2.', '[i]', '# ', '“', '”', '.', ',', ':', ' ', '  ', '\n', '\n\n', '\n\n\n', '\r\n', '\t', '- ', '🚩', 'and', '[cont.]');
  const texts = fc.array(piece, { maxLength: 80 }).map((parts) => parts.join(''));

  it('finds ordered, disjoint, trimmed spans covering every word, with parents before their replies', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const drafts = segmentText(text);
        let previousEnd = 0;
        for (const [i, d] of drafts.entries()) {
          expect(d.start).toBeGreaterThanOrEqual(previousEnd);
          expect(d.end).toBeGreaterThan(d.start);
          const span = text.slice(d.start, d.end);
          expect(span).toBe(span.trim());
          if (d.parentIndex !== null) expect(d.parentIndex).toBeLessThan(i);
          previousEnd = d.end;
        }
        // Every letter and digit belongs to a passage: only white space and separator lines fall between them.
        for (const match of text.matchAll(/[\p{L}\p{N}]/gu)) {
          expect(drafts.some((d) => d.start <= match.index && match.index < d.end)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finds nothing in blank text and one passage in one line of words', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ \t\r\n]*$/), (blank) => {
        expect(segmentText(blank)).toEqual([]);
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,8}( [a-z]{1,8}){0,20}\.$/), (line) => {
        expect(segmentText(line).map((d) => [d.start, d.end])).toEqual([[0, line.length]]);
      }),
    );
  });
});
