import search from 'approx-string-match';
import { z } from 'zod';
import { selectQuote, type QuoteSelector } from './quote.js';

/**
 * Where a quotation stands after its source text changed.
 * - `placed`: its exact words are still at its offsets (context selectors refreshed).
 * - `moved`: found elsewhere, or its words were corrected: new selectors point at the words in the new text.
 * - `unplaced`: no confident match; the old selectors are kept and a person has to fix it.
 */
export const AnchorStatus = z.enum(['placed', 'moved', 'unplaced']);
export type AnchorStatus = z.infer<typeof AnchorStatus>;

export interface AnchorResult {
  status: AnchorStatus;
  /** The selectors in the new text; for `unplaced`, the old selectors unchanged. */
  quote: QuoteSelector;
  /** How well the chosen place matches, 0–1 (quote, prefix, suffix, position); 0 when unplaced. */
  score: number;
}

/** How sure re-anchoring must be. A place failing these is not taken: the quotation is flagged instead. */
export const ANCHOR_RULES = {
  /** Fuzzy matches need at least this share of the quote right (at most 25% of characters edited). */
  minQuoteSimilarity: 0.75,
  /** The words around a match must resemble the quotation's prefix and suffix at least this much. */
  minContextSimilarity: 0.5,
  /** An exact occurrence this long, found once, is the quotation even if everything around it changed. */
  uniqueExactMinLength: 32,
  /** Quotes shorter than this are only matched exactly: a few edited letters could be any word. */
  fuzzyMinLength: 8,
  /** Most edits a fuzzy match may have (keeps matching a long quote against a book fast). */
  maxErrors: 256,
  /** Exact occurrences looked at (a common word occurs thousands of times in a book). */
  maxCandidates: 2_000,
} as const;

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 10 };

interface Candidate {
  start: number;
  end: number;
  quoteSimilarity: number;
  /** Mean similarity of prefix and suffix; null when the quotation has no context to compare. */
  context: number | null;
  score: number;
}

/**
 * Finds a quotation in a new revision of its source text, as W3C TextQuote/TextPosition anchoring does: the
 * exact words at the old offsets first, then exact occurrences elsewhere, then a fuzzy match (approx-string-match,
 * Myers' bit-parallel algorithm). Candidates are scored on the quote, the prefix, the suffix and the distance
 * from the old position; one that fails ANCHOR_RULES is never taken, so a quotation is flagged `unplaced` rather
 * than silently attached to other words.
 */
export function reanchorQuote(quote: QuoteSelector, text: string): AnchorResult {
  const best = atOldPlace(quote, text) ?? bestOf(exactCandidates(quote, text)) ?? bestOf(fuzzyCandidates(quote, text));
  if (!best) return { status: 'unplaced', quote, score: 0 };
  const next = selectQuote(quote.sourceId, text, best.start, best.end);
  const unmoved = best.start === quote.start && best.end === quote.end && next.exact === quote.exact;
  return { status: unmoved ? 'placed' : 'moved', quote: next, score: Math.round(best.score * 1000) / 1000 };
}

function atOldPlace(quote: QuoteSelector, text: string): Candidate | null {
  if (text.slice(quote.start, quote.end) !== quote.exact) return null;
  const candidate = scored(quote, text, quote.start, quote.end, 0);
  return acceptable(candidate, quote, 1) ? candidate : null;
}

function exactCandidates(quote: QuoteSelector, text: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(quote.exact); at !== -1 && found.length < ANCHOR_RULES.maxCandidates; at = text.indexOf(quote.exact, at + 1)) {
    found.push(scored(quote, text, at, at + quote.exact.length, 0));
  }
  return found.filter((c) => acceptable(c, quote, found.length));
}

/**
 * Fuzzy matches near the old place first, then anywhere: approx-string-match answers only the matches with the
 * fewest edits, so a lightly edited quotation elsewhere could hide the corrected one at its own place.
 */
function fuzzyCandidates(quote: QuoteSelector, text: string): Candidate[] {
  if (quote.exact.length < ANCHOR_RULES.fuzzyMinLength) return [];
  const maxErrors = Math.min(ANCHOR_RULES.maxErrors, Math.floor(quote.exact.length * (1 - ANCHOR_RULES.minQuoteSimilarity)));
  const reach = Math.max(2 * quote.exact.length, 2_000);
  const from = Math.max(0, quote.start - reach);
  const windows = [{ from, to: Math.min(text.length, quote.end + reach) }, { from: 0, to: text.length }];
  for (const window of windows) {
    const matches = search(text.slice(window.from, window.to), quote.exact, maxErrors).slice(0, ANCHOR_RULES.maxCandidates);
    const found = matches
      .map((m) => scored(quote, text, window.from + m.start, window.from + m.end, m.errors))
      .filter((c) => acceptable(c, quote, Infinity));
    if (found.length > 0 || (window.from === 0 && window.to === text.length)) return found;
  }
  return [];
}

/** The rules of ANCHOR_RULES; `occurrences` is how often the exact words occur (Infinity for fuzzy matches). */
function acceptable(c: Candidate, quote: QuoteSelector, occurrences: number): boolean {
  if (c.end <= c.start || c.quoteSimilarity < ANCHOR_RULES.minQuoteSimilarity) return false;
  const exact = c.quoteSimilarity === 1;
  if (exact && occurrences === 1 && quote.exact.length >= ANCHOR_RULES.uniqueExactMinLength) return true;
  // Without context to compare (a quotation of the whole text), only the exact words will do.
  if (c.context === null) return exact;
  return c.context >= ANCHOR_RULES.minContextSimilarity;
}

function scored(quote: QuoteSelector, text: string, start: number, end: number, errors: number): Candidate {
  const quoteSimilarity = 1 - errors / quote.exact.length;
  const prefix = similarity(text.slice(Math.max(0, start - quote.prefix.length), start), quote.prefix, start === 0);
  const suffix = similarity(text.slice(end, end + quote.suffix.length), quote.suffix, end === text.length);
  const known = [prefix, suffix].filter((s): s is number => s !== null);
  const context = known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
  const position = 1 - Math.abs(start - quote.start) / Math.max(text.length, 1);
  const total =
    WEIGHTS.quote * quoteSimilarity +
    // A side with nothing to compare counts as a coin toss, so a match that does reach the text's edge wins.
    WEIGHTS.prefix * (prefix ?? 0.5) +
    WEIGHTS.suffix * (suffix ?? 0.5) +
    WEIGHTS.position * position;
  return { start, end, quoteSimilarity, context, score: total / 100 };
}

/**
 * 1 − edits/length of `expected` found in `actual`. An empty context means the quotation touched the start or
 * end of the text: the same there now is a match (1), text there now says nothing either way (null).
 */
function similarity(actual: string, expected: string, atEdge: boolean): number | null {
  if (expected.length === 0) return atEdge ? 1 : null;
  if (actual.length === 0) return 0;
  const matches = search(actual, expected, expected.length);
  const errors = matches.length ? Math.min(...matches.map((m) => m.errors)) : expected.length;
  return Math.max(0, 1 - errors / expected.length);
}

function bestOf(candidates: readonly Candidate[]): Candidate | null {
  let best: Candidate | null = null;
  for (const c of candidates) if (!best || c.score > best.score) best = c;
  return best;
}
