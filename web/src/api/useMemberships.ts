import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CreatedInvitation, Group, InvitationPreview, type CreateGroupBody, type Role } from '@counterpoint/shared';
import { fetchMembers } from './endpoints';
import { request } from './http';
import { groupKeys } from './query-keys';

export const useMembers = (groupId: string) => useQuery({ queryKey: groupKeys.members(groupId), queryFn: () => fetchMembers(groupId) });

export function useCreateGroup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateGroupBody) => request('POST', '/api/groups', Group, body),
    onSuccess: () => client.invalidateQueries({ queryKey: groupKeys.all }),
  });
}

export const useCreateInvitation = (groupId: string) =>
  useMutation({ mutationFn: (role: Role) => request('POST', `/api/groups/${groupId}/invitations`, CreatedInvitation, { role }) });

export const useInvitationPreview = (token: string) =>
  useQuery({ queryKey: ['invitations', token], queryFn: () => request('GET', `/api/invitations/${encodeURIComponent(token)}`, InvitationPreview), retry: false });

export function useAcceptInvitation(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => request('POST', `/api/invitations/${encodeURIComponent(token)}/accept`, Group),
    onSuccess: () => client.invalidateQueries({ queryKey: groupKeys.all }),
  });
}

/** Role changes and removals (a member removing themselves is leaving). */
export function useMemberChange(groupId: string) {
  const client = useQueryClient();
  const done = () => client.invalidateQueries({ queryKey: groupKeys.all });
  return {
    changeRole: useMutation({
      mutationFn: ({ userId, role }: { userId: string; role: Role }) => request('PATCH', `/api/groups/${groupId}/members/${userId}`, null, { role }),
      onSuccess: done,
    }),
    remove: useMutation({ mutationFn: (userId: string) => request('DELETE', `/api/groups/${groupId}/members/${userId}`, null), onSuccess: done }),
  };
}
