import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_STATUS, type ApiErrorBody, type ErrorCode } from '@counterpoint/shared';
import { AppError } from '../errors.js';

/** Fastify's own error codes for bad requests, mapped to ours. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

function send(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, message: string, extra: Partial<ApiErrorBody> = {}) {
  const statusCode = ERROR_STATUS[code];
  const body: ApiErrorBody = { statusCode, code, message, requestId: request.id, ...extra };
  return reply.code(statusCode).send(body);
}

/** A connection-level database failure: the request may be retried later. */
export function isDatabaseDown(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ''} ${(error as Error)?.message ?? ''}`;
  return /ECONNREFUSED|ECONNRESET|57P01|57P03|P1001|Can't reach database server|Connection terminated|DatabaseNotReachable|connect ETIMEDOUT/i.test(text);
}

/** Text PostgreSQL cannot store (a NUL character): bad input, not a server fault. */
function isUnstorableText(error: unknown): boolean {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } })?.meta?.driverAdapterError?.cause;
  return cause?.originalCode === '22021' || cause?.originalCode === '22P05';
}

/**
 * One place maps errors to answers `{ statusCode, code, message, requestId }`. Stack traces and the text of
 * unexpected errors are logged, never sent.
 */
export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof AppError) {
        return send(reply, request, error.code, error.message, error.details);
      }
      if (hasZodFastifySchemaValidationErrors(error)) {
        const issues = error.validation.map((issue) => ({
          path: `${error.validationContext ?? 'body'}${issue.instancePath.replaceAll('/', '.')}`,
          message: issue.message ?? 'is invalid',
        }));
        const first = issues[0];
        return send(reply, request, 'VALIDATION_FAILED', `Invalid request: ${first ? `${first.path} ${first.message}` : 'bad input'}.`, { issues });
      }
      const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
      if (mapped) return send(reply, request, mapped, error.message);
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        return send(reply, request, 'VALIDATION_FAILED', error.message);
      }
      if (isUnstorableText(error)) return send(reply, request, 'VALIDATION_FAILED', 'The text contains a character that cannot be stored (such as NUL).');
      if (isDatabaseDown(error)) {
        request.log.error({ err: error }, 'database unavailable');
        return send(reply, request, 'DATABASE_UNAVAILABLE', 'The database is not reachable right now. Try again shortly.');
      }
      request.log.error({ err: error }, 'unexpected error');
      return send(reply, request, 'INTERNAL_ERROR', 'Something went wrong on our side. It has been logged.');
    });
  },
  { name: 'error-handler' },
);
