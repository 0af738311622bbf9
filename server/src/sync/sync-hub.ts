import type { OpLogEntry, Peer, ServerMessage } from '@counterpoint/shared';
import { PresenceRelay } from './presence-relay.js';

/** One open WebSocket as the hub sees it. */
export interface HubConnection {
  readonly connectionId: string;
  /** Who is on the other end and what they are doing. */
  readonly peer: Peer;
  send(message: ServerMessage): void;
  /** Sends a message already serialised (a broadcast is serialised once for the whole room). */
  sendText(text: string): void;
  /** Ends the connection; the client reconnects and resumes from its last version. */
  close(code: number, reason: string): void;
}

interface Room {
  connections: Set<HubConnection>;
  /** Connections still receiving their catch-up: broadcasts wait for them, in order. */
  joining: Map<HubConnection, string[]>;
  /** Highest version broadcast to this room (everything up to it has been sent). */
  lastBroadcast: number;
  /** Log reads run one after another so ops go out once each and in order. */
  flushing: Promise<void>;
  /** A notification arrived while flushing: flush again afterwards. */
  dirty: boolean;
  /** Highest version announced since the last log read began (Infinity: read whatever there is). */
  announced: number;
  presence: PresenceRelay;
}

export interface HubStore {
  /** The map's current version. */
  mapVersion(mapId: string): Promise<number>;
  readOps(mapId: string, since: number, limit: number): Promise<OpLogEntry[]>;
}

const FLUSH_PAGE = 2_000;

/**
 * Fans committed ops out to every connection that has the map open on this server instance, exactly once per
 * connection and in version order, and only after they are durable. Commits made through this instance arrive
 * with their ops from memory right after COMMIT (`publish`), so they go out without a log read. Commits made
 * anywhere arrive as `notify({mapId, version})` (PostgreSQL NOTIFY); whatever has not been broadcast by then is
 * read from the log. Each message is serialised once for the whole room.
 */
export class SyncHub {
  private readonly rooms = new Map<string, Room>();

  constructor(
    private readonly store: HubStore,
    private readonly onError: (error: unknown) => void,
  ) {}

  /**
   * Adds a connection to a map's room before it reads its catch-up, so no commit can fall between the two.
   * Broadcasts for it are held until `joined`.
   */
  async enter(mapId: string, connection: HubConnection): Promise<void> {
    let room = this.rooms.get(mapId);
    if (!room) {
      const version = await this.store.mapVersion(mapId);
      room = this.rooms.get(mapId); // another connection may have created it meanwhile
      if (!room) {
        const created: Room = {
          connections: new Set(),
          joining: new Map(),
          lastBroadcast: version,
          flushing: Promise.resolve(),
          dirty: false,
          announced: version,
          presence: new PresenceRelay((connection, text) => this.deliver(created, connection, text)),
        };
        room = created;
        this.rooms.set(mapId, room);
      }
    }
    room.connections.add(connection);
    room.joining.set(connection, []);
  }

  /** The connection has its catch-up: send what was held for it, then broadcast to it directly. */
  joined(mapId: string, connection: HubConnection): void {
    const room = this.rooms.get(mapId);
    const held = room?.joining.get(connection);
    if (!room || !held) return;
    room.joining.delete(connection);
    for (const text of held) connection.sendText(text);
  }

  leave(mapId: string, connection: HubConnection): void {
    const room = this.rooms.get(mapId);
    if (!room) return;
    room.connections.delete(connection);
    room.joining.delete(connection);
    room.presence.leave(connection);
    if (room.connections.size === 0) {
      room.presence.stop();
      this.rooms.delete(mapId);
    }
  }

  /** Everyone in the map but `except`, as peers. */
  peers(mapId: string, except: HubConnection): Peer[] {
    const room = this.rooms.get(mapId);
    return room ? [...room.connections].filter((c) => c !== except && !room.joining.has(c)).map((c) => c.peer) : [];
  }

  /** Sends a message to everyone in the room but `except` (peer-left, stances, comments). */
  relay(mapId: string, message: ServerMessage, except?: HubConnection): void {
    const room = this.rooms.get(mapId);
    if (!room) return;
    const text = JSON.stringify(message);
    for (const connection of room.connections) if (connection !== except) this.deliver(room, connection, text);
  }

  /** The connection's presence changed: the others get it with the room's next presence message. */
  presenceChanged(mapId: string, connection: HubConnection): void {
    const room = this.rooms.get(mapId);
    if (room?.connections.has(connection)) room.presence.changed(connection, room.connections);
  }

  /**
   * This instance committed these ops (consecutive versions) and the commit succeeded. Sent at once when they
   * follow what the room has had; after a gap (a commit made elsewhere, not yet announced) the log is read.
   */
  publish(mapId: string, entries: readonly OpLogEntry[]): void {
    const room = this.rooms.get(mapId);
    if (!room) return;
    const fresh = entries.filter((e) => e.version > room.lastBroadcast);
    if (fresh.length === 0) return;
    if (fresh[0]!.version !== room.lastBroadcast + 1) return this.scheduleFlush(mapId, room, fresh[fresh.length - 1]!.version);
    this.broadcast(room, fresh);
  }

  /**
   * A commit happened on some instance. This instance's own commit often announces itself a moment before its
   * `publish` (the NOTIFY and the commit's answer come on different connections), so the log is read a turn of the
   * event loop later, and only if the announced version has not been broadcast by then: a read per commit was
   * a tenth of the server's time at 2,000 single-op commits a second (P3 in tests/bench/RESULTS.md).
   */
  notify(mapId: string, version: number): void {
    const room = this.rooms.get(mapId);
    if (!room || version <= room.lastBroadcast) return;
    this.scheduleFlush(mapId, room, version, { afterATurn: true });
  }

  /**
   * The notification channel is down, so commits made meanwhile would go unannounced: send every client away
   * (1012, service restart). Each reconnects with backoff and catches up from its own last version.
   */
  disconnectAll(): void {
    for (const room of this.rooms.values()) {
      for (const connection of room.connections) connection.close(1012, 'Live updates are restarting; reconnect.');
    }
  }

  /** After the notification channel was down: re-read every open map. */
  resyncAll(): void {
    for (const [mapId, room] of this.rooms) this.scheduleFlush(mapId, room, Infinity);
  }

  /** Resolves when every scheduled broadcast has gone out (tests and shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.rooms.values()].map((room) => room.flushing));
  }

  /** Reads the log up to at least `version` (once whatever flush is running has finished), unless sent by then. */
  private scheduleFlush(mapId: string, room: Room, version: number, { afterATurn = false } = {}): void {
    room.announced = Math.max(room.announced, version);
    if (room.dirty) return;
    room.dirty = true;
    room.flushing = room.flushing.then(async () => {
      if (afterATurn) await new Promise((resolve) => setImmediate(resolve));
      room.dirty = false;
      if (room.lastBroadcast >= room.announced) return;
      // Announcements made during the read come with their own flush.
      room.announced = room.lastBroadcast;
      try {
        await this.flush(mapId, room);
      } catch (error) {
        this.onError(error);
      }
    });
  }

  private async flush(mapId: string, room: Room): Promise<void> {
    for (;;) {
      const entries = await this.store.readOps(mapId, room.lastBroadcast, FLUSH_PAGE);
      // `publish` may have sent some of these while the log was being read; the rest follow on from there.
      const fresh = entries.filter((e) => e.version > room.lastBroadcast);
      if (fresh.length > 0) this.broadcast(room, fresh);
      if (entries.length < FLUSH_PAGE) return;
    }
  }

  /** Sends ops that follow on from `lastBroadcast` to the whole room. */
  private broadcast(room: Room, entries: OpLogEntry[]): void {
    room.lastBroadcast = entries[entries.length - 1]!.version;
    const text = JSON.stringify({ type: 'ops', entries } satisfies ServerMessage);
    for (const connection of room.connections) this.deliver(room, connection, text);
  }

  private deliver(room: Room, connection: HubConnection, text: string): void {
    const held = room.joining.get(connection);
    if (held) held.push(text);
    else connection.sendText(text);
  }
}
