import { ANY_ROLE_LIST, type SearchResult } from '@counterpoint/shared';
import type { Db } from '../db/prisma.js';
import type { Actor } from '../plugins/actor.js';
import { requireRole } from '../repositories/membership-repository.js';
import { searchGroup } from '../repositories/search-repository.js';

/** Full-text search of a group: its maps' claims, evidence, questions and notes, and its sources' passages. */
export function createSearchService(db: Db) {
  return {
    async search(groupId: string, actor: Actor, q: string, limit: number): Promise<SearchResult> {
      await requireRole(db, groupId, actor.userId, ANY_ROLE_LIST);
      return { query: q, hits: await searchGroup(db, groupId, q, limit) };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
