import { z } from 'zod';

/**
 * Stable error codes: clients branch on these, people read the message. Each code has one HTTP status.
 * Add a code here rather than reusing one with a different meaning.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_JSON: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  GROUP_NOT_FOUND: 404,
  MAP_NOT_FOUND: 404,
  SOURCE_NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  // Op rejections: the batch is refused as a whole and nothing is written.
  BASE_VERSION_AHEAD: 409,
  DUPLICATE_ID: 409,
  CLIENT_SEQ_REUSED: 409,
  NODE_NOT_FOUND: 422,
  EDGE_NOT_FOUND: 422,
  ARGUMENT_NOT_FOUND: 422,
  EVENT_NOT_FOUND: 422,
  READING_NOT_FOUND: 422,
  TARGET_NOT_FOUND: 422,
  EDGE_KIND_NOT_ALLOWED: 422,
  SELF_LOOP: 422,
  DUPLICATE_EDGE: 422,
  INVALID_ARGUMENT: 422,
  QUOTE_REQUIRED: 422,
  QUOTE_NOT_ALLOWED: 422,
  QUOTE_SOURCE_NOT_FOUND: 422,
  SELECTOR_MISMATCH: 422,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  DATABASE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ErrorCode = z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]);

/** A rule broken by an op, as applyOp reports it. */
export interface OpError {
  code: ErrorCode;
  message: string;
}

/** The body of every error answer of the API. */
export const ApiErrorBody = z.object({
  statusCode: z.number().int(),
  code: ErrorCode,
  message: z.string(),
  requestId: z.string(),
  /** For a rejected op batch: the index of the op that broke a rule. */
  opIndex: z.number().int().optional(),
  /** For validation failures: which fields, and what is wrong with each. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;
