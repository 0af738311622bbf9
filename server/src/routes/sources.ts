import { z } from 'zod';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateSourceBody,
  Id,
  Quotation,
  QuotationsQuery,
  ReviseSourceTextBody,
  SourceDetail,
  SourceRevisionResult,
  SourceSummary,
} from '@counterpoint/shared';
import { readSourceUpload } from '../uploads/read-source-upload.js';

const GroupParams = z.object({ groupId: Id });
const SourceParams = z.object({ sourceId: Id });

const sourceRoutes: FastifyPluginAsyncZod = async (app) => {
  // Only this plugin takes multipart bodies: the source upload.
  await app.register(multipart);

  app.get(
    '/groups/:groupId/sources',
    { schema: { tags: ['sources'], params: GroupParams, response: { 200: z.array(SourceSummary) } } },
    async (request) => app.services.sources.list(request.params.groupId, await request.actor()),
  );

  app.post(
    '/groups/:groupId/sources',
    {
      bodyLimit: 6 * 1024 * 1024,
      schema: {
        tags: ['sources'],
        description:
          'Imports a source: JSON `{ title, kind, author?, date?, url?, text }`, or multipart/form-data with a `file` ' +
          '(.txt, .md or .html, at most 5 MB; HTML is reduced to its text) and the same metadata as fields.',
        params: GroupParams,
        body: CreateSourceBody,
        response: { 201: SourceDetail },
      },
      // A multipart upload becomes the JSON body before validation, so both go through CreateSourceBody.
      preValidation: async (request) => {
        if (request.isMultipart()) (request as { body: unknown }).body = await readSourceUpload(request);
      },
    },
    async (request, reply) => {
      const source = await app.services.sources.create(request.params.groupId, await request.actor(), request.body);
      return reply.code(201).send(source);
    },
  );

  app.get(
    '/sources/:sourceId',
    { schema: { tags: ['sources'], params: SourceParams, response: { 200: SourceDetail } } },
    async (request) => app.services.sources.get(request.params.sourceId, await request.actor()),
  );

  app.put(
    '/sources/:sourceId/text',
    {
      bodyLimit: 6 * 1024 * 1024,
      schema: {
        tags: ['sources'],
        description: 'Corrects the text: stores a new revision and re-anchors every quotation of the source (report per quotation).',
        params: SourceParams,
        body: ReviseSourceTextBody,
        response: { 200: SourceRevisionResult },
      },
    },
    async (request) => app.services.sourceRevisions.reviseText(request.params.sourceId, await request.actor(), request.body),
  );

  app.get(
    '/groups/:groupId/quotations',
    { schema: { tags: ['sources'], params: GroupParams, querystring: QuotationsQuery, response: { 200: z.array(Quotation) } } },
    async (request) => app.services.sources.quotations(request.params.groupId, await request.actor(), request.query),
  );
};
export default sourceRoutes;
