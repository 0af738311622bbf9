import { z } from 'zod';
import type { Graph } from '../graph.js';
import { MapSummary } from '../map.js';
import type { PassageKind, SourceKind } from '../source.js';

/** Formats a map can be written to. Images (SVG, PNG) are drawn by the browser from the canvas, not listed here. */
export const ExportFormat = z.enum(['json', 'aif', 'argdown', 'graphml', 'dot', 'outline']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** Formats a map can be read from. */
export const ImportFormat = z.enum(['json', 'aif', 'argdown']);
export type ImportFormat = z.infer<typeof ImportFormat>;

/** Largest file an import accepts; the API answers PAYLOAD_TOO_LARGE (413) above it. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** Most nodes one import may create (the whole map is written in batches of MAX_OPS_PER_BATCH ops). */
export const IMPORT_MAX_NODES = 20_000;

/**
 * Something an import could not carry over as it stands.
 * - `error`: the file breaks a rule; nothing is written until it is fixed.
 * - `warning`: something is dropped or changed on the way in (a locution, an undercut of a rephrase, evidence
 *   whose source is missing); the import goes ahead and says so.
 */
export const ImportProblem = z.object({
  severity: z.enum(['error', 'warning']),
  /** Where in the file: `line 12`, `node 7` (an AIF nodeID), `nodes[3].quote`; null for the file as a whole. */
  at: z.string().nullable(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

/** What an import would create: the answer of a dry run, and part of the answer of a real import. */
export const ImportPreview = z.object({
  format: ImportFormat,
  title: z.string(),
  counts: z.object({
    nodes: z.number().int().nonnegative(),
    edges: z.number().int().nonnegative(),
    arguments: z.number().int().nonnegative(),
    events: z.number().int().nonnegative(),
    readings: z.number().int().nonnegative(),
    /** Sources the file carries that the group does not have yet. */
    sourcesCreated: z.number().int().nonnegative(),
    /** Sources of the group that quotations of the file were anchored to. */
    sourcesReused: z.number().int().nonnegative(),
    /** Quotations that could not be anchored to any source and became claims. */
    evidenceAsClaims: z.number().int().nonnegative(),
  }),
  /** How many op batches writing the map takes (progress is reported per batch). */
  batches: z.number().int().nonnegative(),
  problems: z.array(ImportProblem),
  /** False when a problem is an error: a real import would be refused. */
  canImport: z.boolean(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportResult = ImportPreview.extend({ map: MapSummary });
export type ImportResult = z.infer<typeof ImportResult>;

/**
 * One line of a streamed import (`Accept: application/x-ndjson`): progress after each written batch, then the
 * result or the error.
 */
export const ImportProgressLine = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), written: z.number().int(), total: z.number().int() }),
  z.object({ type: z.literal('done'), result: ImportResult }),
  z.object({ type: z.literal('error'), error: z.object({ code: z.string(), message: z.string() }) }),
]);
export type ImportProgressLine = z.infer<typeof ImportProgressLine>;

/** A source as exporters see it: metadata, and the text and passages when the exporter needs them. */
export interface ExportSource {
  id: string;
  title: string;
  kind: SourceKind;
  author: string | null;
  date: string | null;
  url: string | null;
  text: string | null;
  passages: readonly { start: number; end: number; kind: PassageKind; author: string | null; number: string | null }[];
}

/** Everything an exporter reads: the map's graph, its title, and the sources its quotations come from. */
export interface ExportInput {
  title: string;
  description: string;
  graph: Graph;
  sources: readonly ExportSource[];
}

/** An import the file cannot make at all (not the format named, unreadable, too deep). Nothing is written. */
export class ImportFailure extends Error {
  constructor(
    readonly code: 'IMPORT_WRONG_FORMAT' | 'IMPORT_INVALID' | 'BAD_JSON',
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ImportFailure';
  }
}
