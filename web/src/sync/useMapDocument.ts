import { graphFromLists, type MapSnapshot } from '@counterpoint/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { fetchMapSnapshot } from '../api/endpoints';
import { mapKeys } from '../api/query-keys';
import { MapDocument, type MapDocumentState } from './map-document';
import { httpTransport } from './ops-transport';

/**
 * One client id per page load, and one sequence for it: ops are identified by (clientId, clientSeq), so every
 * map opened in this tab draws its sequence numbers from the same counter.
 */
const PAGE_CLIENT_ID = crypto.randomUUID();
let pageNextSeq = 0;
const allocatePageSeq = (count: number) => {
  const first = pageNextSeq;
  pageNextSeq += count;
  return first;
};

declare global {
  interface Window {
    /** Read-only hooks for browser tests and debugging. */
    __counterpoint?: { getGraph(): MapDocumentState['graph']; readonly version: number; readonly pendingOps: number };
  }
}

/**
 * Loads a map's snapshot and keeps one MapDocument for it while the editor is open. The snapshot query is not
 * refetched behind the document's back: after loading, the document (and later the live sync) owns the graph.
 */
export function useMapDocument(mapId: string) {
  const snapshot = useQuery({
    queryKey: mapKeys.detail(mapId),
    queryFn: () => fetchMapSnapshot(mapId),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const queryClient = useQueryClient();
  const [doc, setDoc] = useState<MapDocument | null>(null);
  const data: MapSnapshot | undefined = snapshot.data;

  useEffect(() => {
    if (!data) return;
    const created = new MapDocument({ mapId, graph: graphFromLists(data), version: data.version }, httpTransport, {
      clientId: PAGE_CLIENT_ID,
      allocateSeq: allocatePageSeq,
    });
    setDoc(created);
    const onOnline = () => created.retryNow();
    // Closing the tab with unsaved edits loses them; ask first.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (created.getState().pendingOps > 0) event.preventDefault();
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('beforeunload', onBeforeUnload);
    window.__counterpoint = {
      getGraph: () => created.getState().graph,
      get version() {
        return created.getState().version;
      },
      get pendingOps() {
        return created.getState().pendingOps;
      },
    };
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('beforeunload', onBeforeUnload);
      delete window.__counterpoint;
      created.dispose();
      setDoc(null);
      // Map lists show each map's version and node count, which the edits here changed.
      void queryClient.invalidateQueries({ queryKey: mapKeys.lists() });
    };
  }, [mapId, data, queryClient]);

  return { snapshot, doc: doc?.mapId === mapId ? doc : null };
}

const noSubscribe = () => () => {};
const noState = () => null;

/** Subscribes a component to a MapDocument's state. */
export function useMapDocumentState(doc: MapDocument | null): MapDocumentState | null {
  return useSyncExternalStore(doc ? doc.subscribe : noSubscribe, doc ? doc.getState : noState);
}
