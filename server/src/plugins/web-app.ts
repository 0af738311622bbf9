import { existsSync } from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { AppError } from '../errors.js';

/**
 * Serves the built web app (web/dist) and answers unknown non-API paths with index.html, so client-side routes
 * like /maps/:id survive a reload. Unknown /api paths get a JSON 404.
 */
export default fp<{ root: string }>(
  async (app, { root }) => {
    const built = existsSync(path.join(root, 'index.html'));
    if (built) await app.register(fastifyStatic, { root, wildcard: false, index: ['index.html'] });
    app.setNotFoundHandler((request, reply) => {
      const url = request.url.split('?')[0] ?? '';
      // Paths with a file extension are assets: a missing one is a 404, not the app (a stale tab asking for an
      // old bundle must fail visibly rather than get HTML back as JavaScript).
      const isAsset = /\.[a-z0-9]+$/i.test(url);
      if (url.startsWith('/api/') || url === '/api' || request.method !== 'GET' || !built || isAsset) {
        throw new AppError('ROUTE_NOT_FOUND', built || url.startsWith('/api') ? `No route ${request.method} ${url}.` : 'The web app is not built yet: run `npm run build`.');
      }
      return reply.type('text/html').sendFile('index.html');
    });
  },
  { name: 'web-app', dependencies: ['error-handler'] },
);
