import pg from 'pg';

export interface ListenerLog {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

/**
 * Holds one dedicated PostgreSQL connection LISTENing on a channel and hands each payload to `onMessage`.
 * Reconnects by itself with backoff; after a reconnect `onReconnect` runs, because notifications sent while
 * the connection was down are lost and whoever listens must re-read what it may have missed.
 */
export class PgListener {
  private client: pg.Client | null = null;
  private closed = false;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly onMessage: (payload: string) => void,
    private readonly onReconnect: () => void,
    private readonly log: ListenerLog,
    /** The connection dropped: notifications may be missed until it is back. */
    private readonly onLost: () => void = () => {},
  ) {}

  /** Connects now if it can; if the database is not reachable yet, keeps trying in the background. */
  async start(): Promise<void> {
    try {
      await this.connect(false);
    } catch (error) {
      this.log.error(`cannot listen on "${this.channel}" yet; retrying`, error);
      this.scheduleReconnect();
    }
  }

  private async connect(isReconnect: boolean): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, keepAlive: true });
    client.on('notification', (message) => {
      if (message.channel === this.channel && message.payload) this.onMessage(message.payload);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    await client.connect();
    await client.query(`LISTEN ${pg.escapeIdentifier(this.channel)}`);
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.attempt = 0;
    if (isReconnect) {
      this.log.info(`listening on "${this.channel}" again`);
      this.onReconnect();
    }
  }

  private lost(client: pg.Client, error: unknown): void {
    if (this.client !== client || this.closed) return;
    this.client = null;
    this.log.error(`lost the "${this.channel}" listener connection; reconnecting`, error);
    client.end().catch(() => {});
    this.onLost();
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    const delay = Math.min(5_000, 250 * 2 ** this.attempt++);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect(true).catch((error: unknown) => {
        this.log.error('listener reconnect failed', error);
        if (!this.closed) this.scheduleReconnect();
      });
    }, delay);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }
}
