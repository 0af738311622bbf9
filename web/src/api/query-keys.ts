/**
 * TanStack Query keys, one factory per domain. Keys nest (all → list → one), so a mutation invalidates exactly
 * the level it touched, e.g. `mapKeys.lists()` after creating a map refreshes every group's list.
 */
export const groupKeys = {
  all: ['groups'] as const,
  list: () => [...groupKeys.all, 'list'] as const,
  members: (groupId: string) => [...groupKeys.all, 'members', groupId] as const,
};

export const mapKeys = {
  all: ['maps'] as const,
  lists: () => [...mapKeys.all, 'list'] as const,
  list: (groupId: string) => [...mapKeys.lists(), groupId] as const,
  details: () => [...mapKeys.all, 'detail'] as const,
  detail: (mapId: string) => [...mapKeys.details(), mapId] as const,
};

export const sourceKeys = {
  all: ['sources'] as const,
  lists: () => [...sourceKeys.all, 'list'] as const,
  list: (groupId: string) => [...sourceKeys.lists(), groupId] as const,
  detail: (sourceId: string) => [...sourceKeys.all, 'detail', sourceId] as const,
  /** Quotations of a group's maps (by source, map or status): invalidated with `sourceKeys.all`. */
  quotations: (groupId: string, filter: object) => [...sourceKeys.all, 'quotations', groupId, filter] as const,
};

export const searchKeys = {
  all: ['search'] as const,
  query: (groupId: string, q: string) => [...searchKeys.all, groupId, q] as const,
};
