import path from 'node:path';
import { SOURCE_TEXT_MAX, SOURCE_UPLOAD_EXTENSIONS, SOURCE_UPLOAD_MAX_BYTES } from '@counterpoint/shared';
import { AppError } from '../errors.js';
import { htmlToText } from './html-to-text.js';

export type UploadFormat = 'text' | 'markdown' | 'html';

const FORMAT_BY_EXTENSION: Record<(typeof SOURCE_UPLOAD_EXTENSIONS)[number], UploadFormat> = {
  '.txt': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
};
const FORMAT_BY_MIME: Record<string, UploadFormat> = { 'text/plain': 'text', 'text/markdown': 'markdown', 'text/html': 'html' };

/** Signatures of common binary files people might pick by mistake. */
const BINARY_SIGNATURES: { name: string; bytes: number[] }[] = [
  { name: 'a PDF', bytes: [0x25, 0x50, 0x44, 0x46] },
  { name: 'a ZIP or Word (.docx) file', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'an old Word (.doc) file', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
];

/** The format of an upload from its file name, or (without a known extension) its declared type. */
export function uploadFormat(fileName: string, mimeType: string): UploadFormat {
  const extension = path.extname(fileName).toLowerCase();
  const byExtension = (FORMAT_BY_EXTENSION as Record<string, UploadFormat | undefined>)[extension];
  const format = byExtension ?? (extension === '' ? FORMAT_BY_MIME[mimeType.split(';')[0]!.trim()] : undefined);
  if (!format) {
    throw new AppError('UPLOAD_UNSUPPORTED_TYPE', `“${fileName}” is not a file a source can be imported from: use ${SOURCE_UPLOAD_EXTENSIONS.join(', ')}.`);
  }
  return format;
}

/**
 * The text of an uploaded file: checked for size, binary content and encoding (UTF-8, or UTF-16 with a byte
 * order mark), line endings made "\n", HTML reduced to its text. Throws an AppError with a stable code for
 * every way a file can be unusable, so nothing is stored from it.
 */
export function decodeUpload(bytes: Uint8Array, fileName: string, mimeType: string): { text: string; title: string | null } {
  const format = uploadFormat(fileName, mimeType);
  if (bytes.length > SOURCE_UPLOAD_MAX_BYTES) throw tooLarge(fileName);
  if (bytes.length === 0) throw new AppError('UPLOAD_EMPTY', `“${fileName}” is empty.`);
  const signature = BINARY_SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b));
  if (signature) throw notText(fileName, signature.name);

  let decoded = decode(bytes, fileName).replace(/\r\n?/g, '\n');
  let title: string | null = null;
  if (format === 'html') ({ text: decoded, title } = htmlToText(decoded));
  if (decoded.trim() === '') throw new AppError('UPLOAD_EMPTY', `“${fileName}” has no text in it.`);
  if (decoded.length > SOURCE_TEXT_MAX) throw tooLarge(fileName);
  return { text: decoded, title };
}

function decode(bytes: Uint8Array, fileName: string): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  // Text has no NUL bytes and almost no control characters; UTF-16 without a byte order mark is not accepted.
  if (!utf16 && looksBinary(bytes)) throw notText(fileName, 'binary data');
  try {
    // fatal: invalid bytes are an error, not silently replaced; ignoreBOM: false drops a leading byte order mark.
    const text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes);
    if (text.includes('\u0000')) throw notText(fileName, 'binary data');
    return text;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'UPLOAD_UNDECODABLE',
      `“${fileName}” is not UTF-8 text (perhaps an older encoding such as Windows-1252). Save it as UTF-8 and upload it again.`,
    );
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control += 1;
  }
  return control / Math.max(sample.length, 1) > 0.1;
}

const tooLarge = (fileName: string) =>
  new AppError('UPLOAD_TOO_LARGE', `“${fileName}” is larger than a source may be (${SOURCE_UPLOAD_MAX_BYTES / 1024 / 1024} MB).`);
const notText = (fileName: string, what: string) =>
  new AppError('UPLOAD_NOT_TEXT', `“${fileName}” looks like ${what}, not text. Upload a .txt, .md or .html file.`);
