import { exportAif } from './aif/export.js';
import { exportArgdown } from './argdown/export.js';
import { exportDot } from './dot/export.js';
import { exportGraphml } from './graphml/export.js';
import { exportNative } from './native/export.js';
import { exportOutline } from './outline/export.js';
import type { ExportFormat, ExportInput } from './types.js';
import { fileStem } from './wrap.js';

/** How each export is served: media type, file name ending, and a name for menus. */
export const EXPORT_FILES: Record<ExportFormat, { contentType: string; extension: string; name: string }> = {
  json: { contentType: 'application/json; charset=utf-8', extension: '.counterpoint.json', name: 'Counterpoint JSON' },
  aif: { contentType: 'application/json; charset=utf-8', extension: '.aif.json', name: 'AIF-JSON (OVA, AIFdb)' },
  argdown: { contentType: 'text/plain; charset=utf-8', extension: '.argdown', name: 'Argdown' },
  graphml: { contentType: 'application/graphml+xml; charset=utf-8', extension: '.graphml', name: 'GraphML (yEd, Gephi)' },
  dot: { contentType: 'text/vnd.graphviz; charset=utf-8', extension: '.dot', name: 'DOT (Graphviz)' },
  outline: { contentType: 'text/markdown; charset=utf-8', extension: '.md', name: 'Outline (Markdown)' },
};

export interface ExportOptions {
  /** Outline only: the claim or question to start from; the whole map when null. */
  rootId?: string | null;
  /** Native only: include the quoted sources' texts (default true). */
  includeSourceText?: boolean;
  /** Written into native and AIF files. */
  timestamp?: string;
}

/** Writes a map in a format; returns the file's text and its name. */
export function exportMap(format: ExportFormat, input: ExportInput, options: ExportOptions = {}): { text: string; filename: string } {
  const filename = `${fileStem(input.title)}${EXPORT_FILES[format].extension}`;
  switch (format) {
    case 'json':
      return { filename, text: exportNative(input, { includeSourceText: options.includeSourceText, exportedAt: options.timestamp }) };
    case 'aif':
      return { filename, text: exportAif(input, { timestamp: options.timestamp }) };
    case 'argdown':
      return { filename, text: exportArgdown(input) };
    case 'graphml':
      return { filename, text: exportGraphml(input) };
    case 'dot':
      return { filename, text: exportDot(input) };
    case 'outline':
      return { filename, text: exportOutline(input, options.rootId ?? null) };
  }
}
