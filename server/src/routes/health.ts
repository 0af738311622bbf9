import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiErrorBody, Health } from '@counterpoint/shared';
import { AppError } from '../errors.js';

/** Liveness that means something: the database answers. */
const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/health', { schema: { tags: ['health'], response: { 200: Health, 503: ApiErrorBody } } }, async (request) => {
    try {
      await app.db.$queryRaw`SELECT 1`;
    } catch (error) {
      request.log.error({ err: error }, 'health check: database unreachable');
      throw new AppError('DATABASE_UNAVAILABLE', 'The database is not reachable.');
    }
    return { status: 'ok' as const, database: 'ok' as const, version: '0.1.0' };
  });
};
export default healthRoutes;
