import { ImportFailure } from './types.js';

/** Deepest nesting of arrays and objects a JSON import accepts; real files stay under 10. */
export const JSON_MAX_DEPTH = 64;

/**
 * Parses an uploaded JSON file. The nesting depth is measured first, in one pass over the text, so a hostile file
 * of a million `[` fails with a clear IMPORT_INVALID instead of exhausting the stack further down.
 */
export function parseJsonFile(text: string): unknown {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > JSON_MAX_DEPTH) throw new ImportFailure('IMPORT_INVALID', `The file nests deeper than ${JSON_MAX_DEPTH} levels; no map file does.`);
    } else if (c === 93 || c === 125) depth--;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ImportFailure('BAD_JSON', `The file is not valid JSON: ${(error as Error).message}`);
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
