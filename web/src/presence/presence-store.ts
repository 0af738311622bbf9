import type { Peer, ServerMessage } from '@counterpoint/shared';
import type { LiveStatus } from '../sync/live-connection';

export interface PresenceState {
  status: LiveStatus;
  /** This tab's own connection, once the server welcomed it. */
  me: Extract<ServerMessage, { type: 'welcome' }>['user'] | null;
  myConnectionId: string | null;
  /** Everyone else with the map open, one entry per connection. */
  peers: readonly Peer[];
}

/**
 * Who else is in the map and what they are doing, plus the state of the live connection. Ephemeral: it comes
 * from the WebSocket and is never stored. An external store so only the parts of the UI that show presence
 * re-render at presence rate.
 */
export class PresenceStore {
  private state: PresenceState = { status: 'connecting', me: null, myConnectionId: null, peers: [] };
  private readonly listeners = new Set<() => void>();

  getState = (): PresenceState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setStatus(status: LiveStatus): void {
    // Peers seen before a drop may have left meanwhile; the next welcome says who is here.
    this.set({ status, peers: status === 'connected' ? this.state.peers : [] });
  }

  welcome(message: Extract<ServerMessage, { type: 'welcome' }>): void {
    this.set({ me: message.user, myConnectionId: message.connectionId, peers: message.peers });
  }

  /** Adds or replaces peers; one update (and one render) for a whole presence message. */
  upsert(peers: readonly Peer[]): void {
    const changed = new Set(peers.map((p) => p.connectionId));
    const others = this.state.peers.filter((p) => !changed.has(p.connectionId));
    this.set({ peers: [...others, ...peers].sort((a, b) => a.user.name.localeCompare(b.user.name)) });
  }

  remove(connectionId: string): void {
    this.set({ peers: this.state.peers.filter((p) => p.connectionId !== connectionId) });
  }

  private set(patch: Partial<PresenceState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}
