import type { ApiErrorBody, ErrorCode } from '@counterpoint/shared';

/** The server answered with an error body; `code` is stable, `message` is meant for people. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  /** A shared ErrorCode, or BAD_RESPONSE when the answer was not what the shared schemas describe. */
  readonly code: ErrorCode | 'BAD_RESPONSE';
  readonly requestId: string | null;
  /** For a rejected op batch: which op broke a rule. */
  readonly opIndex: number | null;
  readonly issues: ApiErrorBody['issues'];

  constructor(status: number, body: Partial<Omit<ApiErrorBody, 'code'>> & { code: ApiError['code']; message: string }) {
    super(body.message);
    this.status = status;
    this.code = body.code;
    this.requestId = body.requestId ?? null;
    this.opIndex = body.opIndex ?? null;
    this.issues = body.issues;
  }

  /** Worth retrying unchanged: the server was overloaded or failed, not the request. */
  get retryable(): boolean {
    return this.status >= 500 || this.status === 429 || this.status === 408;
  }
}

/** The request never got an answer (offline, server down, connection reset). Always worth retrying. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(cause: unknown) {
    super('Cannot reach the Counterpoint server. Check your connection.', { cause });
  }
}

/** A message for people, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError || error instanceof NetworkError) return error.message;
  if (error instanceof Error && error.message) return `Something went wrong: ${error.message}`;
  return 'Something went wrong.';
}
