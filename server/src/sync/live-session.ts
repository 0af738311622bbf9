import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import { ClientMessage, emptyPresence, MAX_CATCHUP_OPS, type Peer, type ServerMessage } from '@counterpoint/shared';
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

type Parsed = { ok: true; message: ClientMessage } | { ok: false; error: ServerMessage };

/**
 * One member's live connection to one map. Join and submits are handled one at a time, in the order they arrive,
 * so a batch sent right after `join` is applied after the catch-up is out, and a member's batches commit in the
 * order sent. Presence and ping are answered at once: a pointer must not wait behind a batch being committed.
 * Presence before the join is complete is ignored.
 */
export class LiveSession implements HubConnection {
  readonly connectionId = randomUUID();
  private joined = false;
  private queue: Promise<void> = Promise.resolve();
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
      const parsed = parse(isBinary ? null : String(data));
      if (parsed.ok && parsed.message.type === 'presence') return this.presence(parsed.message);
      if (parsed.ok && parsed.message.type === 'ping') return this.send({ type: 'pong' });
      this.queue = this.queue.then(() => this.handle(parsed));
    });
    socket.on('close', () => this.closed());
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }

  send(message: ServerMessage): void {
    this.sendText(JSON.stringify(message));
  }

  sendText(text: string): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(text);
  }

  private async handle(parsed: Parsed): Promise<void> {
    if (!parsed.ok) return this.send(parsed.error);
    const message = parsed.message;
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
    // The others learn of the newcomer with the room's next presence message.
    hub.presenceChanged(this.mapId, this);
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

  /** Keeps the latest presence; the hub relays it with the room's next presence message (coalesced, never dropped). */
  private presence(state: Extract<ClientMessage, { type: 'presence' }>): void {
    if (!this.joined) return;
    const { type: _type, ...presence } = state;
    this.peer = { ...this.peer, presence };
    this.deps.hub.presenceChanged(this.mapId, this);
  }

  private closed(): void {
    this.deps.hub.leave(this.mapId, this);
    if (this.joined) this.deps.hub.relay(this.mapId, { type: 'peer-left', connectionId: this.connectionId });
  }
}

function parse(raw: string | null): Parsed {
  let json: unknown;
  try {
    json = raw === null ? undefined : JSON.parse(raw);
  } catch {
    return { ok: false, error: { type: 'error', code: 'BAD_JSON', message: 'Messages are JSON objects.' } };
  }
  const parsed = ClientMessage.safeParse(json);
  if (parsed.success) return { ok: true, message: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue ? `${issue.path.join('.') || 'message'} ${issue.message}` : 'bad input';
  return { ok: false, error: { type: 'error', code: 'VALIDATION_FAILED', message: `Invalid message: ${where}.` } };
}
