import { randomUUID } from 'node:crypto';
import {
  ANY_ROLE_LIST,
  EDITING_ROLES,
  segmentText,
  type CreateSourceBody,
  type Passage,
  type SourceDetail,
  type SourceSummary,
} from '@counterpoint/shared';
import type { Db } from '../db/prisma.js';
import type { Prisma } from '../generated/prisma/client.js';
import { AppError } from '../errors.js';
import type { Actor } from '../plugins/actor.js';
import { requireRole } from '../repositories/membership-repository.js';

const summaryInclude = { _count: { select: { passages: true } } } as const;
type SourceRow = Prisma.SourceGetPayload<{ include: typeof summaryInclude }>;

function toSummary(row: SourceRow): SourceSummary {
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

/** Sources of a group: import (segmented into passages, first revision kept), list, read. */
export function createSourceService(db: Db) {
  return {
    async list(groupId: string, actor: Actor): Promise<SourceSummary[]> {
      await requireRole(db, groupId, actor.userId, ANY_ROLE_LIST);
      const rows = await db.source.findMany({ where: { groupId }, include: summaryInclude, orderBy: { createdAt: 'asc' } });
      return rows.map(toSummary);
    },

    async create(groupId: string, actor: Actor, input: CreateSourceBody & { author: string | null; date: string | null; url: string | null }): Promise<SourceDetail> {
      await requireRole(db, groupId, actor.userId, EDITING_ROLES);
      if (input.text.includes('\u0000')) throw new AppError('VALIDATION_FAILED', 'The text contains binary data (NUL characters).');
      const id = randomUUID();
      await db.$transaction(async (tx) => {
        await tx.source.create({ data: { id, groupId, title: input.title, kind: input.kind, author: input.author, date: input.date, url: input.url, text: input.text } });
        await tx.sourceRevision.create({ data: { sourceId: id, revision: 1, text: input.text } });
        await tx.passage.createMany({ data: passageRows(id, input.text) });
      });
      return this.get(id, actor);
    },

    async get(sourceId: string, actor: Actor): Promise<SourceDetail> {
      const row = await db.source.findUnique({
        where: { id: sourceId },
        include: { ...summaryInclude, passages: { orderBy: { index: 'asc' } } },
      });
      const missing = () => new AppError('SOURCE_NOT_FOUND', 'That source was not found.');
      if (!row) throw missing();
      try {
        await requireRole(db, row.groupId, actor.userId, ANY_ROLE_LIST);
      } catch (error) {
        if (error instanceof AppError && error.code === 'GROUP_NOT_FOUND') throw missing();
        throw error;
      }
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
    },
  };
}

export type SourceService = ReturnType<typeof createSourceService>;
