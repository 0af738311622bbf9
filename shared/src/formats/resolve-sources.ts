import { NODE_TEXT_MAX } from '../graph.js';
import { selectQuote } from '../quote.js';
import { clip, warn, type DraftNode, type DraftQuote, type DraftSource, type ImportDraft } from './draft.js';

/** A source of the group an import goes into, which quotations of the file may be anchored to. */
export interface CandidateSource {
  id: string;
  title: string;
  text: string;
}

/** What happens to each source the file's quotations come from. */
export type SourcePlan =
  | { key: string; action: 'reuse'; id: string }
  /** Created on import; quotations name it by `placeholderId` until the server knows its real id. */
  | { key: string; action: 'create'; placeholderId: string; source: DraftSource & { text: string } };

export interface ResolvedSources {
  /** The draft with every quotation anchored (its `sourceKey` is now a source id or a placeholder id). */
  draft: ImportDraft;
  sources: SourcePlan[];
  /** Evidence that could not be anchored and became a claim. */
  demoted: number;
}

/**
 * Anchors every quotation of a draft to a source: the group's own copy (same id, or same title and text), else
 * the copy the file carries (created on import), else a group source with the same title that holds the words.
 * A quotation that fits none becomes a claim with the quoted words, with a warning: an import never writes
 * evidence whose selectors do not match its source.
 */
export function resolveSources(draft: ImportDraft, candidates: readonly CandidateSource[], newId: () => string): ResolvedSources {
  const out: ImportDraft = { ...draft, nodes: [...draft.nodes], edges: [...draft.edges], problems: [...draft.problems] };
  const sourceByKey = new Map(draft.sources.map((s) => [s.key, s]));
  const plans: SourcePlan[] = [];
  const planByKey = new Map<string, { id: string; text: string } | null>();
  let demoted = 0;

  const planFor = (key: string, quotes: DraftQuote[]) => {
    if (planByKey.has(key)) return planByKey.get(key)!;
    const source = sourceByKey.get(key);
    const choice = source ? chooseSource(source, quotes, candidates) : null;
    let plan: { id: string; text: string } | null = null;
    if (choice?.reuse) {
      plans.push({ key, action: 'reuse', id: choice.reuse.id });
      plan = choice.reuse;
    } else if (choice && source?.text != null) {
      const placeholderId = newId();
      plans.push({ key, action: 'create', placeholderId, source: { ...source, text: source.text } });
      plan = { id: placeholderId, text: source.text };
    }
    planByKey.set(key, plan);
    return plan;
  };

  const quotesBySource = new Map<string, DraftQuote[]>();
  for (const node of draft.nodes) {
    if (node.quote) quotesBySource.set(node.quote.sourceKey, [...(quotesBySource.get(node.quote.sourceKey) ?? []), node.quote]);
  }

  out.nodes = draft.nodes.map((node) => {
    if (node.kind !== 'evidence' || !node.quote) return node;
    const source = sourceByKey.get(node.quote.sourceKey);
    const plan = planFor(node.quote.sourceKey, quotesBySource.get(node.quote.sourceKey) ?? []);
    const anchored = plan ? anchor(node.quote, plan.text) : null;
    if (plan && anchored) {
      if (node.quote.start !== null && anchored.start !== node.quote.start) {
        warn(out, node.at, `The quotation was found at ${anchored.start}, not ${node.quote.start}, in “${source?.title}”; it is anchored there.`);
      }
      return { ...node, quote: { ...selectQuote(plan.id, plan.text, anchored.start, anchored.end), sourceKey: plan.id } };
    }
    demoted += 1;
    const why = !source
      ? 'the file does not describe its source'
      : plan
        ? `its words are not in “${source.title}”`
        : `the source “${source.title}” is not in this group and the file does not carry its text`;
    warn(out, node.at, `This quotation became a claim: ${why}.`);
    return asClaim(node, source?.title ?? null);
  });

  // A claim cannot "quote": what a demoted quotation backed, it now supports.
  const claims = new Set(out.nodes.filter((n) => n.kind === 'claim').map((n) => n.key));
  out.edges = draft.edges.map((e) => (e.kind === 'quotes' && claims.has(e.fromKey) ? { ...e, kind: 'supports' } : e));
  return { draft: out, sources: plans, demoted };
}

function asClaim(node: DraftNode, sourceTitle: string | null): DraftNode {
  const quoted = `“${node.quote!.exact}”${sourceTitle ? ` — ${sourceTitle}` : ''}`;
  const text = node.text ? `${node.text}: ${quoted}` : quoted;
  return { ...node, kind: 'claim', quote: null, text: clip(text, NODE_TEXT_MAX) };
}

/** Picks where a file's source lands: a group source to reuse, or (reuse null) the file's own copy. */
function chooseSource(
  source: DraftSource,
  quotes: DraftQuote[],
  candidates: readonly CandidateSource[],
): { reuse: { id: string; text: string } | null } | null {
  const sameTitle = (c: CandidateSource) => c.title.trim().toLowerCase() === source.title.trim().toLowerCase();
  const holdsAll = (c: CandidateSource) => quotes.every((q) => anchor(q, c.text) !== null);
  const sameId = candidates.find((c) => c.id === source.id && holdsAll(c));
  if (sameId) return { reuse: sameId };
  const sameText = candidates.find((c) => sameTitle(c) && source.text !== null && c.text === source.text);
  if (sameText) return { reuse: sameText };
  if (source.text !== null) return { reuse: null };
  const titled = candidates.find((c) => sameTitle(c) && holdsAll(c)) ?? candidates.find((c) => sameTitle(c) && quotes.some((q) => anchor(q, c.text)));
  return titled ? { reuse: titled } : null;
}

/**
 * Where a quotation sits in a text: at its stated offsets when the words are there, else the one occurrence of
 * its words (several: the one whose prefix and suffix match, else the one nearest the stated offset). Formats that
 * keep text on one line (Argdown) lose the quotation's line breaks, so words that differ only in white space match
 * too; the anchored quotation then takes the source's own words.
 */
export function anchor(quote: DraftQuote, text: string): { start: number; end: number } | null {
  const { exact, start } = quote;
  if (!exact) return null;
  if (start !== null && text.slice(start, start + exact.length) === exact) return { start, end: start + exact.length };
  if (start !== null && quote.end !== null && quote.end <= text.length && sameWords(text.slice(start, quote.end), exact)) return { start, end: quote.end };
  const found: number[] = [];
  for (let i = text.indexOf(exact); i !== -1 && found.length < 1000; i = text.indexOf(exact, i + 1)) found.push(i);
  if (found.length === 0) return /\s/.test(exact) ? anchorLoosely(exact, text) : null;
  const fits = found.filter(
    (i) =>
      i >= quote.prefix.length &&
      text.startsWith(quote.prefix, i - quote.prefix.length) &&
      text.startsWith(quote.suffix, i + exact.length),
  );
  const pool = fits.length > 0 ? fits : found;
  const best = start === null ? pool[0]! : pool.reduce((a, b) => (Math.abs(b - start) < Math.abs(a - start) ? b : a));
  return { start: best, end: best + exact.length };
}

const sameWords = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/** The first place the words occur with any white space between them. */
function anchorLoosely(exact: string, text: string): { start: number; end: number } | null {
  const words = exact.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (words.length > 500) return null;
  const match = new RegExp(words.join('\\s+')).exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}
