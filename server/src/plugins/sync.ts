import fp from 'fastify-plugin';
import websocket from '@fastify/websocket';
import { readOpLog } from '../repositories/op-log-repository.js';
import { MAP_OPS_CHANNEL } from '../services/map-service.js';
import { DiscussionRelay } from '../sync/discussion-relay.js';
import { PgListener } from '../sync/pg-listener.js';
import { SyncHub } from '../sync/sync-hub.js';

declare module 'fastify' {
  interface FastifyInstance {
    syncHub: SyncHub;
  }
}

/**
 * Live sync infrastructure: the WebSocket server, this instance's hub, and the LISTEN connection that tells the
 * hub about commits made through any instance sharing the database.
 */
export default fp<{ databaseUrl: string }>(
  async (app, { databaseUrl }) => {
    await app.register(websocket, { options: { maxPayload: 4 * 1024 * 1024 } });
    const hub = new SyncHub(
      {
        mapVersion: async (mapId) => (await app.db.map.findUnique({ where: { id: mapId }, select: { version: true } }))?.version ?? 0,
        readOps: (mapId, since, limit) => readOpLog(app.db, mapId, since, limit),
      },
      (error) => app.log.error({ err: error }, 'broadcast failed'),
    );
    const listener = new PgListener(
      databaseUrl,
      MAP_OPS_CHANNEL,
      (payload) => {
        try {
          const { mapId, version } = JSON.parse(payload) as { mapId: string; version: number };
          hub.notify(mapId, version);
        } catch (error) {
          app.log.error({ err: error, payload }, 'bad notification');
        }
      },
      () => hub.resyncAll(),
      { info: (m) => app.log.info(m), error: (m, err) => app.log.error({ err }, m) },
      () => hub.disconnectAll(),
    );
    await listener.start();
    // This instance's own commits go out from memory right after COMMIT; NOTIFY still tells the other instances.
    app.services.maps.onCommitted((mapId, entries) => hub.publish(mapId, entries));
    // Stances and comments written through any instance, relayed to this instance's connections.
    const discussionRelay = new DiscussionRelay(databaseUrl, app.db, hub, { info: (m) => app.log.info(m), error: (m, err) => app.log.error({ err }, m) });
    await discussionRelay.start();
    app.decorate('syncHub', hub);
    app.addHook('onClose', async () => {
      await listener.close();
      await discussionRelay.close();
    });
  },
  { name: 'sync', dependencies: ['database', 'services'] },
);
