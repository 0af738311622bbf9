import type { EdgeKind, NodeKind } from '../kinds.js';
import type { SourceKind } from '../source.js';
import type { ImportProblem } from './types.js';

/**
 * What a format's importer reads out of a file, before anything is checked against the map rules or the group's
 * sources. Entities are named by `key` (the file's own id or title, never trusted as a database id); `at` says
 * where in the file each came from, so a problem can point at it.
 */
export interface ImportDraft {
  title: string;
  description: string;
  nodes: DraftNode[];
  edges: DraftEdge[];
  arguments: DraftArgument[];
  events: DraftEvent[];
  readings: DraftReading[];
  sources: DraftSource[];
  problems: ImportProblem[];
  /**
   * True for the native format, which claims to be a valid map: anything that breaks a map rule is an error.
   * Other formats are translations, so what does not fit is dropped with a warning.
   */
  strict: boolean;
}

export interface DraftNode {
  key: string;
  kind: NodeKind;
  text: string;
  /** Null when the file has no layout; the planner lays the map out. */
  x: number | null;
  y: number | null;
  quote: DraftQuote | null;
  at: string | null;
}

/** A quotation as the file gives it; `start`/`end` may be unknown (then the words are searched for). */
export interface DraftQuote {
  sourceKey: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number | null;
  end: number | null;
}

export interface DraftEdge {
  key: string;
  kind: EdgeKind;
  fromKey: string;
  /** A node key, or for `undercuts` an edge or argument key. */
  toKey: string;
  label: string;
  at: string | null;
}

export interface DraftArgument {
  key: string;
  premiseKeys: string[];
  conclusionKey: string;
  label: string;
  x: number | null;
  y: number | null;
  at: string | null;
}

export interface DraftEvent {
  key: string;
  title: string;
  period: string;
  description: string;
  at: string | null;
}

export interface DraftReading {
  key: string;
  eventKey: string | null;
  title: string;
  authorName: string;
  description: string;
  nodeKeys: string[];
  edgeKeys: string[];
  at: string | null;
}

/** A source the file names; `text` when the file carries it (then it can be recreated in another group). */
export interface DraftSource {
  key: string;
  /** The id the source had where the file was written: it is reused when the same source is in this group. */
  id: string | null;
  title: string;
  kind: SourceKind;
  author: string | null;
  date: string | null;
  url: string | null;
  text: string | null;
}

/** An empty draft to fill. */
export function emptyDraft(title: string, strict = false): ImportDraft {
  return { title, description: '', nodes: [], edges: [], arguments: [], events: [], readings: [], sources: [], problems: [], strict };
}

/** Records a warning on a draft. */
export function warn(draft: ImportDraft, at: string | null, message: string): void {
  draft.problems.push({ severity: 'warning', at, message });
}

/** Records an error on a draft: the import will be refused. */
export function fail(draft: ImportDraft, at: string | null, message: string): void {
  draft.problems.push({ severity: 'error', at, message });
}

/** Text cut to fit a field, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
