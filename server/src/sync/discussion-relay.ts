import type { Db } from '../db/prisma.js';
import { MAP_EVENTS_CHANNEL, readDiscussionMessage, type DiscussionMessage, type DiscussionNotice } from '../services/discussion-service.js';
import { PgListener, type ListenerLog } from './pg-listener.js';

/** The one thing the relay needs of the hub: its public fan-out to a map's connections on this instance. */
export interface RelayTarget {
  relay(mapId: string, message: DiscussionMessage): void;
}

/**
 * Carries stance and comment changes to every instance: each write NOTIFYs `map_events` with the changed row's
 * ids (see discussion-service.ts), and this listener — on every instance, the writer's too — reads the row and
 * relays it to the map's local connections. The writer does not relay on its own, so each connection gets each
 * change once. Rows are read one notification after another, so a quick edit and its correction arrive in order.
 */
export class DiscussionRelay {
  private readonly listener: PgListener;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    databaseUrl: string,
    private readonly db: Db,
    private readonly hub: RelayTarget,
    private readonly log: ListenerLog,
  ) {
    // Missed notifications cannot be replayed; clients refetch positions and comments when they next load them.
    this.listener = new PgListener(databaseUrl, MAP_EVENTS_CHANNEL, (payload) => this.enqueue(payload), () => {}, log);
  }

  start(): Promise<void> {
    return this.listener.start();
  }

  async close(): Promise<void> {
    await this.listener.close();
    await this.queue;
  }

  /** Resolves once every notification received so far has been relayed (tests). */
  idle(): Promise<void> {
    return this.queue;
  }

  private enqueue(payload: string): void {
    this.queue = this.queue.then(async () => {
      try {
        const notice = JSON.parse(payload) as DiscussionNotice;
        const message = await readDiscussionMessage(this.db, notice);
        if (message) this.hub.relay(notice.mapId, message);
      } catch (error) {
        this.log.error(`could not relay "${MAP_EVENTS_CHANNEL}" notification ${payload}`, error);
      }
    });
  }
}
