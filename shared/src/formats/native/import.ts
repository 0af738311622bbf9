import type { z } from 'zod';
import { emptyDraft, warn, type ImportDraft } from '../draft.js';
import { isRecord, parseJsonFile } from '../json-file.js';
import { ImportFailure } from '../types.js';
import { NATIVE_FORMAT_VERSION, NativeMapFile } from './schema.js';

/** Most schema issues an answer lists; a broken file can have thousands. */
const MAX_ISSUES = 50;

/**
 * Reads a native file into an import draft. The file must match the native schema exactly (IMPORT_INVALID with
 * each issue otherwise), and the draft is strict: anything that breaks a map rule is an error, since a native file
 * claims to be a valid map.
 */
export function importNative(text: string): ImportDraft {
  const json = parseJsonFile(text);
  if (!isRecord(json) || json.format !== 'counterpoint') {
    const looksAif = isRecord(json) && (Array.isArray(json.nodes) || isRecord(json.AIF) || isRecord(json.aif));
    throw new ImportFailure(
      'IMPORT_WRONG_FORMAT',
      `This is not a Counterpoint map file (it has no "format": "counterpoint").${looksAif ? ' It looks like AIF-JSON: import it as AIF.' : ''}`,
    );
  }
  if (json.version !== NATIVE_FORMAT_VERSION) {
    throw new ImportFailure('IMPORT_INVALID', `This file is format version ${String(json.version)}; this Counterpoint reads version ${NATIVE_FORMAT_VERSION}.`);
  }
  const parsed = NativeMapFile.safeParse(json);
  if (!parsed.success) throw invalid(parsed.error);
  const file = parsed.data;

  const draft = emptyDraft(file.map.title, true);
  draft.description = file.map.description;
  draft.sources = file.sources.map((s) => ({ key: s.id, id: s.id, title: s.title, kind: s.kind, author: s.author, date: s.date, url: s.url, text: s.text }));
  draft.nodes = file.nodes.map((n, i) => ({
    key: n.id,
    kind: n.kind,
    text: n.text,
    x: n.x,
    y: n.y,
    quote: n.quote && { sourceKey: n.quote.sourceId, exact: n.quote.exact, prefix: n.quote.prefix, suffix: n.quote.suffix, start: n.quote.start, end: n.quote.end },
    at: `nodes[${i}]`,
  }));
  draft.edges = file.edges.map((e, i) => ({ key: e.id, kind: e.kind, fromKey: e.fromId, toKey: e.toId, label: e.label, at: `edges[${i}]` }));
  draft.arguments = file.arguments.map((a, i) => ({
    key: a.id,
    premiseKeys: a.premiseIds,
    conclusionKey: a.conclusionId,
    label: a.label,
    x: a.x,
    y: a.y,
    at: `arguments[${i}]`,
  }));
  draft.events = file.events.map((e, i) => ({ key: e.id, title: e.title, period: e.period, description: e.description, at: `events[${i}]` }));
  draft.readings = file.readings.map((r, i) => ({
    key: r.id,
    eventKey: r.eventId,
    title: r.title,
    authorName: r.authorName,
    description: r.description,
    nodeKeys: r.nodeIds,
    edgeKeys: r.edgeIds,
    at: `readings[${i}]`,
  }));
  if (file.stances.length > 0) {
    warn(draft, 'stances', `${file.stances.length} stance(s) are not imported: members' stances are not part of a map yet.`);
  }
  return draft;
}

function invalid(error: z.ZodError): ImportFailure {
  const issues = error.issues.slice(0, MAX_ISSUES).map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, ''),
    message: issue.message,
  }));
  const first = issues[0];
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : '';
  return new ImportFailure('IMPORT_INVALID', `The map file is not valid: ${first ? `${first.path || 'the file'}: ${first.message}` : 'bad content'}${more}.`, issues);
}
