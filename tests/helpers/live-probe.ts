import { WebSocket } from 'ws';
import { ServerMessage } from '@counterpoint/shared';
import { TEST_USER_HEADER } from './app.js';

/**
 * A raw live connection for fuzzing: every server message must parse with the shared schema, and `roundTrip`
 * sends something, waits for its answer, then shows the connection still works with a ping.
 */
export class LiveProbe {
  private received: ServerMessage[] = [];
  private waiting: (() => void) | null = null;
  closedWith: number | null = null;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.received.push(ServerMessage.parse(JSON.parse(String(data))));
      this.waiting?.();
    });
    socket.on('close', (code) => {
      this.closedWith = code;
      this.waiting?.();
    });
  }

  static open(wsBaseUrl: string, mapId: string, userId: string): Promise<LiveProbe> {
    const socket = new WebSocket(`${wsBaseUrl}/api/maps/${mapId}/live`, { headers: { [TEST_USER_HEADER]: userId } });
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new LiveProbe(socket)));
      socket.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
      socket.once('error', reject);
    });
  }

  /**
   * Sends `data` (text, or a binary frame) and resolves with what arrives up to and including the first message
   * `isAnswer` accepts; then checks the connection still answers a ping. Throws on a close or a timeout (a hang).
   */
  async roundTrip(data: string | Buffer, isAnswer: (m: ServerMessage) => boolean = isRefusal, timeoutMs = 10_000): Promise<ServerMessage[]> {
    this.received = [];
    this.socket.send(data);
    const answers = await this.until(isAnswer, timeoutMs, data);
    this.received = [];
    this.socket.send(JSON.stringify({ type: 'ping' }));
    await this.until((m) => m.type === 'pong', timeoutMs, 'ping');
    return answers;
  }

  private async until(isAnswer: (m: ServerMessage) => boolean, timeoutMs: number, sent: string | Buffer): Promise<ServerMessage[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const at = this.received.findIndex(isAnswer);
      if (at >= 0) return this.received.slice(0, at + 1);
      if (this.closedWith !== null) throw new Error(`connection closed (${this.closedWith}) after: ${String(sent).slice(0, 200)}`);
      if (Date.now() > deadline) throw new Error(`no answer within ${timeoutMs} ms to: ${String(sent).slice(0, 200)}`);
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
        setTimeout(resolve, 50);
      });
    }
  }

  close(): void {
    this.socket.close();
  }
}

/** An `error` or `reject`: how the server refuses a message. */
export const isRefusal = (m: ServerMessage) => m.type === 'error' || m.type === 'reject';
