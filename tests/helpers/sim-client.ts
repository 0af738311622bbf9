import { OpsSinceResult, SubmitOpsResult, graphFromLists, type MapSnapshot, type SubmitOpsBody } from '@counterpoint/shared';
import { WebSocket } from 'ws';
import { ApiError, NetworkError } from '../../web/src/api/api-error.js';
import { LiveConnection, type SocketLike } from '../../web/src/sync/live-connection.js';
import { MapDocument } from '../../web/src/sync/map-document.js';
import type { OpsTransport } from '../../web/src/sync/ops-transport.js';
import { TEST_USER_HEADER } from './app.js';

/**
 * A simulated member: the browser's own sync engine (MapDocument + LiveConnection from web/src/sync) over a real
 * WebSocket (the `ws` package) and real HTTP, acting as `who`: a user id (test apps, which read TEST_USER_HEADER)
 * or a session cookie (real server processes; see demoCookie). Tests can cut its connection at will.
 */
export class SimClient {
  readonly doc: MapDocument;
  readonly live: LiveConnection;
  /** Every batch the server acknowledged: (clientSeq of its first op, the versions it got). */
  readonly acked: { clientSeq: number; versions: number[] }[] = [];
  /** Every connection status the client went through, in order. */
  readonly statusHistory: string[] = [];
  private socket: WebSocket | null = null;
  private lastAcked: SubmitOpsBody | null = null;
  private readonly http: OpsTransport;

  constructor(baseUrl: string, mapId: string, who: string | { cookie: string }, snapshot: MapSnapshot) {
    const identity: Record<string, string> = typeof who === 'string' ? { [TEST_USER_HEADER]: who } : { cookie: who.cookie };
    const headers: Record<string, string> = { ...identity, 'content-type': 'application/json' };
    const http = httpTransport(baseUrl, headers);
    this.http = http;
    this.live = new LiveConnection(`${baseUrl.replace('http', 'ws')}/api/maps/${mapId}/live`, {
      backoffMs: [20, 50, 100, 200],
      heartbeatMs: 5_000,
      onStatus: (status) => this.statusHistory.push(status),
      createSocket: (url) => {
        this.socket = new WebSocket(url, { headers });
        return this.socket as unknown as SocketLike;
      },
    });
    const transport: OpsTransport = {
      submit: async (id, body) => {
        const result = await (this.live.isJoined() ? this.live.submit(id, body) : http.submit(id, body));
        this.acked.push({ clientSeq: body.clientSeq, versions: result.versions });
        this.lastAcked = body;
        return result;
      },
      opsSince: http.opsSince,
    };
    this.doc = new MapDocument({ mapId, graph: graphFromLists(snapshot), version: snapshot.version }, transport, {
      retryDelaysMs: [20, 50, 100],
      offlineRetryMs: 200,
    });
    this.live.attach(this.doc);
  }

  /** Delivers the last acknowledged batch again, as a duplicated request would; null when there is none. */
  async resendLast(): Promise<SubmitOpsResult | null> {
    return this.lastAcked ? this.http.submit(this.doc.mapId, this.lastAcked) : null;
  }

  /** Drops the connection as a network failure would; the client reconnects by itself. */
  cut(): void {
    this.socket?.terminate();
  }

  stop(): void {
    this.live.stop();
    this.doc.dispose();
  }
}

function httpTransport(baseUrl: string, headers: Record<string, string>): OpsTransport {
  const call = async (method: string, path: string, body?: unknown) => {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (error) {
      throw new NetworkError(error);
    }
    const json = await response.json();
    if (!response.ok) throw new ApiError(response.status, json);
    return json;
  };
  return {
    submit: async (mapId: string, body: SubmitOpsBody) => SubmitOpsResult.parse(await call('POST', `/api/maps/${mapId}/ops`, body)),
    opsSince: async (mapId: string, since: number) => OpsSinceResult.parse(await call('GET', `/api/maps/${mapId}/ops?since=${since}&limit=10000`)),
  };
}
