import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import {
  ClientMessage,
  emptyPresence,
  MAX_CATCHUP_OPS,
  PRESENCE_HZ,
  type Peer,
  type ServerMessage,
} from '@counterpoint/shared';
import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '../errors.js';
import { isDatabaseDown } from '../plugins/error-handler.js';
import type { Actor } from '../plugins/actor.js';
import type { MapService } from '../services/map-service.js';
import type { HubConnection, SyncHub } from './sync-hub.js';

export interface SessionDeps {
  hub: SyncHub;
  maps: MapService;
  readOps: (mapId: string, since: number, limit: number) => ReturnType<MapService['opsSince']>;
  log: FastifyBaseLogger;
}

/** Presence faster than this is dropped (clients throttle to PRESENCE_HZ; this leaves room for jitter). */
const MIN_PRESENCE_INTERVAL_MS = 1000 / (PRESENCE_HZ * 2);

/**
 * One member's live connection to one map. Messages are handled one at a time, in the order they arrive, so a
 * batch sent right after `join` is applied after the catch-up is out.
 */
export class LiveSession implements HubConnection {
  readonly connectionId = randomUUID();
  private joined = false;
  private queue: Promise<void> = Promise.resolve();
  private lastPresenceAt = 0;
  private presenceTimer: NodeJS.Timeout | null = null;
  peer: Peer;

  constructor(
    private readonly socket: WebSocket,
    private readonly mapId: string,
    private readonly actor: Actor,
    user: Peer['user'],
    private readonly deps: SessionDeps,
  ) {
    this.peer = { connectionId: this.connectionId, user, presence: emptyPresence };
    socket.on('message', (data, isBinary) => {
      this.queue = this.queue.then(() => this.handle(isBinary ? null : String(data)));
    });
    socket.on('close', () => this.closed());
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }

  send(message: ServerMessage): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(message));
  }

  private async handle(raw: string | null): Promise<void> {
    let json: unknown;
    try {
      json = raw === null ? undefined : JSON.parse(raw);
    } catch {
      return this.send({ type: 'error', code: 'BAD_JSON', message: 'Messages are JSON objects.' });
    }
    const parsed = ClientMessage.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return this.send({ type: 'error', code: 'VALIDATION_FAILED', message: `Invalid message: ${issue ? `${issue.path.join('.') || 'message'} ${issue.message}` : 'bad input'}.` });
    }
    const message = parsed.data;
    try {
      switch (message.type) {
        case 'join':
          return await this.join(message.version);
        case 'submit':
          return await this.submit(message);
        case 'presence':
          return this.presence(message);
        case 'ping':
          return this.send({ type: 'pong' });
      }
    } catch (error) {
      if (error instanceof AppError) return this.send({ type: 'error', code: error.code, message: error.message });
      this.deps.log.error({ err: error }, 'live message failed');
      this.send({ type: 'error', code: 'INTERNAL_ERROR', message: 'Something went wrong on our side. It has been logged.' });
    }
  }

  private async join(version: number): Promise<void> {
    if (this.joined) throw new AppError('VALIDATION_FAILED', 'Already joined; reconnect to start again.');
    const { hub, maps } = this.deps;
    await hub.enter(this.mapId, this);
    this.send({ type: 'welcome', connectionId: this.connectionId, user: this.peer.user, peers: hub.peers(this.mapId, this) });
    const { ops, version: current } = await this.deps.readOps(this.mapId, version, MAX_CATCHUP_OPS);
    const complete = ops.length === 0 || ops[ops.length - 1]!.version === current;
    if (version > current || !complete) {
      this.send({ type: 'snapshot', snapshot: await maps.snapshot(this.mapId, this.actor) });
    } else {
      this.send({ type: 'catchup', entries: ops, version: current });
    }
    this.joined = true;
    hub.joined(this.mapId, this);
    hub.relay(this.mapId, { type: 'presence', peer: this.peer }, this);
  }

  private async submit(message: Extract<ClientMessage, { type: 'submit' }>): Promise<void> {
    const { type: _type, ...batch } = message;
    try {
      const result = await this.deps.maps.submitOps(this.mapId, this.actor, batch);
      this.send({ type: 'ack', clientSeq: batch.clientSeq, ...result });
    } catch (error) {
      if (error instanceof AppError) {
        this.send({ type: 'reject', clientSeq: batch.clientSeq, code: error.code, message: error.message, ...error.details });
        return;
      }
      // Nothing was committed (the transaction failed). Answer the batch, with a code the client retries on.
      this.deps.log.error({ err: error }, 'op batch failed');
      const down = isDatabaseDown(error);
      this.send({
        type: 'reject',
        clientSeq: batch.clientSeq,
        code: down ? 'DATABASE_UNAVAILABLE' : 'INTERNAL_ERROR',
        message: down ? 'The database is not reachable right now; your change will be sent again.' : 'Something went wrong on our side. It has been logged.',
      });
    }
  }

  /**
   * Keeps the latest presence and relays it at most every MIN_PRESENCE_INTERVAL_MS. Faster updates are coalesced,
   * never dropped: the last state a member sends (e.g. "no longer editing") always reaches the others.
   */
  private presence(state: Extract<ClientMessage, { type: 'presence' }>): void {
    if (!this.joined) return;
    const { type: _type, ...presence } = state;
    this.peer = { ...this.peer, presence };
    if (this.presenceTimer) return;
    const wait = this.lastPresenceAt + MIN_PRESENCE_INTERVAL_MS - Date.now();
    if (wait <= 0) return this.relayPresence();
    this.presenceTimer = setTimeout(() => this.relayPresence(), wait);
  }

  private relayPresence(): void {
    this.presenceTimer = null;
    this.lastPresenceAt = Date.now();
    this.deps.hub.relay(this.mapId, { type: 'presence', peer: this.peer }, this);
  }

  private closed(): void {
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    this.deps.hub.leave(this.mapId, this);
    if (this.joined) this.deps.hub.relay(this.mapId, { type: 'peer-left', connectionId: this.connectionId });
  }
}
