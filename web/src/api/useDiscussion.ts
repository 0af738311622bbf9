import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Comment, Stance, type PostCommentBody, type SetStanceBody } from '@counterpoint/shared';
import { z } from 'zod';
import { request } from './http';

/** Stances and comments of one map; live `stance`/`comment` messages invalidate `discussionKeys.map(mapId)`. */
export const discussionKeys = {
  all: ['discussion'] as const,
  map: (mapId: string) => [...discussionKeys.all, mapId] as const,
  stances: (mapId: string) => [...discussionKeys.map(mapId), 'stances'] as const,
  comments: (mapId: string) => [...discussionKeys.map(mapId), 'comments'] as const,
};

export const useMapStances = (mapId: string) =>
  useQuery({ queryKey: discussionKeys.stances(mapId), queryFn: () => request('GET', `/api/maps/${mapId}/stances`, z.array(Stance)) });

export const useMapComments = (mapId: string) =>
  useQuery({ queryKey: discussionKeys.comments(mapId), queryFn: () => request('GET', `/api/maps/${mapId}/comments`, z.array(Comment)) });

function useMapMutation<T>(mapId: string, call: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => client.invalidateQueries({ queryKey: discussionKeys.map(mapId) }) });
}

export const useSetStance = (mapId: string) =>
  useMapMutation(mapId, ({ nodeId, ...body }: SetStanceBody & { nodeId: string }) => request('PUT', `/api/nodes/${nodeId}/stance`, Stance, body));
export const usePostComment = (mapId: string) =>
  useMapMutation(mapId, ({ nodeId, ...body }: PostCommentBody & { nodeId: string }) => request('POST', `/api/nodes/${nodeId}/comments`, Comment, body));
export const useEditComment = (mapId: string) =>
  useMapMutation(mapId, ({ id, body }: { id: string; body: string }) => request('PATCH', `/api/comments/${id}`, Comment, { body }));
export const useDeleteComment = (mapId: string) => useMapMutation(mapId, (id: string) => request('DELETE', `/api/comments/${id}`, null));
export const useResolveThread = (mapId: string) =>
  useMapMutation(mapId, ({ id, resolved }: { id: string; resolved: boolean }) => request('POST', `/api/comments/${id}/resolve`, Comment, { resolved }));
