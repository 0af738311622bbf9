import { describe, expect, it } from 'vitest';
import { QUOTE_CONTEXT_CHARS, QuoteSelector, quoteMatches, selectQuote } from './quote.js';

const SOURCE = '00000000-0000-4000-8000-000000000001';
/** 26 distinct letters, repeated: every window of the text is easy to reason about. */
const TEXT = 'abcdefghijklmnopqrstuvwxyz'.repeat(4);

describe('selectQuote', () => {
  it('takes the exact words and up to 32 characters of context on each side', () => {
    expect(QUOTE_CONTEXT_CHARS).toBe(32);
    expect(selectQuote(SOURCE, TEXT, 40, 45)).toEqual({
      sourceId: SOURCE,
      exact: 'opqrs',
      prefix: TEXT.slice(8, 40),
      suffix: TEXT.slice(45, 77),
      start: 40,
      end: 45,
    });
  });

  it('clips the context at the edges of the text', () => {
    const atStart = selectQuote(SOURCE, 'Hello world', 0, 5);
    expect(atStart).toMatchObject({ exact: 'Hello', prefix: '', suffix: ' world' });
    const atEnd = selectQuote(SOURCE, 'Hello world', 6, 11);
    expect(atEnd).toMatchObject({ exact: 'world', prefix: 'Hello ', suffix: '' });
  });

  it('builds a selector the schema accepts', () => {
    expect(QuoteSelector.safeParse(selectQuote(SOURCE, TEXT, 3, 90)).success).toBe(true);
  });

  it('counts offsets in UTF-16 code units, as JavaScript strings do', () => {
    const text = 'Trotsky — “permanent revolution” 🚩 here';
    const start = text.indexOf('“');
    const end = text.indexOf('🚩') + 2;
    const quote = selectQuote(SOURCE, text, start, end);
    expect(quote.exact).toBe('“permanent revolution” 🚩');
    expect(QuoteSelector.safeParse(quote).success).toBe(true);
  });

  it('never cuts a surrogate pair in half, so the selector is storable (half an emoji was a 500 on save)', () => {
    // The 32-character context windows of [33, 36) start and end inside an emoji.
    const text = `a🚩${'b'.repeat(31)}xyz${'c'.repeat(31)}🚩d`;
    const quote = selectQuote(SOURCE, text, 34, 37);
    expect(quote).toMatchObject({ exact: 'xyz', prefix: 'b'.repeat(31), suffix: 'c'.repeat(31) });
    expect(QuoteSelector.safeParse(quote).success).toBe(true);
    // A span whose ends fall inside emoji takes the whole emoji.
    const wide = selectQuote(SOURCE, text, 2, text.length - 2);
    expect(wide.exact).toBe(text.slice(1, text.length - 1));
    expect(quoteMatches(wide, text)).toBe(true);
  });
});

describe('quoteMatches', () => {
  const quote = selectQuote(SOURCE, TEXT, 10, 20);

  it('is true for the text the quote was taken from', () => {
    expect(quoteMatches(quote, TEXT)).toBe(true);
  });

  it('is false when the words at those offsets changed or moved', () => {
    expect(quoteMatches(quote, `X${TEXT}`)).toBe(false);
    expect(quoteMatches(quote, TEXT.replace('m', 'M'))).toBe(false);
    expect(quoteMatches(quote, TEXT.slice(0, 15))).toBe(false);
  });

  it('ignores the context: only the quoted span must match', () => {
    expect(quoteMatches({ ...quote, prefix: 'something else', suffix: '' }, TEXT)).toBe(true);
  });
});

describe('QuoteSelector', () => {
  it('rejects offsets that disagree with the length of the exact words', () => {
    expect(QuoteSelector.safeParse({ ...selectQuote(SOURCE, TEXT, 10, 20), end: 21 }).success).toBe(false);
  });

  it('rejects an empty quotation, negative offsets and a non-uuid source', () => {
    const quote = selectQuote(SOURCE, TEXT, 10, 20);
    expect(QuoteSelector.safeParse({ ...quote, exact: '', start: 20 }).success).toBe(false);
    expect(QuoteSelector.safeParse({ ...quote, start: -1, end: 9 }).success).toBe(false);
    expect(QuoteSelector.safeParse({ ...quote, sourceId: 'essay-1' }).success).toBe(false);
  });
});
