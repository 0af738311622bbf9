import { describe, expect, it } from 'vitest';
import { reanchorQuote } from './anchor.js';
import { quoteMatches, selectQuote } from './quote.js';

const SOURCE = '00000000-0000-4000-8000-000000000001';

const TEXT = [
  'The theory of permanent revolution was first set out in 1906.',
  'It held that in a backward country the bourgeoisie was too weak to lead its own revolution.',
  'Therefore the working class, at the head of the peasantry, would have to take power.',
  'Having taken power, it could not stop at the democratic tasks; the revolution would grow over into socialism.',
].join('\n\n');

/** The selectors of the first occurrence of `words` in TEXT. */
function quoteOf(words: string, text = TEXT) {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`fixture: "${words}" not in text`);
  return selectQuote(SOURCE, text, start, start + words.length);
}

const QUOTE = 'the bourgeoisie was too weak to lead its own revolution';

describe('reanchorQuote', () => {
  it('leaves a quotation in an unchanged text where it is', () => {
    const quote = quoteOf(QUOTE);
    expect(reanchorQuote(quote, TEXT)).toEqual({ status: 'placed', quote, score: 1 });
  });

  it('keeps it placed, with fresh context, when only the text around it changed', () => {
    const quote = quoteOf(QUOTE);
    const edited = TEXT.replace('first set out in 1906', 'first set out in 1905');
    const result = reanchorQuote(quote, edited);
    expect(result.status).toBe('placed');
    expect(result.quote).toEqual(quoteOf(QUOTE, edited));
  });

  it('moves it by the length of an insertion before it', () => {
    const quote = quoteOf(QUOTE);
    const inserted = 'A note by the editors: this is a summary.\n\n';
    const result = reanchorQuote(quote, inserted + TEXT);
    expect(result.status).toBe('moved');
    expect(result.quote).toMatchObject({ exact: QUOTE, start: quote.start + inserted.length, end: quote.end + inserted.length });
    expect(quoteMatches(result.quote, inserted + TEXT)).toBe(true);
  });

  it('follows a deletion before it and an insertion after it', () => {
    const quote = quoteOf(QUOTE);
    const edited = TEXT.replace(' was first set out in 1906', '').replace('own revolution.', 'own revolution, as 1905 had shown.');
    const result = reanchorQuote(quote, edited);
    expect(result.status).toBe('moved');
    expect(result.quote.exact).toBe(QUOTE);
    expect(quoteMatches(result.quote, edited)).toBe(true);
  });

  it('re-anchors to the corrected words when the quotation itself was edited (a typo fixed)', () => {
    const typo = TEXT.replace('too weak to lead', 'to weak to laed');
    const quote = quoteOf('the bourgeoisie was to weak to laed its own revolution', typo);
    const result = reanchorQuote(quote, TEXT);
    expect(result.status).toBe('moved');
    expect(result.quote).toEqual(quoteOf(QUOTE));
    expect(result.score).toBeGreaterThan(0.9);
  });

  it('re-anchors a quotation whose middle was reworded, as long as most of it stands', () => {
    const quote = quoteOf('Therefore the working class, at the head of the peasantry, would have to take power.');
    const edited = TEXT.replace('at the head of the peasantry', 'leading the peasantry');
    const result = reanchorQuote(quote, edited);
    expect(result.status).toBe('moved');
    expect(result.quote.exact).toBe('Therefore the working class, leading the peasantry, would have to take power.');
  });

  it('flags a quotation whose words were deleted, keeping its old selectors', () => {
    const quote = quoteOf(QUOTE);
    const deleted = TEXT.replace(`It held that in a backward country ${QUOTE}.\n\n`, '');
    expect(reanchorQuote(quote, deleted)).toEqual({ status: 'unplaced', quote, score: 0 });
  });

  it('flags a quotation rewritten beyond recognition', () => {
    const quote = quoteOf(QUOTE);
    const rewritten = TEXT.replace(QUOTE, 'the liberals could never carry a revolution through');
    expect(reanchorQuote(quote, rewritten).status).toBe('unplaced');
  });

  it('does not jump to the same short words elsewhere when its own occurrence is gone', () => {
    const quote = quoteOf('take power');
    const edited = TEXT.replace('would have to take power', 'would have to rule').replace('Having taken power', 'Having had to take power');
    expect(edited).toContain('take power');
    expect(reanchorQuote(quote, edited).status).toBe('unplaced');
  });

  it('picks, among repeated words, the occurrence whose context matches', () => {
    const text = 'First: the revolution is permanent. Second: the revolution is betrayed. Third: the revolution is permanent.';
    const third = text.lastIndexOf('the revolution is permanent');
    const quote = selectQuote(SOURCE, text, third, third + 'the revolution is permanent'.length);
    const edited = `Preface. ${text}`;
    const result = reanchorQuote(quote, edited);
    expect(result.status).toBe('moved');
    expect(result.quote.start).toBe(third + 'Preface. '.length);
  });

  it('finds a long quotation that moved to a new context (a paragraph moved), since its words occur once', () => {
    const paragraphs = TEXT.split('\n\n');
    const moved = [paragraphs[3], paragraphs[0], paragraphs[1], paragraphs[2]].join('\n\n');
    const quote = quoteOf(paragraphs[1]!);
    const result = reanchorQuote(quote, moved);
    expect(result.status).toBe('moved');
    expect(result.quote.exact).toBe(paragraphs[1]);
  });

  it('follows a quotation of the whole text through a small correction, not through a replacement', () => {
    const whole = selectQuote(SOURCE, 'A short text.', 0, 13);
    expect(reanchorQuote(whole, 'A short text.').status).toBe('placed');
    expect(reanchorQuote(whole, 'A short text!')).toMatchObject({ status: 'moved', quote: { exact: 'A short text!', start: 0, end: 13 } });
    expect(reanchorQuote(whole, 'Something else entirely.').status).toBe('unplaced');
  });

  it('flags everything when the text was replaced by another', () => {
    expect(reanchorQuote(quoteOf(QUOTE), 'An entirely different document about something else.').status).toBe('unplaced');
  });
});
