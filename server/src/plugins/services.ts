import fp from 'fastify-plugin';
import { createGroupService, type GroupService } from '../services/group-service.js';
import { createMapService, type MapService } from '../services/map-service.js';
import { createSourceService, type SourceService } from '../services/source-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    services: { groups: GroupService; maps: MapService; sources: SourceService };
  }
}

/** Builds the services once over the database; routes reach them as `app.services`. */
export default fp(
  async (app) => {
    app.decorate('services', {
      groups: createGroupService(app.db),
      maps: createMapService(app.db),
      sources: createSourceService(app.db),
    });
  },
  { name: 'services', dependencies: ['database'] },
);
