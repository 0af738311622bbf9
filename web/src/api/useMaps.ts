import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createMap, deleteMap, fetchGroupMaps, updateMap } from './endpoints';
import { mapKeys } from './query-keys';

export function useGroupMaps(groupId: string) {
  return useQuery({ queryKey: mapKeys.list(groupId), queryFn: () => fetchGroupMaps(groupId) });
}

export function useCreateMap(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (title: string) => createMap(groupId, { title }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mapKeys.list(groupId) }),
  });
}

export function useRenameMap() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ mapId, title }: { mapId: string; title: string }) => updateMap(mapId, { title }),
    // The title shows in lists and in the editor header.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mapKeys.all }),
  });
}

export function useDeleteMap() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mapId: string) => deleteMap(mapId),
    onSuccess: (_data, mapId) => {
      queryClient.removeQueries({ queryKey: mapKeys.detail(mapId) });
      return queryClient.invalidateQueries({ queryKey: mapKeys.lists() });
    },
  });
}
