import { graphToLists } from '../../graph.js';
import type { ExportInput } from '../types.js';
import { NATIVE_FORMAT_VERSION, type NativeMapFileInput } from './schema.js';

export interface NativeExportOptions {
  /** Include the quoted sources' texts, so another group can recreate them on import. Default true. */
  includeSourceText?: boolean;
  /** ISO time written into the file; omitted when not given (keeps exports of one graph byte-identical). */
  exportedAt?: string;
}

/**
 * Writes a map in the native format: every node (with its position and quotation selectors), edge, argument,
 * event and reading, plus the metadata (and by default the text) of each quoted source. Lossless except for
 * authorship, which names members of this installation only.
 */
export function exportNative(input: ExportInput, options: NativeExportOptions = {}): string {
  const { includeSourceText = true } = options;
  const lists = graphToLists(input.graph);
  const quoted = new Set(lists.nodes.flatMap((n) => (n.quote ? [n.quote.sourceId] : [])));
  const file: NativeMapFileInput = {
    format: 'counterpoint',
    version: NATIVE_FORMAT_VERSION,
    ...(options.exportedAt ? { exportedAt: options.exportedAt } : {}),
    map: { title: input.title, description: input.description },
    nodes: lists.nodes.map(({ authorId: _author, ...node }) => node),
    edges: lists.edges.map(({ authorId: _author, ...edge }) => edge),
    arguments: lists.arguments.map(({ authorId: _author, ...argument }) => argument),
    events: lists.events,
    readings: lists.readings,
    sources: input.sources
      .filter((s) => quoted.has(s.id))
      .map((s) => ({
        id: s.id,
        title: s.title,
        kind: s.kind,
        author: s.author,
        date: s.date,
        url: s.url,
        text: includeSourceText ? s.text : null,
      })),
    stances: [],
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
