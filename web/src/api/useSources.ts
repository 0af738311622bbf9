import { useQuery } from '@tanstack/react-query';
import { fetchGroupSources, fetchSource } from './endpoints';
import { sourceKeys } from './query-keys';

export function useGroupSources(groupId: string | undefined) {
  return useQuery({
    queryKey: sourceKeys.list(groupId ?? ''),
    queryFn: () => fetchGroupSources(groupId!),
    enabled: groupId !== undefined,
  });
}

export function useSource(sourceId: string | undefined) {
  return useQuery({
    queryKey: sourceKeys.detail(sourceId ?? ''),
    queryFn: () => fetchSource(sourceId!),
    enabled: sourceId !== undefined,
  });
}
