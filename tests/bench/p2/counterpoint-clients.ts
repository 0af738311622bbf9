import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { WebSocket } from 'ws';
import { graphFromLists, OpsSinceResult, type MapSnapshot, type OpLogEntry, type PresenceState } from '@counterpoint/shared';
import { LiveConnection, type SocketLike } from '../../../web/src/sync/live-connection.js';
import { MapDocument } from '../../../web/src/sync/map-document.js';
import type { Api } from '../lib/http.js';
import type { LatencyRecorder, LoadClient } from './load.js';

const presence = (x: number, y: number): PresenceState => ({ cursor: { x, y }, selection: [], editing: null, dragging: null });
const moveOp = (nodeId: string, seq: number) => ({ type: 'nodes.move' as const, moves: [{ id: nodeId, x: seq, y: 100 }] });

/**
 * A full Counterpoint member: the web app's own sync engine (MapDocument + LiveConnection, as in
 * tests/helpers/sim-client.ts) over `ws`. Its socket is tapped so the observer can time an edit right after
 * LiveConnection has applied the `ops` broadcast to the document, i.e. when the edit is visible there.
 */
export class EngineClient implements LoadClient {
  readonly doc: MapDocument;
  readonly live: LiveConnection;
  private tap: ((raw: string) => void) | null = null;

  constructor(api: Api, mapId: string, snapshot: MapSnapshot, readonly nodeId: string) {
    const baseUrl = api.baseUrl;
    this.live = new LiveConnection(`${baseUrl.replace('http', 'ws')}/api/maps/${mapId}/live`, {
      createSocket: (url) => tapped(new WebSocket(url, { headers: api.headers }), (raw) => this.tap?.(raw)),
    });
    this.doc = new MapDocument({ mapId, graph: graphFromLists(snapshot), version: snapshot.version }, {
      submit: (id, body) => this.live.submit(id, body),
      opsSince: async (id, since) => OpsSinceResult.parse(await api.get(`/api/maps/${id}/ops?since=${since}&limit=10000`)),
    });
    this.live.attach(this.doc);
  }

  async joined(): Promise<void> {
    while (!this.live.isJoined()) await new Promise((r) => setTimeout(r, 20));
  }

  /**
   * Times every edit in each `ops` broadcast, and checks that a sample of them is in PostgreSQL's op log when
   * the observer has it (the server broadcasts its own commits from memory, but only once COMMIT has returned;
   * this check would catch a broadcast sent before).
   */
  observe(recorder: LatencyRecorder, database: pg.Client, durability: { checked: number; missing: number }): void {
    let count = 0;
    this.tap = (raw) => {
      if (!raw.startsWith('{"type":"ops"')) return;
      const { entries } = JSON.parse(raw) as { entries: OpLogEntry[] };
      for (const entry of entries) {
        if (entry.op.type !== 'nodes.move') continue;
        const move = entry.op.moves[0]!;
        recorder.seen(move.id, move.x);
        if (++count % 10 === 0) {
          database.query('SELECT 1 FROM op_log WHERE client_id = $1 AND client_seq = $2', [entry.clientId, entry.clientSeq]).then(
            (result) => (result.rowCount ? durability.checked++ : durability.missing++),
            () => durability.missing++,
          );
        }
      }
    };
  }

  edit(seq: number): void {
    this.doc.apply([moveOp(this.nodeId, seq)]);
  }

  presence(x: number, y: number): void {
    this.live.sendPresence(presence(x, y));
  }

  close(): void {
    this.live.stop();
    this.doc.dispose();
  }
}

/** A `ws` socket as LiveConnection sees it, calling `tap` after LiveConnection's own message handler. */
function tapped(socket: WebSocket, tap: (raw: string) => void): SocketLike {
  const wrapper: SocketLike = {
    get readyState() {
      return socket.readyState;
    },
    send: (data) => socket.send(data),
    close: () => socket.close(),
    onopen: null,
    onmessage: null,
    onclose: null,
    onerror: null,
  };
  socket.onopen = (event) => wrapper.onopen?.(event);
  socket.onmessage = (event) => {
    wrapper.onmessage?.(event);
    tap(String(event.data));
  };
  socket.onclose = (event) => wrapper.onclose?.(event);
  socket.onerror = (event) => wrapper.onerror?.(event);
  return wrapper;
}

/**
 * A light Counterpoint member for the rest of the room: the live protocol by hand. Like MapDocument it keeps
 * one batch on the wire and queues edits behind it (so an overloaded server shows as latency, not as an
 * unbounded pile of requests). It reads only its acks and leaves the rest unparsed, as the light Yjs member does.
 */
export class LightClient implements LoadClient {
  private readonly socket: WebSocket;
  private readonly clientId = randomUUID();
  private nextSeq = 0;
  private inFlight = false;
  private readonly queue: number[] = [];
  readonly ready: Promise<void>;
  rejected = 0;
  /** Messages received after joining (presence, ops, acks): what the server fanned out to this member. */
  received = 0;

  constructor(api: Api, mapId: string, version: number, readonly nodeId: string) {
    this.socket = new WebSocket(`${api.baseUrl.replace('http', 'ws')}/api/maps/${mapId}/live`, { skipUTF8Validation: true, headers: api.headers });
    let joined = false;
    this.ready = new Promise((resolve, reject) => {
      this.socket.once('error', reject);
      this.socket.on('open', () => this.socket.send(JSON.stringify({ type: 'join', version })));
      this.socket.on('message', (data: Buffer) => {
        // Acks and rejects are short; presence and ops broadcasts are never read.
        if (!joined) {
          const head = data.subarray(0, 20).toString();
          if (head.startsWith('{"type":"catchup"') || head.startsWith('{"type":"snapshot"')) {
            joined = true;
            resolve();
          }
          return;
        }
        this.received++;
        if (data.length > 200) return;
        const text = data.toString();
        if (text.startsWith('{"type":"ack"') || text.startsWith('{"type":"reject"')) {
          if (text.startsWith('{"type":"reject"')) this.rejected++;
          this.inFlight = false;
          this.pump();
        }
      });
    });
  }

  edit(seq: number): void {
    this.queue.push(seq);
    this.pump();
  }

  private pump(): void {
    if (this.inFlight || this.queue.length === 0 || this.socket.readyState !== WebSocket.OPEN) return;
    this.inFlight = true;
    const seq = this.queue.shift()!;
    this.socket.send(JSON.stringify({ type: 'submit', baseVersion: 0, clientId: this.clientId, clientSeq: this.nextSeq++, ops: [moveOp(this.nodeId, seq)] }));
  }

  presence(x: number, y: number): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify({ type: 'presence', ...presence(x, y) }));
  }

  close(): void {
    this.socket.close();
  }
}
