import { ApiErrorBody } from '@counterpoint/shared';
import type { z } from 'zod';
import { ApiError, NetworkError } from './api-error';
import { csrfHeaderFor } from './csrf';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Calls the API on the same origin and parses the answer with a shared schema, so a server that drifts from
 * the contract fails loudly here instead of deep inside a component. Pass `null` for answers without a body.
 */
export async function request<S extends z.ZodType>(method: Method, path: string, schema: S, body?: unknown): Promise<z.output<S>>;
export async function request(method: Method, path: string, schema: null, body?: unknown): Promise<void>;
export async function request(method: Method, path: string, schema: z.ZodType | null, body?: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await (takeEarlyGet(method, path) ??
      fetch(path, {
        method,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...csrfHeaderFor(method),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }));
  } catch (cause) {
    throw new NetworkError(cause);
  }
  if (!response.ok) throw await errorFrom(response);
  if (schema === null) return undefined;

  const json: unknown = await response.json().catch(() => undefined);
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    console.error(`Unexpected answer from ${method} ${path}`, parsed.error.issues);
    throw new ApiError(response.status, {
      code: 'BAD_RESPONSE',
      message: 'The server sent an answer this page does not understand. Try reloading the page.',
    });
  }
  return parsed.data;
}

declare global {
  interface Window {
    /** GETs started by public/early-requests.js before the app's code ran, by path; each is used once. */
    __earlyGets?: Record<string, Promise<Response> | undefined>;
  }
}

/** The answer to a GET that public/early-requests.js asked for already, if it did (once). */
function takeEarlyGet(method: Method, path: string): Promise<Response> | undefined {
  const early = method === 'GET' ? window.__earlyGets?.[path] : undefined;
  if (early) delete window.__earlyGets![path];
  return early;
}

async function errorFrom(response: Response): Promise<ApiError> {
  const json: unknown = await response.json().catch(() => undefined);
  const parsed = ApiErrorBody.safeParse(json);
  if (parsed.success) return new ApiError(response.status, parsed.data);
  // A proxy or a crashed server may answer without our error body; still say something useful.
  return new ApiError(response.status, {
    code: response.status >= 500 ? 'INTERNAL_ERROR' : 'BAD_RESPONSE',
    message: `The server answered ${response.status} ${response.statusText}`.trim() + '.',
  });
}
