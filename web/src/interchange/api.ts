import {
  ApiErrorBody,
  ImportPreview,
  ImportProgressLine,
  ImportResult,
  type ExportFormat,
  type ImportFormat,
} from '@counterpoint/shared';
import { ApiError, NetworkError } from '../api/api-error';
import { csrfHeader } from '../api/csrf';

/** Where a map's export is downloaded from; the server names the file (Content-Disposition). */
export function exportUrl(mapId: string, format: ExportFormat, rootId?: string | null): string {
  const root = rootId ? `&root=${encodeURIComponent(rootId)}` : '';
  return `/api/maps/${encodeURIComponent(mapId)}/export?format=${format}${root}`;
}

function importUrl(groupId: string, format: ImportFormat, options: { dryRun: boolean; title?: string }) {
  const title = options.title?.trim() ? `&title=${encodeURIComponent(options.title.trim())}` : '';
  return `/api/groups/${encodeURIComponent(groupId)}/maps/import?format=${format}&dryRun=${options.dryRun}${title}`;
}

async function post(url: string, file: string, accept: string): Promise<Response> {
  let response: Response;
  try {
    // The body is the file itself; the server reads it as text whatever its type.
    response = await fetch(url, { method: 'POST', headers: { accept, 'content-type': 'text/plain; charset=utf-8', ...csrfHeader() }, body: file });
  } catch (cause) {
    throw new NetworkError(cause);
  }
  if (!response.ok) {
    const body = ApiErrorBody.safeParse(await response.json().catch(() => undefined));
    throw new ApiError(response.status, body.success ? body.data : { code: 'BAD_RESPONSE', message: `The server answered ${response.status}.` });
  }
  return response;
}

/** A dry run: what the file would create and its problems. Writes nothing. */
export async function previewImport(groupId: string, format: ImportFormat, file: string, title?: string): Promise<ImportPreview> {
  const response = await post(importUrl(groupId, format, { dryRun: true, title }), file, 'application/json');
  return ImportPreview.parse(await response.json());
}

/**
 * Imports a file, reporting progress as the server writes each batch (it streams NDJSON lines), and resolves with
 * the new map. A failure while writing arrives as the last line and is thrown as an ApiError.
 */
export async function runImport(
  groupId: string,
  format: ImportFormat,
  file: string,
  title: string | undefined,
  onProgress: (written: number, total: number) => void,
): Promise<ImportResult> {
  const response = await post(importUrl(groupId, format, { dryRun: false, title }), file, 'application/x-ndjson');
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    buffer += value ?? '';
    const lines = buffer.split('\n');
    buffer = done ? '' : lines.pop()!;
    for (const raw of lines.filter((l) => l.trim())) {
      const line = ImportProgressLine.parse(JSON.parse(raw));
      if (line.type === 'progress') onProgress(line.written, line.total);
      else if (line.type === 'done') return line.result;
      else throw new ApiError(500, { code: line.error.code as ApiError['code'], message: line.error.message });
    }
    if (done) throw new ApiError(500, { code: 'BAD_RESPONSE', message: 'The import stopped without an answer. Check the map list before trying again.' });
  }
}

/** Guesses a file's format from its name and first characters; the dialog lets people correct it. */
export function guessFormat(name: string, text: string): ImportFormat {
  if (/\.(argdown|ad)$/i.test(name)) return 'argdown';
  const start = text.trimStart();
  if (!start.startsWith('{') && !start.startsWith('[')) return 'argdown';
  return /"format"\s*:\s*"counterpoint"/.test(text.slice(0, 2000)) ? 'json' : 'aif';
}
