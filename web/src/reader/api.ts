import {
  ApiErrorBody,
  Quotation,
  SearchResult,
  SourceDetail,
  SourceRevisionResult,
  type CreateSourceBody,
  type QuotationsQuery,
  type ReviseSourceTextBody,
} from '@counterpoint/shared';
import { z } from 'zod';
import { ApiError, NetworkError } from '../api/api-error';
import { csrfHeader } from '../api/csrf';
import { request } from '../api/http';

/** The sources, quotations and search endpoints; answers parsed with their shared schemas. */

const enc = encodeURIComponent;

export const importSourceText = (groupId: string, body: CreateSourceBody) =>
  request('POST', `/api/groups/${enc(groupId)}/sources`, SourceDetail, body);

/** Imports a .txt, .md or .html file with its metadata (multipart, as a browser form sends it). */
export async function uploadSourceFile(groupId: string, file: File, meta: Record<string, string>): Promise<SourceDetail> {
  const form = new FormData();
  for (const [name, value] of Object.entries(meta)) form.append(name, value);
  form.append('file', file);
  return SourceDetail.parse(await send('POST', `/api/groups/${enc(groupId)}/sources`, form));
}

export async function reviseSourceText(sourceId: string, body: ReviseSourceTextBody): Promise<SourceRevisionResult> {
  return SourceRevisionResult.parse(await send('PUT', `/api/sources/${enc(sourceId)}/text`, JSON.stringify(body), 'application/json'));
}

export function fetchQuotations(groupId: string, filter: QuotationsQuery) {
  const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return request('GET', `/api/groups/${enc(groupId)}/quotations?${query}`, z.array(Quotation));
}

export const searchGroup = (groupId: string, q: string) =>
  request('GET', `/api/groups/${enc(groupId)}/search?q=${enc(q)}`, SearchResult);

/** A request with a body `request` does not send (PUT, form data); errors as ApiError / NetworkError. */
async function send(method: 'POST' | 'PUT', url: string, body: BodyInit, contentType?: string): Promise<unknown> {
  let response: Response;
  try {
    const headers: Record<string, string> = { accept: 'application/json', ...(contentType ? { 'content-type': contentType } : {}), ...csrfHeader() };
    response = await fetch(url, { method, headers, body });
  } catch (cause) {
    throw new NetworkError(cause);
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = ApiErrorBody.safeParse(json);
    throw new ApiError(response.status, error.success ? error.data : { code: 'BAD_RESPONSE', message: `The server answered ${response.status}.` });
  }
  return json;
}
