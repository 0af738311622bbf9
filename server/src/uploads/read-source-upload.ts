import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { SOURCE_UPLOAD_MAX_BYTES } from '@counterpoint/shared';
import { AppError } from '../errors.js';
import { decodeUpload } from './decode-upload.js';

const METADATA_FIELDS = ['title', 'kind', 'author', 'date', 'url'] as const;

/**
 * Reads a multipart source upload — one `file` part plus optional metadata fields — into the same body a JSON
 * import sends, so one schema validates both. An empty metadata field counts as not given; a missing title is
 * the HTML document's <title> or the file name.
 */
export async function readSourceUpload(request: FastifyRequest): Promise<Record<string, unknown>> {
  const fields: Record<string, string> = {};
  let file: { name: string; mimeType: string; bytes: Buffer } | null = null;
  let fileName = 'The file';
  try {
    const parts = request.parts({ limits: { files: 1, fields: 20, fieldSize: 10_000, fileSize: SOURCE_UPLOAD_MAX_BYTES } });
    for await (const part of parts) {
      if (part.type === 'file') {
        fileName = part.filename || 'upload';
        file = { name: fileName, mimeType: part.mimetype, bytes: await part.toBuffer() };
      } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('UPLOAD_TOO_LARGE', `“${fileName}” is larger than a source may be (${SOURCE_UPLOAD_MAX_BYTES / 1024 / 1024} MB).`);
    }
    if (code === 'FST_FILES_LIMIT') throw new AppError('VALIDATION_FAILED', 'Upload one file per source.');
    if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') throw new AppError('VALIDATION_FAILED', 'The upload has too many fields.');
    // Anything else reading the parts throws is a form cut short or badly framed ("Unexpected end of form"): the
    // client's fault, not ours (it was a 500).
    throw new AppError('VALIDATION_FAILED', 'The upload is not a complete multipart form; send it again.');
  }
  if (!file) throw new AppError('UPLOAD_MISSING_FILE', 'Choose a .txt, .md or .html file to import (the form field "file").');

  const { text, title } = decodeUpload(file.bytes, file.name, file.mimeType);
  const body: Record<string, unknown> = { kind: 'other', text };
  for (const field of METADATA_FIELDS) {
    const value = fields[field]?.trim();
    if (value) body[field] = value;
  }
  body.title ??= title ?? path.basename(file.name, path.extname(file.name));
  return body;
}
