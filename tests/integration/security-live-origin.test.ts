import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ApiErrorBody } from '@counterpoint/shared';
import { as, createGroup, createMap, createTestApp, createUser, type TestContext } from '../helpers/app.js';

const PARTNER_ORIGIN = 'https://partner.example.org';

/** The live socket is opened only for pages of this site (or ALLOWED_ORIGINS); scripts without an Origin pass. */
describe('live WebSocket: Origin check before the upgrade', () => {
  let ctx: TestContext;
  let liveUrl: string;
  let host: string;
  let memberId: string;

  beforeAll(async () => {
    ctx = await createTestApp({ allowedOrigins: [PARTNER_ORIGIN] });
    const baseUrl = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    host = new URL(baseUrl).host;
    memberId = (await createUser(ctx.db, 'Member')).id;
    const group = await createGroup(ctx.db, { editor: memberId });
    liveUrl = `${baseUrl.replace('http', 'ws')}/api/maps/${(await createMap(ctx.db, group.id)).id}/live`;
  });
  afterAll(async () => ctx.close());

  /** Opens the socket; resolves with "open", or with the HTTP status and body of a refused upgrade. */
  function tryOpen(headers: Record<string, string>): Promise<{ opened: true } | { opened: false; status: number; body: string }> {
    const socket = new WebSocket(liveUrl, { headers: { ...as(memberId), ...headers } });
    return new Promise((resolve, reject) => {
      socket.once('open', () => {
        socket.close();
        resolve({ opened: true });
      });
      socket.once('unexpected-response', (_request, response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += String(chunk)));
        response.on('end', () => resolve({ opened: false, status: response.statusCode ?? 0, body }));
      });
      socket.once('error', reject);
    });
  }

  it('refuses an upgrade from another site with 403 CROSS_ORIGIN_REQUEST, before any socket opens', async () => {
    for (const origin of ['https://evil.example', 'null', `http://${host}.evil.example`]) {
      const result = await tryOpen({ origin });
      expect(result.opened).toBe(false);
      if (result.opened) continue;
      expect(result.status).toBe(403);
      expect(ApiErrorBody.parse(JSON.parse(result.body)).code).toBe('CROSS_ORIGIN_REQUEST');
    }
    expect((await tryOpen({ origin: `http://${host}`, 'sec-fetch-site': 'cross-site' })).opened).toBe(false);
  });

  it('opens for a page of this site, an origin in ALLOWED_ORIGINS, and a client that sends no Origin', async () => {
    expect(await tryOpen({ origin: `http://${host}` })).toEqual({ opened: true });
    expect(await tryOpen({ origin: PARTNER_ORIGIN })).toEqual({ opened: true });
    expect(await tryOpen({})).toEqual({ opened: true });
  });

  it('still needs a session or credential without an Origin', async () => {
    const socket = new WebSocket(liveUrl); // no Origin and nobody acting
    const status = await new Promise<number>((resolve, reject) => {
      socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      socket.once('open', () => reject(new Error('opened without a session')));
      socket.once('error', reject);
    });
    expect(status).toBe(401);
  });
});
