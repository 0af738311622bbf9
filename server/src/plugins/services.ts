import fp from 'fastify-plugin';
import { createGroupService, type GroupService } from '../services/group-service.js';
import { createMapService, type MapService } from '../services/map-service.js';
import { createSourceService, type SourceService } from '../services/source-service.js';
import { createSourceRevisionService, type SourceRevisionService } from '../services/source-revision-service.js';
import { createSearchService, type SearchService } from '../services/search-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    services: {
      groups: GroupService;
      maps: MapService;
      sources: SourceService;
      sourceRevisions: SourceRevisionService;
      search: SearchService;
    };
  }
}

/** Builds the services once over the database; routes reach them as `app.services`. */
export default fp(
  async (app) => {
    const maps = createMapService(app.db, app.sqlPool);
    const sources = createSourceService(app.db);
    app.decorate('services', {
      groups: createGroupService(app.db),
      maps,
      sources,
      sourceRevisions: createSourceRevisionService(app.db, maps, sources),
      search: createSearchService(app.db),
    });
  },
  { name: 'services', dependencies: ['database'] },
);
