import { ANY_ROLE_LIST, type Group, type Member } from '@counterpoint/shared';
import type { Db } from '../db/prisma.js';
import type { Actor } from '../plugins/actor.js';
import { requireRole } from '../repositories/membership-repository.js';

/** Study groups as their members see them. */
export function createGroupService(db: Db) {
  return {
    async listForActor(actor: Actor): Promise<Group[]> {
      const memberships = await db.membership.findMany({
        where: { userId: actor.userId },
        include: { group: true },
        orderBy: { group: { createdAt: 'asc' } },
      });
      return memberships.map(({ group, role }) => ({
        id: group.id,
        name: group.name,
        description: group.description,
        role,
        createdAt: group.createdAt.toISOString(),
      }));
    },

    /** The group's members with their roles, for any member to see. */
    async members(groupId: string, actor: Actor): Promise<Member[]> {
      await requireRole(db, groupId, actor.userId, ANY_ROLE_LIST);
      const rows = await db.membership.findMany({ where: { groupId }, include: { user: true }, orderBy: { createdAt: 'asc' } });
      return rows.map(({ user, role }) => ({ user: { id: user.id, name: user.name, color: user.color }, role }));
    },
  };
}

export type GroupService = ReturnType<typeof createGroupService>;
