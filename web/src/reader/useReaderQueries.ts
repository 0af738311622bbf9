import type { CreateSourceBody, QuotationsQuery, ReviseSourceTextBody } from '@counterpoint/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { searchKeys, sourceKeys } from '../api/query-keys';
import { fetchQuotations, importSourceText, reviseSourceText, searchGroup, uploadSourceFile } from './api';

/** Quotations of a group's maps, filtered (the reader lists the unplaced ones of the open source). */
export function useQuotations(groupId: string, filter: QuotationsQuery) {
  return useQuery({ queryKey: sourceKeys.quotations(groupId, filter), queryFn: () => fetchQuotations(groupId, filter) });
}

/** Imports a source from pasted text or a file; refreshes the group's source list. */
export function useImportSource(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: CreateSourceBody } | { file: File; meta: Record<string, string> }) =>
      'file' in input ? uploadSourceFile(groupId, input.file, input.meta) : importSourceText(groupId, input.body),
    onSuccess: (source) => {
      queryClient.setQueryData(sourceKeys.detail(source.id), source);
      return queryClient.invalidateQueries({ queryKey: sourceKeys.lists() });
    },
  });
}

/** Corrects a source's text: its detail, lists and quotation statuses change; search results may too. */
export function useReviseSourceText(sourceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviseSourceTextBody) => reviseSourceText(sourceId, body),
    onSuccess: ({ source }) => {
      queryClient.setQueryData(sourceKeys.detail(source.id), source);
      void queryClient.invalidateQueries({ queryKey: searchKeys.all });
      return queryClient.invalidateQueries({ queryKey: sourceKeys.all, predicate: (q) => q.queryKey[2] !== source.id });
    },
  });
}

/** Full-text search of the group; empty until there is something to search for. */
export function useGroupSearch(groupId: string, q: string) {
  return useQuery({
    queryKey: searchKeys.query(groupId, q),
    queryFn: () => searchGroup(groupId, q),
    enabled: q.trim().length > 0,
    staleTime: 10_000,
  });
}
