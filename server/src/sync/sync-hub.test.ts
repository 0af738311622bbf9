import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyPresence, type OpLogEntry, type Peer, type ServerMessage } from '@counterpoint/shared';
import { SyncHub, type HubConnection, type HubStore } from './sync-hub.js';
import { PRESENCE_TICK_MS } from './presence-relay.js';

const MAP = '00000000-0000-4000-8000-000000000001';

const entry = (version: number): OpLogEntry => ({
  version,
  op: { type: 'nodes.move', moves: [{ id: MAP, x: version, y: 0 }] },
  actorId: null,
  clientId: MAP,
  clientSeq: version,
  createdAt: new Date(0).toISOString(),
});

/** An op log in memory whose reads can be held open, to interleave them with publishes. */
class FakeStore implements HubStore {
  log: OpLogEntry[] = [];
  private gate: Promise<void> | null = null;
  private open: (() => void) | null = null;

  async mapVersion(): Promise<number> {
    return this.log.length;
  }

  async readOps(_mapId: string, since: number, limit: number): Promise<OpLogEntry[]> {
    const result = this.log.filter((e) => e.version > since).slice(0, limit);
    await this.gate;
    return result;
  }

  holdReads(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }

  releaseReads(): void {
    this.open?.();
    this.gate = null;
  }

  commit(...versions: number[]): OpLogEntry[] {
    const entries = versions.map(entry);
    this.log.push(...entries);
    return entries;
  }
}

class FakeConnection implements HubConnection {
  static count = 0;
  readonly connectionId = `00000000-0000-4000-8000-${String(++FakeConnection.count).padStart(12, '0')}`;
  peer: Peer = { connectionId: this.connectionId, user: { id: MAP, name: 'x', color: '#000' }, presence: emptyPresence };
  readonly received: ServerMessage[] = [];
  send(message: ServerMessage): void {
    this.received.push(message);
  }
  sendText(text: string): void {
    this.received.push(JSON.parse(text) as ServerMessage);
  }
  close(): void {}
  versions(): number[] {
    return this.received.flatMap((m) => (m.type === 'ops' ? m.entries.map((e) => e.version) : []));
  }
  presenceOf(): string[][] {
    return this.received.flatMap((m) => (m.type === 'presence' ? [m.peers.map((p) => p.connectionId)] : []));
  }
}

async function room(store: FakeStore, hub: SyncHub, count = 1) {
  const connections = Array.from({ length: count }, () => new FakeConnection());
  for (const c of connections) {
    await hub.enter(MAP, c);
    hub.joined(MAP, c);
  }
  return connections;
}

afterEach(() => vi.useRealTimers());

describe('SyncHub broadcasts', () => {
  it('sends this instance’s commits from memory at once, and skips their notification', async () => {
    const store = new FakeStore();
    const hub = new SyncHub(store, (e) => { throw e; });
    const [a] = await room(store, hub);
    const read = vi.spyOn(store, 'readOps');
    hub.publish(MAP, store.commit(1, 2));
    expect(a!.versions()).toEqual([1, 2]);
    hub.notify(MAP, 2);
    await hub.idle();
    expect(read).not.toHaveBeenCalled();
    expect(a!.versions()).toEqual([1, 2]);
  });

  it('does not read the log when this instance’s commit announces itself just before it is published', async () => {
    const store = new FakeStore();
    const hub = new SyncHub(store, (e) => { throw e; });
    const [a] = await room(store, hub);
    const read = vi.spyOn(store, 'readOps');
    const mine = store.commit(1, 2);
    hub.notify(MAP, 2); // the NOTIFY came in on the listening connection first …
    await Promise.resolve();
    hub.publish(MAP, mine); // … and the commit's own answer in the same turn of the event loop
    await hub.idle();
    expect(read).not.toHaveBeenCalled();
    expect(a!.versions()).toEqual([1, 2]);
  });

  it('reads what an announcement still lacks a turn later, and everything after a channel outage', async () => {
    const store = new FakeStore();
    const hub = new SyncHub(store, (e) => { throw e; });
    const [a] = await room(store, hub);
    const read = vi.spyOn(store, 'readOps');
    store.commit(1, 2); // another instance
    hub.notify(MAP, 2);
    await hub.idle();
    expect(a!.versions()).toEqual([1, 2]);
    expect(read).toHaveBeenCalledTimes(1);
    store.commit(3); // committed while the channel was down: no announcement
    hub.resyncAll();
    await hub.idle();
    expect(a!.versions()).toEqual([1, 2, 3]);
  });

  it('reads the log when a commit made elsewhere comes first, and sends each version once, in order', async () => {
    const store = new FakeStore();
    const hub = new SyncHub(store, (e) => { throw e; });
    const [a] = await room(store, hub);
    store.commit(1); // another instance; its NOTIFY has not arrived
    hub.publish(MAP, store.commit(2));
    await hub.idle();
    hub.notify(MAP, 1);
    await hub.idle();
    expect(a!.versions()).toEqual([1, 2]);
  });

  it('does not repeat ops published while a log read was in progress', async () => {
    const store = new FakeStore();
    const hub = new SyncHub(store, (e) => { throw e; });
    const [a] = await room(store, hub);
    store.holdReads();
    const mine = store.commit(1);
    hub.notify(MAP, 1); // this commit's NOTIFY overtook its publish: a log read starts
    await new Promise((resolve) => setImmediate(resolve));
    hub.publish(MAP, mine); // sent at once, while the read is still out
    expect(a!.versions()).toEqual([1]);
    store.releaseReads();
    await hub.idle();
    hub.publish(MAP, store.commit(2));
    expect(a!.versions()).toEqual([1, 2]);
  });

  it('holds broadcasts for a connection until it has its catch-up', async () => {
    const store = new FakeStore();
    const hub = new SyncHub(store, (e) => { throw e; });
    const late = new FakeConnection();
    await hub.enter(MAP, late);
    hub.publish(MAP, store.commit(1));
    expect(late.received).toEqual([]);
    hub.joined(MAP, late);
    expect(late.versions()).toEqual([1]);
  });
});

describe('SyncHub presence', () => {
  it('relays the latest presence of each changed peer once per tick, to everyone but that peer', async () => {
    vi.useFakeTimers();
    const store = new FakeStore();
    const hub = new SyncHub(store, (e) => { throw e; });
    const [a, b, c] = await room(store, hub, 3);
    a!.peer = { ...a!.peer, presence: { ...emptyPresence, cursor: { x: 1, y: 1 } } };
    hub.presenceChanged(MAP, a!); // after a quiet spell: at once
    expect(b!.presenceOf()).toEqual([[a!.connectionId]]);
    for (let x = 2; x <= 5; x++) {
      a!.peer = { ...a!.peer, presence: { ...emptyPresence, cursor: { x, y: x } } };
      hub.presenceChanged(MAP, a!);
    }
    b!.peer = { ...b!.peer, presence: { ...emptyPresence, editing: MAP } };
    hub.presenceChanged(MAP, b!);
    expect(c!.presenceOf()).toHaveLength(1); // the rest waits for the tick
    vi.advanceTimersByTime(PRESENCE_TICK_MS);
    expect(c!.presenceOf()).toEqual([[a!.connectionId], [a!.connectionId, b!.connectionId]]);
    const last = c!.received.at(-1) as Extract<ServerMessage, { type: 'presence' }>;
    expect(last.peers[0]!.presence.cursor).toEqual({ x: 5, y: 5 });
    expect(a!.presenceOf()).toEqual([[b!.connectionId]]);
    expect(b!.presenceOf()).toEqual([[a!.connectionId], [a!.connectionId]]);
    hub.leave(MAP, a!);
    hub.leave(MAP, b!);
    hub.leave(MAP, c!);
  });
});
