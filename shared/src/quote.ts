import { z } from 'zod';
import { storableString } from './text.js';
import { Id } from './ids.js';

/** How much context before and after a quotation is kept in its TextQuoteSelector. */
export const QUOTE_CONTEXT_CHARS = 32;

/**
 * Where a quotation sits in its source, as the W3C Web Annotation model does it: a TextQuoteSelector
 * (`exact` with `prefix` and `suffix` context) plus a TextPositionSelector (`start`, `end` offsets into the
 * source text, end exclusive). The quote selector lets the quotation re-anchor when the text changes.
 */
export const QuoteSelector = z
  .object({
    sourceId: Id,
    exact: storableString().min(1).max(20_000),
    prefix: storableString().max(200),
    suffix: storableString().max(200),
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
  })
  .refine((q) => q.end - q.start === q.exact.length, {
    message: 'end - start must equal the length of exact',
    path: ['end'],
  });
export type QuoteSelector = z.infer<typeof QuoteSelector>;

/** True when `index` falls between the two halves of a surrogate pair (inside an emoji, say). */
function splitsPair(text: string, index: number): boolean {
  const before = text.charCodeAt(index - 1);
  const after = text.charCodeAt(index);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/**
 * Builds the selectors for `text.slice(start, end)` of a source. No selector cuts a character in half: a span
 * end inside a surrogate pair moves out to take the whole character, and the context stops short of one, since
 * half a pair cannot be stored (see isStorableText).
 */
export function selectQuote(sourceId: string, text: string, start: number, end: number): QuoteSelector {
  if (splitsPair(text, start)) start -= 1;
  if (splitsPair(text, end)) end += 1;
  let prefixStart = Math.max(0, start - QUOTE_CONTEXT_CHARS);
  if (splitsPair(text, prefixStart)) prefixStart += 1;
  let suffixEnd = end + QUOTE_CONTEXT_CHARS;
  if (splitsPair(text, suffixEnd)) suffixEnd -= 1;
  return {
    sourceId,
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
    start,
    end,
  };
}

/** True when the position selector points at exactly the quoted words of `text`. */
export function quoteMatches(quote: QuoteSelector, text: string): boolean {
  return text.slice(quote.start, quote.end) === quote.exact;
}
