import type { NodeKind, PassageKind, SearchHit, SnippetPart } from '@counterpoint/shared';
import type { Db } from '../db/prisma.js';

interface HitRow {
  type: 'node' | 'passage';
  id: string;
  kind: string;
  owner_id: string;
  owner_title: string;
  passage_index: number | null;
  start_offset: number | null;
  end_offset: number | null;
  rank: number;
  headline: string;
}

/** Marks ts_headline puts around matched words: control characters, which no stored text contains as markup. */
const START = '\u0002';
const STOP = '\u0003';
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
/** A short text (a claim, a heading) is shown whole: fragments would cut "Kronstadt 1921" down to "Kronstadt". */
const WHOLE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, HighlightAll=true`;
const WHOLE_MAX_CHARS = 280;

/**
 * Full-text search over a group's map nodes (text and quoted words) and source passages, using the generated
 * tsvector columns and their GIN indexes. Each side is ranked (ts_rank_cd, normalised by document length so a
 * long passage does not win by size) and cut to `limit` before the two are merged; only the final hits get a
 * ts_headline snippet, which is the expensive part: fragments around the matches, or the whole of a short text.
 */
export async function searchGroup(db: Pick<Db, '$queryRaw'>, groupId: string, q: string, limit: number): Promise<SearchHit[]> {
  const rows = await db.$queryRaw<HitRow[]>`
    WITH query AS (SELECT websearch_to_tsquery('english', ${q}) AS q),
    node_hits AS (
      SELECT 'node' AS type, n.id::text AS id, n.kind::text AS kind, m.id::text AS owner_id, m.title AS owner_title,
             NULL::int AS passage_index, NULL::int AS start_offset, NULL::int AS end_offset,
             concat_ws(' — ', nullif(n.text, ''), n.quote_exact) AS body,
             ts_rank_cd(n.search_vector, query.q, 1)::float8 AS rank
      FROM nodes n JOIN maps m ON m.id = n.map_id, query
      WHERE m.group_id = ${groupId}::uuid AND n.search_vector @@ query.q
      ORDER BY rank DESC LIMIT ${limit}
    ),
    passage_hits AS (
      SELECT 'passage' AS type, p.id::text, p.kind::text, s.id::text, s.title, p.index, p.start, p."end", p.text,
             ts_rank_cd(p.search_vector, query.q, 1)::float8
      FROM passages p JOIN sources s ON s.id = p.source_id, query
      WHERE s.group_id = ${groupId}::uuid AND p.search_vector @@ query.q
      ORDER BY 10 DESC LIMIT ${limit}
    ),
    top AS (
      SELECT * FROM (SELECT * FROM node_hits UNION ALL SELECT * FROM passage_hits) hits
      ORDER BY rank DESC, type, id LIMIT ${limit}
    )
    SELECT top.type, top.id, top.kind, top.owner_id, top.owner_title, top.passage_index, top.start_offset, top.end_offset,
           top.rank,
           ts_headline('english', top.body, query.q,
             CASE WHEN length(top.body) <= ${WHOLE_MAX_CHARS} THEN ${WHOLE_OPTIONS} ELSE ${HEADLINE_OPTIONS} END) AS headline
    FROM top, query
    ORDER BY top.rank DESC, top.type, top.id`;
  return rows.map(toHit);
}

function toHit(row: HitRow): SearchHit {
  const common = { rank: Number(row.rank), snippet: snippetParts(row.headline) };
  if (row.type === 'node') {
    return { type: 'node', ...common, nodeId: row.id, nodeKind: row.kind as NodeKind, mapId: row.owner_id, mapTitle: row.owner_title };
  }
  return {
    type: 'passage',
    ...common,
    passageId: row.id,
    passageKind: row.kind as PassageKind,
    passageIndex: row.passage_index!,
    start: row.start_offset!,
    end: row.end_offset!,
    sourceId: row.owner_id,
    sourceTitle: row.owner_title,
  };
}

/** Splits a ts_headline answer at its marks into plain and matched pieces (the client never parses HTML). */
export function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [i, piece] of headline.split(START).entries()) {
    if (i === 0) {
      if (piece) parts.push({ text: piece, match: false });
      continue;
    }
    const [matched = '', rest = ''] = piece.split(STOP);
    if (matched) parts.push({ text: matched, match: true });
    if (rest) parts.push({ text: rest, match: false });
  }
  return parts;
}
