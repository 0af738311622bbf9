import { PassThrough } from 'node:stream';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ExportFormat,
  Id,
  IMPORT_MAX_BYTES,
  ImportFormat,
  ImportPreview,
  ImportResult,
  nativeJsonSchema,
  type ApiErrorBody,
  type ImportProgressLine,
} from '@counterpoint/shared';
import { AppError } from '../errors.js';
import { createInterchangeService } from '../services/interchange-service.js';

const ExportQuery = z.object({
  format: ExportFormat,
  /** Outline only: the claim or question to start from. */
  root: Id.optional(),
  /** Native only: false leaves the quoted sources' texts out of the file. */
  sourceText: z.stringbool().default(true),
});

const ImportQuery = z.object({
  format: ImportFormat,
  /** true: read and check the file, answer what would be created and the problems; write nothing. */
  dryRun: z.stringbool().default(false),
  /** The new map's title (default: the file's title, if it has one). */
  title: z.string().max(200).optional(),
});

const NDJSON = 'application/x-ndjson';

/**
 * Export (GET /maps/:mapId/export) and import (POST /groups/:groupId/maps/import) of maps, and the native
 * format's JSON Schema. The import body is the file itself, read as text whatever its content type, up to
 * IMPORT_MAX_BYTES (413 above); with `Accept: application/x-ndjson` the answer streams progress lines.
 */
const interchangeRoutes: FastifyPluginAsyncZod = async (app) => {
  const interchange = createInterchangeService({ db: app.db, maps: app.services.maps, sources: app.services.sources });

  // Encapsulated: only this plugin's routes take raw files; the rest of the API keeps parsing JSON bodies.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: IMPORT_MAX_BYTES }, (_request, body, done) => done(null, body));

  app.get('/formats/native.schema.json', { schema: { tags: ['interchange'] } }, async (_request, reply) =>
    reply.type('application/schema+json; charset=utf-8').send(JSON.stringify(nativeJsonSchema(), null, 2)),
  );

  app.get(
    '/maps/:mapId/export',
    { schema: { tags: ['interchange'], params: z.object({ mapId: Id }), querystring: ExportQuery } },
    async (request, reply) => {
      const { format, root, sourceText } = request.query;
      if (root && format !== 'outline') throw new AppError('VALIDATION_FAILED', 'Only the outline export takes a root.');
      const file = await interchange.exportMap(request.params.mapId, await request.actor(), format, { rootId: root, includeSourceText: sourceText });
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .send(file.text);
    },
  );

  app.post(
    '/groups/:groupId/maps/import',
    {
      bodyLimit: IMPORT_MAX_BYTES,
      schema: {
        tags: ['interchange'],
        params: z.object({ groupId: Id }),
        querystring: ImportQuery,
        body: z.string().optional(),
        response: { 200: ImportPreview, 201: ImportResult },
      },
    },
    async (request, reply) => {
      const actor = await request.actor();
      const { format, dryRun, title } = request.query;
      const prepared = await interchange.prepareImport(request.params.groupId, actor, format, request.body ?? '', title);
      if (dryRun) return reply.code(200).send(prepared.preview);
      if (!request.headers.accept?.includes(NDJSON)) return reply.code(201).send(await interchange.writeImport(prepared, actor));

      // Streamed: a progress line per written batch, then the result (or the error) as the last line.
      const stream = new PassThrough();
      const line = (value: ImportProgressLine) => stream.write(`${JSON.stringify(value)}\n`);
      void interchange
        .writeImport(prepared, actor, (written, total) => line({ type: 'progress', written, total }))
        .then((result) => line({ type: 'done', result }))
        .catch((error: unknown) => {
          request.log.error({ err: error }, 'import failed while writing');
          const known = error instanceof AppError;
          const body: Pick<ApiErrorBody, 'code' | 'message'> = known
            ? { code: error.code, message: error.message }
            : { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side. It has been logged; nothing was imported.' };
          line({ type: 'error', error: body });
        })
        .finally(() => stream.end());
      // Fastify pipes a stream as it is (no serialisation); the cast only tells the typed reply so.
      return reply.code(201).type(`${NDJSON}; charset=utf-8`).header('cache-control', 'no-store').send(stream as never);
    },
  );
};
export default interchangeRoutes;
