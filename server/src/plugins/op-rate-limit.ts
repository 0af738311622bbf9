import fp from 'fastify-plugin';
import { AppError } from '../errors.js';
import { TokenBuckets, type OpRateLimit } from './token-bucket.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Takes one op batch from the member's allowance; throws RATE_LIMITED (429, retryable) when it is spent. */
    checkOpRate(userId: string): void;
  }
}

/** The HTTP write path of ops; the WebSocket one (live.ts) calls `checkOpRate` itself. */
const HTTP_OPS_ROUTE = '/api/maps/:mapId/ops';

/**
 * One allowance of op batches per member, shared by POST /api/maps/:id/ops and live `submit` messages, so a member
 * cannot flood a map (and every peer's screen) by switching channel. The web client treats the 429 as "retry
 * later" and keeps the edit (web/src/sync/map-document.ts onFailed).
 */
export default fp<{ limit: OpRateLimit }>(
  async (app, { limit }) => {
    const buckets = new TokenBuckets(limit);
    app.decorate('checkOpRate', (userId: string) => {
      const waitMs = buckets.take(userId);
      if (waitMs > 0) {
        throw new AppError('RATE_LIMITED', `Too many changes at once. Try again in ${Math.ceil(waitMs / 1000)} s.`);
      }
    });
    app.addHook('preHandler', async (request) => {
      if (request.method !== 'POST' || request.routeOptions.url !== HTTP_OPS_ROUTE) return;
      app.checkOpRate((await request.actor()).userId);
    });
  },
  { name: 'op-rate-limit', dependencies: ['actor', 'error-handler'] },
);
