import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CompareQuery, Comparison, EvaluationQuery, EvaluationResponse, Id } from '@counterpoint/shared';
import { createEvaluationService } from '../services/evaluation-service.js';

const MapParams = z.object({ mapId: Id });

/**
 * Which claims stand (GET /maps/:mapId/evaluation[?reading=]) and readings side by side
 * (GET /maps/:mapId/compare?a=&b=). Read-only: any member of the map's group may ask.
 */
const evaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  const evaluation = createEvaluationService({ maps: app.services.maps });

  app.get(
    '/maps/:mapId/evaluation',
    { schema: { tags: ['evaluation'], params: MapParams, querystring: EvaluationQuery, response: { 200: EvaluationResponse } } },
    async (request) => evaluation.evaluate(request.params.mapId, await request.actor(), request.query.reading),
  );

  app.get(
    '/maps/:mapId/compare',
    { schema: { tags: ['evaluation'], params: MapParams, querystring: CompareQuery, response: { 200: Comparison } } },
    async (request) => evaluation.compare(request.params.mapId, await request.actor(), request.query.a, request.query.b),
  );
};
export default evaluationRoutes;
