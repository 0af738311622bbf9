import type { Role } from '@counterpoint/shared';
import type { Db } from '../db/prisma.js';
import { AppError } from '../errors.js';

/** Db or a transaction client: both have the same model accessors. */
export type DbClient = Pick<Db, 'membership' | 'group' | 'map' | 'source' | 'user'>;

/**
 * The actor's role in a group, or GROUP_NOT_FOUND when they are not a member (a stranger learns nothing about
 * the group, not even that it exists), or FORBIDDEN when the role is not among `allowed`.
 */
export async function requireRole(db: DbClient, groupId: string, userId: string, allowed: readonly Role[]): Promise<Role> {
  const membership = await db.membership.findUnique({ where: { groupId_userId: { groupId, userId } } });
  if (!membership) throw new AppError('GROUP_NOT_FOUND', 'That group was not found, or you are not a member of it.');
  if (!allowed.includes(membership.role)) {
    throw new AppError('FORBIDDEN', `Your role (${membership.role}) does not allow this; it needs ${allowed.join(' or ')}.`);
  }
  return membership.role;
}

