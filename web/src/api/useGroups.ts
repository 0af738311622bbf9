import { useQuery } from '@tanstack/react-query';
import { fetchGroups } from './endpoints';
import { groupKeys } from './query-keys';

/** The study groups the current user belongs to, with their role in each. */
export function useGroups() {
  return useQuery({ queryKey: groupKeys.list(), queryFn: fetchGroups });
}
