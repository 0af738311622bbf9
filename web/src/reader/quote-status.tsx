import type { Graph, QuoteSelector } from '@counterpoint/shared';
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { sourceKeys } from '../api/query-keys';
import { fetchQuotations } from './api';

/** Evidence nodes of the open map whose quotation re-anchoring could not place, with the selectors it kept. */
const UnplacedContext = createContext<ReadonlyMap<string, QuoteSelector>>(new Map());

/**
 * Provides the map's unplaced quotations to its evidence nodes. The server's list is matched against the live
 * graph: once someone re-anchors a quotation (a new quote on the node), it stops counting as unplaced at once,
 * before the list is fetched again.
 */
export function UnplacedQuotesProvider({ groupId, mapId, graph, children }: { groupId: string; mapId: string; graph: Graph; children: ReactNode }) {
  const filter = { mapId, status: 'unplaced' } as const;
  const listed = useQuery({ queryKey: sourceKeys.quotations(groupId, filter), queryFn: () => fetchQuotations(groupId, filter) });
  const unplaced = useMemo(() => {
    const found = new Map<string, QuoteSelector>();
    for (const q of listed.data ?? []) {
      const current = graph.nodes[q.nodeId]?.quote;
      if (current && current.start === q.quote.start && current.exact === q.quote.exact) found.set(q.nodeId, current);
    }
    return found;
  }, [listed.data, graph.nodes]);
  return <UnplacedContext.Provider value={unplaced}>{children}</UnplacedContext.Provider>;
}

/** True when this evidence node's quotation is flagged unplaced. */
export const useIsUnplaced = (nodeId: string) => useContext(UnplacedContext).has(nodeId);
