import type { LightMyRequestResponse } from 'fastify';
import { ApiErrorBody, ERROR_STATUS } from '@counterpoint/shared';

/** Fails (rather than waits forever) when the app does not answer within `ms`: a hang is a bug too. */
export async function answerWithin<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer within ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Throws unless the answer is a client error in the API's one error shape: a 4xx whose `code` is a stable code
 * of ERROR_STATUS mapped to that very status, and a message for people. Plain throws so fast-check reports them
 * with the input that caused them.
 */
export function assertClientError(response: LightMyRequestResponse, what: string): ApiErrorBody {
  const status = response.statusCode;
  if (status < 400 || status >= 500) throw new Error(`${what}: expected a 4xx, got ${status}: ${response.body.slice(0, 300)}`);
  return assertErrorShape(response, what);
}

/** For requests that may be valid (reads): anything but a 5xx, and errors in the API's error shape. */
export function assertNoServerError(response: LightMyRequestResponse, what: string): void {
  if (response.statusCode >= 500) throw new Error(`${what}: got ${response.statusCode}: ${response.body.slice(0, 300)}`);
  if (response.statusCode >= 400) assertErrorShape(response, what);
}

function assertErrorShape(response: LightMyRequestResponse, what: string): ApiErrorBody {
  const parsed = ApiErrorBody.safeParse(safeJson(response.body));
  if (!parsed.success) throw new Error(`${what}: error body is not an ApiErrorBody: ${response.body.slice(0, 300)}`);
  const body = parsed.data;
  if (ERROR_STATUS[body.code] !== response.statusCode) throw new Error(`${what}: code ${body.code} answered with ${response.statusCode}`);
  if (body.message.trim().length < 5) throw new Error(`${what}: no message for people: ${response.body.slice(0, 300)}`);
  return body;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
