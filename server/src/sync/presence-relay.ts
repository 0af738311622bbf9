import { PRESENCE_HZ } from '@counterpoint/shared';
import type { HubConnection } from './sync-hub.js';

/** A room sends presence at most this often: the rate clients send it at. */
export const PRESENCE_TICK_MS = 1000 / PRESENCE_HZ;

/**
 * Relays a room's presence in ticks. Relaying each update to each member is members² messages (50 members at
 * 30 Hz: 73,500 a second); instead, each tick sends every member one `presence` message with the latest state of
 * each peer that changed since the last tick. A member's last state always goes out (coalesced, never dropped),
 * and nobody gets their own. Each peer is serialised once per tick. Ops never wait for this: they have their own
 * path through the hub.
 */
export class PresenceRelay {
  private readonly changedPeers = new Set<HubConnection>();
  private timer: NodeJS.Timeout | null = null;
  private lastTick = 0;

  constructor(private readonly deliver: (connection: HubConnection, text: string) => void) {}

  changed(connection: HubConnection, room: Iterable<HubConnection>): void {
    this.changedPeers.add(connection);
    if (this.timer) return;
    const wait = this.lastTick + PRESENCE_TICK_MS - Date.now();
    // After a quiet spell the first update goes out at once; then at most one message per tick.
    if (wait <= 0) return this.tick(room);
    this.timer = setTimeout(() => this.tick(room), wait);
  }

  leave(connection: HubConnection): void {
    this.changedPeers.delete(connection);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private tick(room: Iterable<HubConnection>): void {
    this.timer = null;
    this.lastTick = Date.now();
    if (this.changedPeers.size === 0) return;
    const parts = [...this.changedPeers].map((connection) => ({ connection, json: JSON.stringify(connection.peer) }));
    this.changedPeers.clear();
    const everyone = `{"type":"presence","peers":[${parts.map((p) => p.json).join(',')}]}`;
    for (const connection of room) {
      if (!parts.some((p) => p.connection === connection)) {
        this.deliver(connection, everyone);
        continue;
      }
      const others = parts.filter((p) => p.connection !== connection);
      if (others.length > 0) this.deliver(connection, `{"type":"presence","peers":[${others.map((p) => p.json).join(',')}]}`);
    }
  }
}
