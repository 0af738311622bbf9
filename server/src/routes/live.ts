import { z } from 'zod';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { Id } from '@counterpoint/shared';
import { AppError } from '../errors.js';
import type { Actor } from '../plugins/actor.js';
import { isCrossOrigin } from '../plugins/cross-origin.js';
import type { MapService } from '../services/map-service.js';
import { LiveSession } from '../sync/live-session.js';

const Params = z.object({ mapId: Id });

declare module 'fastify' {
  interface FastifyRequest {
    liveContext?: { mapId: string; actor: Actor; user: { id: string; name: string; color: string } };
  }
}

/**
 * The map service as a live session uses it: each batch is counted against the member's op rate (the same
 * allowance as HTTP) and tracked as in flight, so shutdown lets it commit and be acknowledged. A refusal is an
 * AppError, which the session answers as a `reject` the client retries (429 / 503).
 */
function liveMaps(app: FastifyInstance): MapService {
  const maps = app.services.maps;
  return {
    ...maps,
    submitOps: (mapId, actor, ...rest) =>
      app.liveWrites.run(async () => {
        app.checkOpRate(actor.userId);
        return maps.submitOps(mapId, actor, ...rest);
      }),
  };
}

/**
 * GET /api/maps/:mapId/live — the live WebSocket of a map (protocol: shared/src/sync-protocol.ts). Who is acting
 * and whether they may see the map are checked before the upgrade, so a stranger gets an HTTP error, not a socket.
 */
const liveRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/maps/:mapId/live',
    {
      websocket: true,
      preValidation: async (request) => {
        // Browsers let any page open a WebSocket to any host, cookie included: only our own pages may.
        if (isCrossOrigin(request, app.allowedOrigins)) {
          throw new AppError('CROSS_ORIGIN_REQUEST', 'Live updates may only be opened from this site.');
        }
        const params = Params.safeParse(request.params);
        if (!params.success) throw new AppError('VALIDATION_FAILED', 'Invalid request: params.mapId Invalid UUID.');
        const actor = await request.actor();
        // Reading the map's summary checks membership (a non-member gets MAP_NOT_FOUND).
        await app.services.maps.summary(params.data.mapId, actor);
        const user = await app.db.user.findUnique({ where: { id: actor.userId }, select: { id: true, name: true, color: true } });
        if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
        request.liveContext = { mapId: params.data.mapId, actor, user };
      },
    },
    (socket, request) => {
      const context = request.liveContext!;
      new LiveSession(socket, context.mapId, context.actor, context.user, {
        hub: app.syncHub,
        maps: liveMaps(app),
        readOps: (mapId, since, limit) => app.services.maps.opsSince(mapId, context.actor, since, limit),
        log: request.log,
      });
    },
  );
};
export default liveRoutes;
