import { ERROR_STATUS, type ErrorCode } from '@counterpoint/shared';

/**
 * An error the API answers with a stable code and a message meant for people. Anything thrown that is not an
 * AppError is unexpected: it is logged and answered as INTERNAL_ERROR without detail.
 */
export class AppError extends Error {
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { opIndex?: number; issues?: { path: string; message: string }[] } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.statusCode = ERROR_STATUS[code];
  }
}

export const notFound = (code: ErrorCode, what: string) => new AppError(code, `${what} was not found.`);
