import { readFileSync } from 'node:fs';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { seedYDoc, type PeerMapFile } from './yjs-map.js';

/**
 * The peer: a y-websocket server. y-websocket 3 no longer ships its server (it moved to @y/websocket-server,
 * which is not installed), so this is that server's connection handling (setupWSConnection of y-websocket
 * 1.x/2.x, bin/utils) written out with the same yjs + y-protocols calls, without persistence — its default:
 * documents live in memory only. Run as its own process, like the Counterpoint server:
 *   PORT=… BENCH_YJS_MAP=map.json node --import tsx tests/bench/p2/yjs-server.ts
 */

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;

class SharedDoc extends Y.Doc {
  /** Each connection and the awareness client ids it controls (removed when it closes). */
  readonly conns = new Map<WebSocket, Set<number>>();
  readonly awareness = new awarenessProtocol.Awareness(this);

  constructor() {
    super({ gc: true });
    this.awareness.setLocalState(null);
    this.awareness.on('update', ({ added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>, conn: WebSocket | null) => {
      const controlled = conn ? this.conns.get(conn) : undefined;
      if (controlled) {
        for (const id of added) controlled.add(id);
        for (const id of removed) controlled.delete(id);
      }
      // Encoded once, sent to every connection (the sender included), as y-websocket does.
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]));
      const message = encoding.toUint8Array(encoder);
      for (const c of this.conns.keys()) send(this, c, message);
    });
    this.on('update', (update: Uint8Array) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      const message = encoding.toUint8Array(encoder);
      for (const c of this.conns.keys()) send(this, c, message);
    });
  }
}

const docs = new Map<string, SharedDoc>();
const mapFile = process.env.BENCH_YJS_MAP;
const initial: PeerMapFile | null = mapFile ? (JSON.parse(readFileSync(mapFile, 'utf8')) as PeerMapFile) : null;

function getDoc(name: string): SharedDoc {
  let doc = docs.get(name);
  if (!doc) {
    doc = new SharedDoc();
    if (initial) seedYDoc(doc, initial);
    docs.set(name, doc);
  }
  return doc;
}

function send(doc: SharedDoc, conn: WebSocket, message: Uint8Array): void {
  if (conn.readyState !== conn.CONNECTING && conn.readyState !== conn.OPEN) closeConn(doc, conn);
  try {
    conn.send(message, {}, (error) => {
      if (error) closeConn(doc, conn);
    });
  } catch {
    closeConn(doc, conn);
  }
}

function closeConn(doc: SharedDoc, conn: WebSocket): void {
  const controlled = doc.conns.get(conn);
  if (controlled) {
    doc.conns.delete(conn);
    awarenessProtocol.removeAwarenessStates(doc.awareness, [...controlled], null);
  }
  conn.close();
}

function onMessage(conn: WebSocket, doc: SharedDoc, message: Uint8Array): void {
  try {
    const encoder = encoding.createEncoder();
    const decoder = decoding.createDecoder(message);
    switch (decoding.readVarUint(decoder)) {
      case MESSAGE_SYNC:
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.readSyncMessage(decoder, encoder, doc, conn);
        // Only the message type written: nothing to answer.
        if (encoding.length(encoder) > 1) send(doc, conn, encoding.toUint8Array(encoder));
        break;
      case MESSAGE_AWARENESS:
        awarenessProtocol.applyAwarenessUpdate(doc.awareness, decoding.readVarUint8Array(decoder), conn);
        break;
    }
  } catch (error) {
    console.error(error);
  }
}

const wss = new WebSocketServer({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
wss.on('connection', (conn, request) => {
  conn.binaryType = 'arraybuffer';
  const doc = getDoc((request.url ?? '/').slice(1).split('?')[0]!);
  doc.conns.set(conn, new Set());
  conn.on('message', (data: ArrayBuffer) => onMessage(conn, doc, new Uint8Array(data)));
  let alive = true;
  const ping = setInterval(() => {
    if (!alive) {
      closeConn(doc, conn);
      clearInterval(ping);
      return;
    }
    alive = false;
    conn.ping();
  }, 30_000);
  conn.on('pong', () => (alive = true));
  conn.on('close', () => {
    closeConn(doc, conn);
    clearInterval(ping);
  });
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  send(doc, conn, encoding.toUint8Array(encoder));
  const states = doc.awareness.getStates();
  if (states.size > 0) {
    const awareness = encoding.createEncoder();
    encoding.writeVarUint(awareness, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(awareness, awarenessProtocol.encodeAwarenessUpdate(doc.awareness, [...states.keys()]));
    send(doc, conn, encoding.toUint8Array(awareness));
  }
});
wss.on('listening', () => {
  const address = wss.address();
  console.log(`y-websocket peer listening on ${typeof address === 'object' && address ? address.port : address}`);
});
process.on('SIGTERM', () => wss.close(() => process.exit(0)));
