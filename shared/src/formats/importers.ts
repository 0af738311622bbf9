/**
 * The importers: file text → import draft → (sources resolved) → op plan. Server-side entry
 * `@counterpoint/shared/importers`, kept out of the main entry because the Argdown importer loads @argdown/core.
 */
import { importAif } from './aif/import.js';
import { importArgdown } from './argdown/import.js';
import type { ImportDraft } from './draft.js';
import { importNative } from './native/import.js';
import type { ImportFormat } from './types.js';

export { importAif } from './aif/import.js';
export { importArgdown } from './argdown/import.js';
export { ARGDOWN_MAX_BYTES, parseArgdown } from './argdown/parse.js';
export { importNative } from './native/import.js';
export { parseJsonFile } from './json-file.js';
export { anchor, resolveSources, type CandidateSource, type ResolvedSources, type SourcePlan } from './resolve-sources.js';
export { batchesOf, planImport, type ImportPlan } from './plan.js';
export { layoutDraft } from './layout.js';

/**
 * Reads a file in a format into a draft; throws ImportFailure when the file is not that format or cannot be read.
 * `title` names the map when the file does not (AIF never does).
 */
export function readImportFile(format: ImportFormat, text: string, options: { title?: string } = {}): ImportDraft {
  switch (format) {
    case 'json': {
      const draft = importNative(text);
      if (options.title?.trim()) draft.title = options.title.trim();
      return draft;
    }
    case 'aif':
      return importAif(text, options);
    case 'argdown':
      return importArgdown(text, options);
  }
}
