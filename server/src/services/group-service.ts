import type { Group } from '@counterpoint/shared';
import type { Db } from '../db/prisma.js';
import type { Actor } from '../plugins/actor.js';

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
  };
}

export type GroupService = ReturnType<typeof createGroupService>;
