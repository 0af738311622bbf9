import type { WebSocket } from 'ws';
import { ServerMessage, type ClientMessage } from '@counterpoint/shared';

type Kind = ServerMessage['type'];

/**
 * A test's view of one live connection: every server message is parsed with the shared schema (so a malformed
 * server message fails the test) and kept, and a test can wait for the next message of a kind.
 */
export class LiveTestClient {
  readonly received: ServerMessage[] = [];
  private waiters: { kind: Kind; predicate: (m: ServerMessage) => boolean; resolve: (m: ServerMessage) => void }[] = [];

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = ServerMessage.parse(JSON.parse(String(data)));
      this.received.push(message);
      this.waiters = this.waiters.filter((w) => {
        if (w.kind !== message.type || !w.predicate(message)) return true;
        w.resolve(message);
        return false;
      });
    });
  }

  send(message: ClientMessage | Record<string, unknown>): void {
    this.socket.send(JSON.stringify(message));
  }

  sendRaw(data: string): void {
    this.socket.send(data);
  }

  /** The next message of `kind` (matching `predicate`), or one already received and not yet taken. */
  next<K extends Kind>(kind: K, predicate: (m: Extract<ServerMessage, { type: K }>) => boolean = () => true, timeoutMs = 10_000): Promise<Extract<ServerMessage, { type: K }>> {
    const seen = this.received.find((m) => m.type === kind && predicate(m as Extract<ServerMessage, { type: K }>));
    if (seen) {
      this.received.splice(this.received.indexOf(seen), 1);
      return Promise.resolve(seen as Extract<ServerMessage, { type: K }>);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No "${kind}" message within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        kind,
        predicate: predicate as (m: ServerMessage) => boolean,
        resolve: (m) => {
          clearTimeout(timer);
          this.received.splice(this.received.indexOf(m), 1);
          resolve(m as Extract<ServerMessage, { type: K }>);
        },
      });
    });
  }

  close(): void {
    this.socket.close();
  }
}
