import { randomUUID } from 'node:crypto';
import {
  EDITING_ROLES,
  EXPORT_FILES,
  exportMap,
  graphFromLists,
  ImportFailure,
  type ExportFormat,
  type ExportInput,
  type ExportSource,
  type ImportFormat,
  type ImportPreview,
  type ImportResult,
  type Op,
} from '@counterpoint/shared';
import { batchesOf, planImport, readImportFile, resolveSources, type SourcePlan } from '@counterpoint/shared/importers';
import type { Db } from '../db/prisma.js';
import { AppError } from '../errors.js';
import type { Actor } from '../plugins/actor.js';
import { requireRole } from '../repositories/membership-repository.js';
import type { MapService } from './map-service.js';
import type { SourceService } from './source-service.js';

/** An import checked and planned, not yet written. */
export interface PreparedImport {
  groupId: string;
  preview: ImportPreview;
  description: string;
  ops: Op[];
  sources: SourcePlan[];
}

/**
 * Export and import. Exports read a map snapshot and its quoted sources through the map and source services and
 * hand them to the pure converters of shared/formats. An import is parsed, anchored to the group's sources and
 * planned as ops without writing anything; writing creates the sources the file carries, creates the map, and
 * sends the ops through the map service's submitOps in batches — the one write path of every map change.
 */
export function createInterchangeService(deps: { db: Db; maps: MapService; sources: SourceService }) {
  const { db, maps, sources } = deps;

  async function exportInput(mapId: string, actor: Actor): Promise<ExportInput> {
    const snapshot = await maps.snapshot(mapId, actor);
    const quoted = [...new Set(snapshot.nodes.flatMap((n) => (n.quote ? [n.quote.sourceId] : [])))];
    const details = await Promise.all(quoted.map((id) => sources.get(id, actor)));
    const exportSources: ExportSource[] = details.map((s) => ({
      id: s.id,
      title: s.title,
      kind: s.kind,
      author: s.author,
      date: s.date,
      url: s.url,
      text: s.text,
      passages: s.passages.map((p) => ({ start: p.start, end: p.end, kind: p.kind, author: p.author, number: p.number })),
    }));
    return { title: snapshot.map.title, description: snapshot.map.description, graph: graphFromLists(snapshot), sources: exportSources };
  }

  /** The group's sources a draft's quotations may anchor to: same id or same title, with their texts. */
  async function candidatesFor(groupId: string, actor: Actor, wanted: { id: string | null; title: string }[]) {
    if (wanted.length === 0) return [];
    const ids = new Set(wanted.flatMap((w) => (w.id ? [w.id] : [])));
    const titles = new Set(wanted.map((w) => w.title.trim().toLowerCase()));
    const summaries = (await sources.list(groupId, actor)).filter((s) => ids.has(s.id) || titles.has(s.title.trim().toLowerCase()));
    return Promise.all(summaries.map(async (s) => ({ id: s.id, title: s.title, text: (await sources.get(s.id, actor)).text })));
  }

  return {
    /** A map written in a format, with the file name and media type to serve it as. */
    async exportMap(mapId: string, actor: Actor, format: ExportFormat, options: { rootId?: string; includeSourceText?: boolean }) {
      const input = await exportInput(mapId, actor);
      if (options.rootId) {
        const root = input.graph.nodes[options.rootId];
        if (!root) throw new AppError('NODE_NOT_FOUND', 'The outline root is not a node of this map.');
        if (root.kind === 'note') throw new AppError('VALIDATION_FAILED', 'An outline starts from a claim, question or quotation, not a note.');
      }
      const file = exportMap(format, input, { rootId: options.rootId ?? null, includeSourceText: options.includeSourceText, timestamp: new Date().toISOString() });
      return { ...file, contentType: EXPORT_FILES[format].contentType };
    },

    /** Reads, anchors and plans an import; writes nothing. Throws for a file that cannot be read at all. */
    async prepareImport(groupId: string, actor: Actor, format: ImportFormat, text: string, title?: string): Promise<PreparedImport> {
      await requireRole(db, groupId, actor.userId, EDITING_ROLES);
      if (!text.trim()) throw new AppError('IMPORT_WRONG_FORMAT', 'The file is empty: there is nothing to import.');
      let draft;
      try {
        draft = readImportFile(format, text, { title });
      } catch (error) {
        if (error instanceof ImportFailure) throw new AppError(error.code, error.message, { issues: error.issues });
        throw error;
      }
      const candidates = await candidatesFor(groupId, actor, draft.sources);
      const resolved = resolveSources(draft, candidates, randomUUID);
      const plan = planImport(resolved.draft, randomUUID);
      const mapTitle = draft.title.replace(/\s+/g, ' ').trim().slice(0, 200) || 'Imported map';
      const preview: ImportPreview = {
        format,
        title: mapTitle,
        counts: {
          ...plan.counts,
          sourcesCreated: resolved.sources.filter((s) => s.action === 'create').length,
          sourcesReused: resolved.sources.filter((s) => s.action === 'reuse').length,
          evidenceAsClaims: resolved.demoted,
        },
        batches: plan.batches,
        problems: plan.problems,
        canImport: !plan.problems.some((p) => p.severity === 'error'),
      };
      return { groupId, preview, description: draft.description.slice(0, 2000), ops: plan.ops, sources: resolved.sources };
    },

    /**
     * Writes a prepared import: the sources it carries, the map, then its ops in batches (progress after each).
     * A map of more than one batch (MAX_OPS_PER_BATCH ops) spans several transactions, so a failure part-way is undone by
     * deleting the new map and sources: the import writes all or nothing.
     */
    async writeImport(prepared: PreparedImport, actor: Actor, onProgress: (written: number, total: number) => void = () => {}): Promise<ImportResult> {
      const { preview } = prepared;
      if (!preview.canImport) {
        const errors = preview.problems.filter((p) => p.severity === 'error');
        throw new AppError('IMPORT_INVALID', `The file cannot be imported: ${errors[0]?.at ? `${errors[0].at}: ` : ''}${errors[0]?.message ?? 'it has errors'}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`, {
          issues: errors.map((p) => ({ path: p.at ?? 'file', message: p.message })),
        });
      }
      const createdSources: string[] = [];
      let mapId: string | null = null;
      try {
        const realId = new Map<string, string>();
        for (const plan of prepared.sources) {
          if (plan.action !== 'create') continue;
          const { title, kind, author, date, url, text } = plan.source;
          const created = await sources.create(prepared.groupId, actor, { title, kind, author, date, url, text });
          createdSources.push(created.id);
          realId.set(plan.placeholderId, created.id);
        }
        const ops = prepared.ops.map((op) => withRealSource(op, realId));
        const map = await maps.create(prepared.groupId, actor, { title: preview.title, description: prepared.description });
        mapId = map.id;
        const clientId = randomUUID();
        let version = map.version;
        let written = 0;
        for (const batch of batchesOf(ops)) {
          ({ version } = await maps.submitOps(map.id, actor, { baseVersion: version, clientId, clientSeq: written, ops: batch }));
          written += batch.length;
          onProgress(written, ops.length);
        }
        const summary = (await maps.list(prepared.groupId, actor)).find((m) => m.id === map.id) ?? map;
        return { ...preview, map: summary };
      } catch (error) {
        if (mapId) await maps.remove(mapId, actor).catch(() => {});
        if (createdSources.length) await db.source.deleteMany({ where: { id: { in: createdSources } } }).catch(() => {});
        throw error;
      }
    },
  };
}

/** The op with a created source's real id in place of the placeholder its quotation named. */
function withRealSource(op: Op, realId: ReadonlyMap<string, string>): Op {
  if (op.type !== 'node.create' || !op.node.quote) return op;
  const id = realId.get(op.node.quote.sourceId);
  return id ? { ...op, node: { ...op.node, quote: { ...op.node.quote, sourceId: id } } } : op;
}

export type InterchangeService = ReturnType<typeof createInterchangeService>;
