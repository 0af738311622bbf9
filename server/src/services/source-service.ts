import { randomUUID } from 'node:crypto';
import {
  ANY_ROLE_LIST,
  EDITING_ROLES,
  type Quotation,
  type QuotationsQuery,
  type Role,
  type SourceDetail,
  type SourceKind,
  type SourceSummary,
} from '@counterpoint/shared';
import type { Db } from '../db/prisma.js';
import { AppError } from '../errors.js';
import type { Actor } from '../plugins/actor.js';
import { requireRole, type DbClient } from '../repositories/membership-repository.js';
import { listQuotations } from '../repositories/quotation-repository.js';
import { detailInclude, summaryInclude, toDetail, toSummary, writePassages } from '../repositories/source-repository.js';

/** A new source as the API has validated it (metadata defaults applied). */
export interface NewSource {
  title: string;
  kind: SourceKind;
  author: string | null;
  date: string | null;
  url: string | null;
  text: string;
}

const sourceNotFound = () => new AppError('SOURCE_NOT_FOUND', 'That source was not found.');

/**
 * The group of a source, after checking the actor's role in it. A stranger gets SOURCE_NOT_FOUND exactly as for a
 * source that does not exist, so ids of other groups' sources reveal nothing.
 */
export async function authorizeSource(db: DbClient, sourceId: string, actor: Actor, roles: readonly Role[] = ANY_ROLE_LIST) {
  const source = await db.source.findUnique({ where: { id: sourceId }, select: { groupId: true } });
  if (!source) throw sourceNotFound();
  try {
    await requireRole(db, source.groupId, actor.userId, roles);
  } catch (error) {
    if (error instanceof AppError && error.code === 'GROUP_NOT_FOUND') throw sourceNotFound();
    throw error;
  }
  return source.groupId;
}

/** Sources of a group: import (segmented into passages, first revision kept), list, read. */
export function createSourceService(db: Db) {
  return {
    async list(groupId: string, actor: Actor): Promise<SourceSummary[]> {
      await requireRole(db, groupId, actor.userId, ANY_ROLE_LIST);
      const rows = await db.source.findMany({ where: { groupId }, include: summaryInclude, orderBy: { createdAt: 'asc' } });
      return rows.map(toSummary);
    },

    async create(groupId: string, actor: Actor, input: NewSource): Promise<SourceDetail> {
      await requireRole(db, groupId, actor.userId, EDITING_ROLES);
      if (input.text.includes('\u0000')) throw new AppError('VALIDATION_FAILED', 'The text contains binary data (NUL characters).');
      const id = randomUUID();
      // Answered from what was written: reading a book's passages back would double the import's time.
      return db.$transaction(
        async (tx) => {
          const { text, ...meta } = input;
          const row = await tx.source.create({ data: { id, groupId, ...meta, text } });
          await tx.sourceRevision.create({ data: { sourceId: id, revision: 1, text, authorId: actor.userId } });
          const passages = await writePassages(tx, id, text);
          return { ...toSummary({ ...row, _count: { passages: passages.length } }), text, passages };
        },
        { timeout: 30_000 },
      );
    },

    async get(sourceId: string, actor: Actor): Promise<SourceDetail> {
      await authorizeSource(db, sourceId, actor);
      const row = await db.source.findUnique({ where: { id: sourceId }, include: detailInclude });
      if (!row) throw sourceNotFound();
      return toDetail(row);
    },

    /** The quotations of a group's maps (for the reader's highlights and the list of unplaced ones to fix). */
    async quotations(groupId: string, actor: Actor, filter: QuotationsQuery): Promise<Quotation[]> {
      await requireRole(db, groupId, actor.userId, ANY_ROLE_LIST);
      return listQuotations(db, groupId, filter);
    },
  };
}

export type SourceService = ReturnType<typeof createSourceService>;
