import { useSyncExternalStore } from 'react';
import type { PresenceState, PresenceStore } from './presence-store';

/** Subscribes a component to who is in the map and the connection state. */
export function usePresence(store: PresenceStore): PresenceState {
  return useSyncExternalStore(store.subscribe, store.getState);
}
