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
  /** A reading named in a query (evaluation, compare) is not a reading of that map. Ops use READING_NOT_FOUND (422). */
  READING_UNKNOWN: 404,
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
  // Source uploads (.txt, .md, .html): a refused file stores nothing.
  /** A multipart upload without a file part. */
  UPLOAD_MISSING_FILE: 400,
  /** The file is empty, or has no text once HTML markup is dropped. */
  UPLOAD_EMPTY: 400,
  /** Over the size limit of a source (5 MB). */
  UPLOAD_TOO_LARGE: 413,
  /** Not a .txt, .md or .html file. */
  UPLOAD_UNSUPPORTED_TYPE: 415,
  /** Binary data (an image, a PDF, a word-processor file), not text. */
  UPLOAD_NOT_TEXT: 415,
  /** Text in an encoding that cannot be read (not UTF-8 or UTF-16). */
  UPLOAD_UNDECODABLE: 422,
  /** A text correction based on an older revision than the source's current one. */
  SOURCE_REVISION_CONFLICT: 409,
  // Imports: the file is refused as a whole and nothing is written.
  /** The file is not in the format named (or is empty). */
  IMPORT_WRONG_FORMAT: 422,
  /** The file is in the format but cannot be imported as it stands; `issues` says where and why. */
  IMPORT_INVALID: 422,
  // Accounts, groups and invitations: a refused request changes nothing.
  /** Wrong email or password (never says which, so emails cannot be probed). */
  INVALID_CREDENTIALS: 401,
  /** Sign-up with an email that already has an account. */
  EMAIL_TAKEN: 409,
  /** Demo sign-in asked for while demo mode is off, or for someone who is not a demo member. */
  DEMO_MODE_OFF: 404,
  INVITATION_NOT_FOUND: 404,
  /** The invitation's expiry has passed. */
  INVITATION_EXPIRED: 410,
  /** The invitation was already accepted (links are single-use). */
  INVITATION_USED: 410,
  /** Accepting an invitation to a group one already belongs to. */
  ALREADY_MEMBER: 409,
  /** The user named is not a member of the group. */
  MEMBER_NOT_FOUND: 404,
  /** A role change, leave or removal that would leave the group without an owner. */
  LAST_OWNER: 409,
  /** Stances are taken on claims only. */
  NOT_A_CLAIM: 422,
  COMMENT_NOT_FOUND: 404,
  // Request forgery (SECURITY.md): refused before anything is read or written.
  /** A browser write authenticated by the session cookie without the `x-csrf-token` header. */
  CSRF_TOKEN_MISSING: 403,
  /** The `x-csrf-token` header does not belong to the session the cookie names. */
  CSRF_TOKEN_INVALID: 403,
  /** A write or live connection started by a page of another origin. */
  CROSS_ORIGIN_REQUEST: 403,
  /** Too many attempts (sign-in) or op batches (per member); retry after the time the message gives. */
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  DATABASE_UNAVAILABLE: 503,
  /** The server is stopping (deploy or restart); nothing was written. Retry shortly, against the next server. */
  SHUTTING_DOWN: 503,
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
