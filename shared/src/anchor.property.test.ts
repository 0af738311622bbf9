import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reanchorQuote } from './anchor.js';
import { quoteMatches, selectQuote } from './quote.js';

const SOURCE = '00000000-0000-4000-8000-000000000001';

/** Random prose-like text: words of random letters, so a long enough quote occurs once. */
const prose = (minWords: number) =>
  fc.array(fc.stringMatching(/^[a-z]{1,9}$/), { minLength: minWords, maxLength: 200 }).map((words) => words.join(' '));

/** A text with a quotation of at least 16 characters in it. */
const quoted = prose(12).chain((text) =>
  fc
    .integer({ min: 0, max: text.length - 16 })
    .chain((start) => fc.integer({ min: start + 16, max: Math.min(text.length, start + 120) }).map((end) => ({ text, start, end }))),
);

describe('reanchorQuote properties', () => {
  it('places every quotation of an unchanged text exactly where it was', () => {
    fc.assert(
      fc.property(quoted, ({ text, start, end }) => {
        const quote = selectQuote(SOURCE, text, start, end);
        expect(reanchorQuote(quote, text)).toEqual({ status: 'placed', quote, score: 1 });
      }),
    );
  });

  it('follows an insertion anywhere outside the quotation to the shifted offsets', () => {
    fc.assert(
      fc.property(quoted, prose(1), fc.boolean(), ({ text, start, end }, insertion, before) => {
        const quote = selectQuote(SOURCE, text, start, end);
        const at = before ? start : end;
        const edited = `${text.slice(0, at)} ${insertion} ${text.slice(at)}`;
        const shift = before ? insertion.length + 2 : 0;
        const result = reanchorQuote(quote, edited);
        expect(result.status).not.toBe('unplaced');
        expect(result.quote).toMatchObject({ exact: quote.exact, start: start + shift, end: end + shift });
      }),
    );
  });

  it('answers only selectors that match the new text, or keeps the old ones when unplaced', () => {
    fc.assert(
      fc.property(quoted, prose(1), fc.nat(), fc.nat(), ({ text, start, end }, replacement, a, b) => {
        // An arbitrary edit: replace some span of the text (perhaps overlapping the quotation).
        const from = a % text.length;
        const to = Math.min(text.length, from + (b % 60));
        const edited = text.slice(0, from) + replacement + text.slice(to);
        const quote = selectQuote(SOURCE, text, start, end);
        const result = reanchorQuote(quote, edited);
        if (result.status === 'unplaced') expect(result.quote).toBe(quote);
        else expect(quoteMatches(result.quote, edited)).toBe(true);
      }),
    );
  });

  it('flags a quotation that was cut out of the text', () => {
    fc.assert(
      fc.property(quoted, ({ text, start, end }) => {
        const quote = selectQuote(SOURCE, text, start, end);
        const cut = text.slice(0, start) + text.slice(end);
        fc.pre(!cut.includes(quote.exact));
        expect(reanchorQuote(quote, cut).status).toBe('unplaced');
      }),
    );
  });
});
