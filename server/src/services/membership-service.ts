import { randomBytes } from 'node:crypto';
import {
  ANY_ROLE_LIST,
  type ChangeRoleBody,
  type CreatedInvitation,
  type CreateGroupBody,
  type CreateInvitationBody,
  type Group,
  type InvitationPreview,
  type Role,
} from '@counterpoint/shared';
import type { Db } from '../db/prisma.js';
import { AppError } from '../errors.js';
import type { Actor } from '../plugins/actor.js';
import { requireRole } from '../repositories/membership-repository.js';
import { hashToken } from '../repositories/session-repository.js';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

const OWNER_ONLY: readonly Role[] = ['owner'];

/** Locks the group row, so two concurrent role changes cannot both remove "the other" owner. */
async function lockGroup(tx: Tx, groupId: string) {
  await tx.$queryRaw`SELECT id FROM groups WHERE id = ${groupId}::uuid FOR UPDATE`;
}

/** Refuses a change that would leave the group with no owner. */
async function keepAnOwner(tx: Tx, groupId: string, target: { role: Role }, newRole: Role | null) {
  if (target.role !== 'owner' || newRole === 'owner') return;
  const owners = await tx.membership.count({ where: { groupId, role: 'owner' } });
  if (owners <= 1) {
    throw new AppError('LAST_OWNER', 'A group needs at least one owner: make someone else an owner first.');
  }
}

/** Creating groups, inviting people into them, roles, leaving and removing. */
export function createMembershipService(db: Db) {
  async function openInvitation(token: string, now = new Date()) {
    const invitation = await db.invitation.findUnique({
      where: { tokenHash: hashToken(token) },
      include: { group: true, createdBy: true },
    });
    if (!invitation) throw new AppError('INVITATION_NOT_FOUND', 'That invitation link is not valid. Ask for a new one.');
    if (invitation.acceptedAt) throw new AppError('INVITATION_USED', 'That invitation link has already been used. Ask for a new one.');
    if (invitation.expiresAt <= now) throw new AppError('INVITATION_EXPIRED', 'That invitation link has expired. Ask for a new one.');
    return invitation;
  }

  return {
    async createGroup(actor: Actor, body: CreateGroupBody): Promise<Group> {
      const group = await db.group.create({
        data: { name: body.name, description: body.description ?? '', memberships: { create: { userId: actor.userId, role: 'owner' } } },
      });
      const { id, name, description, createdAt } = group;
      return { id, name, description, role: 'owner', createdAt: createdAt.toISOString() };
    },

    async createInvitation(groupId: string, actor: Actor, body: CreateInvitationBody): Promise<CreatedInvitation> {
      await requireRole(db, groupId, actor.userId, OWNER_ONLY);
      const token = randomBytes(24).toString('base64url');
      const expiresAt = new Date(Date.now() + (body.expiresInHours ?? 168) * 3_600_000);
      const invitation = await db.invitation.create({
        data: { groupId, role: body.role, tokenHash: hashToken(token), createdById: actor.userId, expiresAt },
      });
      return { id: invitation.id, token, role: invitation.role, expiresAt: expiresAt.toISOString() };
    },

    async previewInvitation(token: string): Promise<InvitationPreview> {
      const invitation = await openInvitation(token);
      return {
        groupId: invitation.groupId,
        groupName: invitation.group.name,
        role: invitation.role,
        invitedBy: invitation.createdBy.name,
        expiresAt: invitation.expiresAt.toISOString(),
      };
    },

    /** Joins the group with the invitation's role; the link is then used up. */
    async acceptInvitation(token: string, actor: Actor): Promise<Group> {
      const invitation = await openInvitation(token);
      const existing = await db.membership.findUnique({ where: { groupId_userId: { groupId: invitation.groupId, userId: actor.userId } } });
      if (existing) throw new AppError('ALREADY_MEMBER', `You are already a member of ${invitation.group.name}.`);
      await db.$transaction(async (tx) => {
        // Claimed with a conditional update: of two people racing for one link, exactly one gets it.
        const claimed = await tx.invitation.updateMany({
          where: { id: invitation.id, acceptedAt: null, expiresAt: { gt: new Date() } },
          data: { acceptedAt: new Date(), acceptedById: actor.userId },
        });
        if (claimed.count === 0) throw new AppError('INVITATION_USED', 'That invitation link has already been used. Ask for a new one.');
        await tx.membership.create({ data: { groupId: invitation.groupId, userId: actor.userId, role: invitation.role } });
      });
      const { id, name, description, createdAt } = invitation.group;
      return { id, name, description, role: invitation.role, createdAt: createdAt.toISOString() };
    },

    async changeRole(groupId: string, userId: string, actor: Actor, body: ChangeRoleBody): Promise<void> {
      await db.$transaction(async (tx) => {
        await requireRole(tx, groupId, actor.userId, OWNER_ONLY);
        await lockGroup(tx, groupId);
        const target = await findMember(tx, groupId, userId);
        await keepAnOwner(tx, groupId, target, body.role);
        await tx.membership.update({ where: { groupId_userId: { groupId, userId } }, data: { role: body.role } });
      });
    },

    /** Leaving (oneself, any role) or removing someone else (owners only). */
    async removeMember(groupId: string, userId: string, actor: Actor): Promise<void> {
      await db.$transaction(async (tx) => {
        await requireRole(tx, groupId, actor.userId, userId === actor.userId ? ANY_ROLE_LIST : OWNER_ONLY);
        await lockGroup(tx, groupId);
        const target = await findMember(tx, groupId, userId);
        await keepAnOwner(tx, groupId, target, null);
        await tx.membership.delete({ where: { groupId_userId: { groupId, userId } } });
      });
    },
  };
}

async function findMember(tx: Tx, groupId: string, userId: string) {
  const member = await tx.membership.findUnique({ where: { groupId_userId: { groupId, userId } } });
  if (!member) throw new AppError('MEMBER_NOT_FOUND', 'That person is not a member of this group.');
  return member;
}

export type MembershipService = ReturnType<typeof createMembershipService>;
