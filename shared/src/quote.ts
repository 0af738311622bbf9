import { z } from 'zod';
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
    exact: z.string().min(1).max(20_000),
    prefix: z.string().max(200),
    suffix: z.string().max(200),
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
  })
  .refine((q) => q.end - q.start === q.exact.length, {
    message: 'end - start must equal the length of exact',
    path: ['end'],
  });
export type QuoteSelector = z.infer<typeof QuoteSelector>;

/** Builds the selectors for `text.slice(start, end)` of a source. */
export function selectQuote(sourceId: string, text: string, start: number, end: number): QuoteSelector {
  return {
    sourceId,
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT_CHARS), start),
    suffix: text.slice(end, end + QUOTE_CONTEXT_CHARS),
    start,
    end,
  };
}

/** True when the position selector points at exactly the quoted words of `text`. */
export function quoteMatches(quote: QuoteSelector, text: string): boolean {
  return text.slice(quote.start, quote.end) === quote.exact;
}
