import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import fp from 'fastify-plugin';
import { AppError } from '../errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Live op batches in flight, so closing can wait for them to commit and be acknowledged. */
    liveWrites: LiveWrites;
  }
}

export interface LiveWrites {
  /**
   * Runs one live op batch, counted as in flight until it settles. Once the server is stopping it refuses new
   * batches with SHUTTING_DOWN (503): nothing is written and the client sends the batch again after reconnecting.
   */
  run<T>(write: () => Promise<T>): Promise<T>;
}

/** How long a live client has to answer the close frame before its connection is cut. */
const CLOSE_HANDSHAKE_MS = 2_000;

/** Close code the live clients get: "service restart", the client reconnects (with backoff) and catches up. */
export const RESTART_CLOSE_CODE = 1012;

/**
 * Turns new live connections away at the door: 503, then the socket is closed. (Fastify answers an upgrade made
 * while closing with a 503 but leaves its socket open, which would keep the server from ever closing.)
 */
function refuseUpgrades(server: Server): void {
  const body = JSON.stringify({ statusCode: 503, code: 'SHUTTING_DOWN', message: 'The server is restarting. Reconnect shortly.', requestId: randomUUID() });
  server.removeAllListeners('upgrade');
  server.on('upgrade', (_request, socket) => {
    const head = `HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
    socket.end(head + body, () => socket.destroy());
  });
}

/**
 * What `app.close()` does before the HTTP server stops listening (preClose), in order:
 * 1. refuse new live batches and connections (new HTTP requests already get Fastify's 503 once closing starts);
 * 2. wait for live batches in flight to commit and their acks to go out, at most `drainMs`;
 * 3. send every live client a close frame (1012), so it reconnects elsewhere or once the server is back.
 * HTTP requests in flight (op batches posted over HTTP included) finish before the server closes; onClose waits
 * again for any live batch the time limit cut short, so the database is never closed under a commit.
 */
export default fp<{ drainMs: number }>(
  async (app, { drainMs }) => {
    let stopping = false;
    const inFlight = new Set<Promise<unknown>>();
    const settled = (limitMs: number) =>
      Promise.race([Promise.allSettled([...inFlight]), new Promise((resolve) => setTimeout(resolve, limitMs).unref())]);

    app.decorate('liveWrites', {
      run<T>(write: () => Promise<T>): Promise<T> {
        if (stopping) return Promise.reject(new AppError('SHUTTING_DOWN', 'The server is restarting; your change will be sent again.'));
        const running = write();
        inFlight.add(running);
        void running.finally(() => inFlight.delete(running)).catch(() => {});
        return running;
      },
    });

    app.addHook('preClose', async () => {
      stopping = true;
      refuseUpgrades(app.server);
      await settled(drainMs);
      const clients = [...(app.websocketServer?.clients ?? [])];
      const closed = clients.map((client) => new Promise((resolve) => client.once('close', resolve)));
      for (const client of clients) client.close(RESTART_CLOSE_CODE, 'Server restarting; reconnect.');
      // A client that never answers the close frame would hold the HTTP server open; cut it off.
      await Promise.race([Promise.all(closed), new Promise((resolve) => setTimeout(resolve, CLOSE_HANDSHAKE_MS).unref())]);
      for (const client of clients) client.terminate();
    });
    app.addHook('onClose', async () => {
      await settled(drainMs);
    });
  },
  // Registered before sync: preClose hooks run in registration order, and @fastify/websocket's own (closing
  // clients without a code) must find them already told why. The WebSocket server is looked up at close time.
  { name: 'graceful-shutdown' },
);
