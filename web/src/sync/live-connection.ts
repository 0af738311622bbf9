import {
  ERROR_STATUS,
  graphFromLists,
  ServerMessage,
  type ClientMessage,
  type Peer,
  type PresenceState,
  type SubmitOpsBody,
  type SubmitOpsResult,
} from '@counterpoint/shared';
import { ApiError, NetworkError } from '../api/api-error';
import type { MapDocument } from './map-document';

export type LiveStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** The part of a WebSocket this uses: the browser's and the `ws` package's both fit. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface LiveEvents {
  onStatus?(status: LiveStatus): void;
  onWelcome?(welcome: Extract<ServerMessage, { type: 'welcome' }>): void;
  /** Peers whose presence changed (several per message: the server relays presence in ticks). */
  onPresence?(peers: readonly Peer[]): void;
  onPeerLeft?(connectionId: string): void;
  /** A stance or comment changed on this map (not part of the op log: the page refetches what it shows). */
  onDiscussion?(message: Extract<ServerMessage, { type: 'stance' | 'comment' }>): void;
}

export interface LiveOptions extends LiveEvents {
  createSocket?: (url: string) => SocketLike;
  /** Waits between reconnection attempts; the last repeats. */
  backoffMs?: number[];
  /** After this many failed attempts in a row the status says offline (attempts go on). */
  offlineAfter?: number;
  heartbeatMs?: number;
}

const OPEN = 1;

/**
 * A map's live WebSocket: joins with the document's version, feeds committed ops (catch-up, broadcasts,
 * snapshots) into the MapDocument, carries its op batches (ack / reject), relays presence, and reconnects with
 * backoff after any drop. While disconnected, `submit` fails fast as a network error, so the document keeps the
 * edits and retries them, unchanged, once the connection is back.
 */
export class LiveConnection {
  private socket: SocketLike | null = null;
  private doc: MapDocument | null = null;
  private status: LiveStatus = 'connecting';
  private joined = false;
  private failures = 0;
  private stopped = false;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private lastMessageAt = 0;
  private readonly waiting = new Map<number, { resolve(r: SubmitOpsResult): void; reject(e: unknown): void }>();
  private readonly backoffMs: number[];

  constructor(
    private readonly url: string,
    private readonly options: LiveOptions = {},
  ) {
    this.backoffMs = options.backoffMs ?? [250, 500, 1_000, 2_000, 4_000, 8_000];
  }

  /** Starts feeding `doc`; call once, after the document exists. */
  attach(doc: MapDocument): void {
    this.doc = doc;
    this.connect();
  }

  getStatus(): LiveStatus {
    return this.status;
  }

  /** Joined and open: batches can go over this connection. */
  isJoined(): boolean {
    return this.joined && this.socket?.readyState === OPEN;
  }

  /** Sends an op batch; resolves with the ack, rejects with ApiError (refused) or NetworkError (no answer). */
  submit(_mapId: string, body: SubmitOpsBody): Promise<SubmitOpsResult> {
    if (!this.isJoined()) return Promise.reject(new NetworkError('not connected'));
    return new Promise((resolve, reject) => {
      this.waiting.set(body.clientSeq, { resolve, reject });
      this.send({ type: 'submit', ...body });
    });
  }

  sendPresence(presence: PresenceState): void {
    if (this.joined) this.send({ type: 'presence', ...presence });
  }

  stop(): void {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.teardown();
  }

  private connect(): void {
    const socket = (this.options.createSocket ?? ((url) => new WebSocket(url) as unknown as SocketLike))(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.lastMessageAt = Date.now();
      this.send({ type: 'join', version: this.doc!.getState().version });
      this.startHeartbeat();
    };
    socket.onmessage = (event) => this.receive(String(event.data));
    socket.onclose = () => this.dropped(socket);
    socket.onerror = () => socket.close();
  }

  private receive(raw: string): void {
    this.lastMessageAt = Date.now();
    const parsed = ServerMessage.safeParse(JSON.parse(raw));
    if (!parsed.success) {
      console.error('Unexpected live message', raw.slice(0, 200), parsed.error);
      return;
    }
    const message = parsed.data;
    const doc = this.doc!;
    switch (message.type) {
      case 'welcome':
        doc.setActor(message.user.id);
        return this.options.onWelcome?.(message);
      case 'catchup':
        this.joined = true; // so batches the catch-up lets through go out on this connection
        doc.applyRemote(message.entries);
        return this.ready();
      case 'snapshot':
        this.joined = true;
        doc.reset(graphFromLists(message.snapshot), message.snapshot.version);
        return this.ready();
      case 'ops':
        return doc.applyRemote(message.entries);
      case 'ack': {
        const { type: _type, clientSeq, ...result } = message;
        this.waiting.get(clientSeq)?.resolve(result);
        this.waiting.delete(clientSeq);
        return;
      }
      case 'reject':
        this.waiting.get(message.clientSeq)?.reject(new ApiError(ERROR_STATUS[message.code], message));
        this.waiting.delete(message.clientSeq);
        return;
      case 'presence':
        return this.options.onPresence?.(message.peers);
      case 'peer-left':
        return this.options.onPeerLeft?.(message.connectionId);
      case 'error':
        console.warn(`Live connection: ${message.code}: ${message.message}`);
        return;
      case 'pong':
        return;
      case 'stance':
      case 'comment':
        return this.options.onDiscussion?.(message);
    }
  }

  private ready(): void {
    this.joined = true;
    this.failures = 0;
    this.setStatus('connected');
    this.doc!.setLive(true);
  }

  private dropped(socket: SocketLike): void {
    if (socket !== this.socket) return;
    this.teardown();
    if (this.stopped) return;
    this.failures += 1;
    const offline = this.failures > (this.options.offlineAfter ?? 4) || (typeof navigator !== 'undefined' && navigator.onLine === false);
    this.setStatus(offline ? 'offline' : 'reconnecting');
    const base = this.backoffMs[Math.min(this.failures - 1, this.backoffMs.length - 1)]!;
    // Jitter spreads the reconnects of a whole study group after a server restart.
    this.reconnectTimer = setTimeout(() => this.connect(), base * (0.75 + Math.random() * 0.5));
  }

  /** Forgets the socket; batches waiting for an answer fail as network errors and will be retried. */
  private teardown(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.joined = false;
    this.doc?.setLive(false);
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = socket.onmessage = socket.onopen = socket.onerror = null;
      socket.close();
    }
    for (const { reject } of this.waiting.values()) reject(new NetworkError('connection lost'));
    this.waiting.clear();
  }

  /** Pings now and then; a connection that stays silent too long is presumed dead and replaced. */
  private startHeartbeat(): void {
    const every = this.options.heartbeatMs ?? 20_000;
    this.heartbeat = setInterval(() => {
      if (Date.now() - this.lastMessageAt > every * 2.5) {
        const socket = this.socket;
        if (socket) this.dropped(socket);
        return;
      }
      this.send({ type: 'ping' });
    }, every);
  }

  private send(message: ClientMessage): void {
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(message));
  }

  private setStatus(status: LiveStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.options.onStatus?.(status);
  }
}
