import type { MapSnapshot } from '@counterpoint/shared';
import { fetchMapSnapshot } from '../api/endpoints';
import { lazyPage } from './lazy-page';

const MAP_PATH = /^\/maps\/([0-9a-f-]{36})\/?$/i;

/** The map editor page; its code (React Flow and the rest) is split from the map list's. */
export const MapEditorPage = lazyPage(() => import('./MapEditorPage').then((m) => m.MapEditorPage));

/** Snapshots asked for at page load, waiting for the editor to take them. */
const prefetched = new Map<string, Promise<MapSnapshot>>();

/**
 * A map opened by its address starts loading the editor's code and the map's snapshot at once, side by side with
 * the sign-in check, instead of after it: in a row they took about a second of a cold load (P5 in
 * tests/bench/RESULTS.md).
 */
export function prefetchRoute(path: string): void {
  const mapId = MAP_PATH.exec(path)?.[1];
  if (!mapId) return;
  MapEditorPage.preload().catch(() => {}); // rendering the page reports a failed load
  const snapshot = fetchMapSnapshot(mapId);
  snapshot.catch(() => {}); // a visitor not signed in yet: the sign-in gate deals with it, not this request
  prefetched.set(mapId, snapshot);
}

/** The map's snapshot: the one started at page load if there is one (once), else a new request. */
export function loadMapSnapshot(mapId: string): Promise<MapSnapshot> {
  const early = prefetched.get(mapId);
  prefetched.delete(mapId);
  // One that failed (before signing in, say) is asked for again rather than shown as an error.
  return early ? early.catch(() => fetchMapSnapshot(mapId)) : fetchMapSnapshot(mapId);
}
