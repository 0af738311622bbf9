import { randomUUID } from 'node:crypto';
import { segmentText, type Passage, type SourceDetail, type SourceSummary } from '@counterpoint/shared';
import type { Prisma } from '../generated/prisma/client.js';

type Tx = Prisma.TransactionClient;

export const summaryInclude = { _count: { select: { passages: true } } } as const;
export const detailInclude = { ...summaryInclude, passages: { orderBy: { index: 'asc' } } } as const;
type SummaryRow = Prisma.SourceGetPayload<{ include: typeof summaryInclude }>;
type DetailRow = Prisma.SourceGetPayload<{ include: typeof detailInclude }>;

export function toSummary(row: SummaryRow): SourceSummary {
  return {
    id: row.id,
    groupId: row.groupId,
    title: row.title,
    kind: row.kind,
    author: row.author,
    date: row.date,
    url: row.url,
    revision: row.revision,
    length: row.text.length,
    passageCount: row._count.passages,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toDetail(row: DetailRow): SourceDetail {
  const passages: Passage[] = row.passages.map((p) => ({
    id: p.id,
    index: p.index,
    kind: p.kind,
    start: p.start,
    end: p.end,
    text: p.text,
    number: p.number,
    author: p.author,
    parentId: p.parentId,
  }));
  return { ...toSummary(row), text: row.text, passages };
}

/** Builds passage rows for a text: ids are minted here so replies can name their parent in the same insert. */
export function passageRows(sourceId: string, text: string) {
  const drafts = segmentText(text);
  const ids = drafts.map(() => randomUUID());
  return drafts.map((draft, index) => ({
    id: ids[index]!,
    sourceId,
    index,
    kind: draft.kind,
    start: draft.start,
    end: draft.end,
    text: text.slice(draft.start, draft.end),
    number: draft.number,
    author: draft.author,
    parentId: draft.parentIndex === null ? null : ids[draft.parentIndex]!,
  }));
}

/**
 * Replaces a source's passages with those of `text` (its current text). One INSERT … SELECT unnest(arrays):
 * a book has over a thousand passages, and Prisma's createMany spends seconds on that many parameters where
 * PostgreSQL needs a tenth of a second. Replies name parents of the same statement, which the foreign key allows.
 */
export async function writePassages(tx: Tx, sourceId: string, text: string): Promise<Passage[]> {
  await tx.passage.deleteMany({ where: { sourceId } });
  const rows = passageRows(sourceId, text);
  if (rows.length === 0) return [];
  const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((row) => row[key]);
  await tx.$executeRaw`
    INSERT INTO passages (id, source_id, index, kind, start, "end", text, number, author, parent_id)
    SELECT * FROM unnest(
      ${column('id')}::uuid[], ${column('sourceId')}::uuid[], ${column('index')}::int[], ${column('kind')}::"PassageKind"[],
      ${column('start')}::int[], ${column('end')}::int[], ${column('text')}::text[], ${column('number')}::text[],
      ${column('author')}::text[], ${column('parentId')}::uuid[])`;
  return rows.map(({ sourceId: _sourceId, ...passage }) => passage);
}

/** The source row, locked for update until the transaction ends; null when there is none. */
export async function lockSource(tx: Tx, sourceId: string) {
  const rows = await tx.$queryRaw<{ id: string; group_id: string; revision: number; text: string }[]>`
    SELECT id::text AS id, group_id::text AS group_id, revision, text FROM sources WHERE id = ${sourceId}::uuid FOR UPDATE`;
  const row = rows[0];
  return row ? { id: row.id, groupId: row.group_id, revision: row.revision, text: row.text } : null;
}
