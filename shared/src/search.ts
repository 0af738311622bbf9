import { z } from 'zod';
import { storableString } from './text.js';
import { Id } from './ids.js';
import { NodeKind } from './kinds.js';
import { PassageKind } from './source.js';

/**
 * A full-text search of one group (PostgreSQL websearch syntax: words, "a phrase", -excluded, or). Terms are
 * stemmed, so "revolutions" finds "revolution".
 */
export const SearchQuery = z.object({
  q: storableString().trim().min(1, 'Type something to search for.').max(300),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type SearchQuery = z.input<typeof SearchQuery>;

/** A piece of a result snippet; `match` pieces are the words that matched (shown highlighted). */
export const SnippetPart = z.object({ text: z.string(), match: z.boolean() });
export type SnippetPart = z.infer<typeof SnippetPart>;

const HitBase = z.object({
  /** Relevance (ts_rank_cd); higher is better. Hits come best first. */
  rank: z.number(),
  snippet: z.array(SnippetPart),
});

/**
 * What a search result points at.
 * - `node`: a claim, evidence quotation, question or note on a map (open the map, focus the node).
 * - `passage`: a passage of a source (open the source in the reader at the passage).
 */
export const SearchHit = z.discriminatedUnion('type', [
  HitBase.extend({
    type: z.literal('node'),
    nodeId: Id,
    nodeKind: NodeKind,
    mapId: Id,
    mapTitle: z.string(),
  }),
  HitBase.extend({
    type: z.literal('passage'),
    passageId: Id,
    passageKind: PassageKind,
    passageIndex: z.number().int().nonnegative(),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    sourceId: Id,
    sourceTitle: z.string(),
  }),
]);
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({ query: z.string(), hits: z.array(SearchHit) });
export type SearchResult = z.infer<typeof SearchResult>;
