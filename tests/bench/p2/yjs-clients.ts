import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { LatencyRecorder, LoadClient } from './load.js';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const user = (i: number) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `Member ${i}`, color: '#4263eb' });
const presenceState = (i: number, x: number, y: number) => ({ user: user(i), cursor: { x, y }, selection: [], editing: null, dragging: null });

/**
 * A full Yjs member: y-websocket's own WebsocketProvider on a Y.Doc (the client a Yjs app would ship), applying
 * every update and every awareness change. The observer is one of these and times edits in observeDeep, i.e.
 * when the change is in its document.
 */
export class YjsProviderClient implements LoadClient {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;

  constructor(url: string, room: string, readonly nodeId: string, private readonly index: number) {
    this.provider = new WebsocketProvider(url, room, this.doc, { WebSocketPolyfill: WebSocket as never, disableBc: true });
  }

  synced(): Promise<void> {
    return new Promise((resolve) => (this.provider.synced ? resolve() : this.provider.once('sync', () => resolve())));
  }

  observe(recorder: LatencyRecorder): void {
    this.doc.getMap('nodes').observeDeep((events) => {
      for (const event of events) {
        if (event.target instanceof Y.Map && (event as Y.YMapEvent<unknown>).keysChanged.has('x')) {
          recorder.seen(event.target.get('id') as string, event.target.get('x') as number);
        }
      }
    });
  }

  edit(seq: number): void {
    const node = this.doc.getMap<Y.Map<unknown>>('nodes').get(this.nodeId)!;
    this.doc.transact(() => {
      node.set('x', seq);
      node.set('y', 100);
    });
  }

  presence(x: number, y: number): void {
    this.provider.awareness.setLocalState(presenceState(this.index, x, y));
  }

  close(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}

/**
 * A light Yjs member for the rest of the room: the y-websocket protocol by hand. It syncs the document once,
 * then only sends (its edits as Yjs updates, its pointer as awareness) and leaves what it receives unread —
 * the same as the light Counterpoint member, so the bench process spends little on either side.
 */
export class YjsLightClient implements LoadClient {
  private readonly doc = new Y.Doc();
  private readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private readonly socket: WebSocket;
  private synced = false;
  readonly ready: Promise<void>;
  /** Messages received after syncing (awareness, updates): what the server fanned out to this member. */
  received = 0;

  constructor(url: string, room: string, readonly nodeId: string, private readonly index: number) {
    this.socket = new WebSocket(`${url}/${room}`, { skipUTF8Validation: true });
    this.socket.binaryType = 'arraybuffer';
    this.ready = new Promise((resolve, reject) => {
      this.socket.once('error', reject);
      this.socket.on('open', () => {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.writeSyncStep1(encoder, this.doc);
        this.socket.send(encoding.toUint8Array(encoder));
      });
      this.socket.on('message', (data: ArrayBuffer) => {
        if (this.synced) {
          this.received++;
          return;
        }
        const decoder = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        const type = syncProtocol.readSyncMessage(decoder, encoder, this.doc, 'remote');
        if (encoding.length(encoder) > 1) this.socket.send(encoding.toUint8Array(encoder));
        if (type === syncProtocol.messageYjsSyncStep2) {
          this.synced = true;
          resolve();
        }
      });
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'remote') return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      this.send(encoding.toUint8Array(encoder));
    });
    this.awareness.on('update', ({ added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]));
      this.send(encoding.toUint8Array(encoder));
    });
  }

  private send(message: Uint8Array): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(message);
  }

  edit(seq: number): void {
    const node = this.doc.getMap<Y.Map<unknown>>('nodes').get(this.nodeId)!;
    this.doc.transact(() => {
      node.set('x', seq);
      node.set('y', 100);
    });
  }

  presence(x: number, y: number): void {
    this.awareness.setLocalState(presenceState(this.index, x, y));
  }

  close(): void {
    this.awareness.destroy();
    this.socket.close();
    this.doc.destroy();
  }
}
