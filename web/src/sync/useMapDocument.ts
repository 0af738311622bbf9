import { graphFromLists, type MapSnapshot } from '@counterpoint/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { loadMapSnapshot } from '../pages/route-prefetch';
import { mapKeys } from '../api/query-keys';
import { PresenceStore } from '../presence/presence-store';
import { LiveConnection } from './live-connection';
import { MapDocument, type MapDocumentState } from './map-document';
import { liveOrHttpTransport } from './ops-transport';
import { discussionKeys } from '../api/useDiscussion';

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

export interface OpenMap {
  doc: MapDocument;
  live: LiveConnection;
  presence: PresenceStore;
}

function liveUrl(mapId: string): string {
  const protocol = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${protocol}://${window.location.host}/api/maps/${mapId}/live`;
}

/**
 * Loads a map's snapshot and keeps one MapDocument for it while the editor is open, fed live by the map's
 * WebSocket. The snapshot query is not refetched behind the document's back: the document owns the graph.
 */
export function useMapDocument(mapId: string) {
  const snapshot = useQuery({
    queryKey: mapKeys.detail(mapId),
    queryFn: () => loadMapSnapshot(mapId),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<OpenMap | null>(null);
  const data: MapSnapshot | undefined = snapshot.data;

  useEffect(() => {
    if (!data) return;
    const presence = new PresenceStore();
    const live = new LiveConnection(liveUrl(mapId), {
      onStatus: (status) => presence.setStatus(status),
      onWelcome: (welcome) => presence.welcome(welcome),
      onPresence: (peers) => presence.upsert(peers),
      onPeerLeft: (id) => presence.remove(id),
      onDiscussion: () => void queryClient.invalidateQueries({ queryKey: discussionKeys.map(mapId) }),
    });
    const doc = new MapDocument({ mapId, graph: graphFromLists(data), version: data.version }, liveOrHttpTransport(live), {
      clientId: PAGE_CLIENT_ID,
      allocateSeq: allocatePageSeq,
    });
    live.attach(doc);
    setOpen({ doc, live, presence });
    const onOnline = () => doc.retryNow();
    // Closing the tab with unsaved edits loses them; ask first.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (doc.getState().pendingOps > 0) event.preventDefault();
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('beforeunload', onBeforeUnload);
    window.__counterpoint = {
      getGraph: () => doc.getState().graph,
      get version() {
        return doc.getState().version;
      },
      get pendingOps() {
        return doc.getState().pendingOps;
      },
    };
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('beforeunload', onBeforeUnload);
      delete window.__counterpoint;
      live.stop();
      doc.dispose();
      setOpen(null);
      // Map lists show each map's version and node count, which the edits here changed.
      void queryClient.invalidateQueries({ queryKey: mapKeys.lists() });
    };
  }, [mapId, data, queryClient]);

  return { snapshot, open: open?.doc.mapId === mapId ? open : null };
}

const noSubscribe = () => () => {};
const noState = () => null;

/** Subscribes a component to a MapDocument's state. */
export function useMapDocumentState(doc: MapDocument | null): MapDocumentState | null {
  return useSyncExternalStore(doc ? doc.subscribe : noSubscribe, doc ? doc.getState : noState);
}
