import { randomUUID } from 'node:crypto';
import {
  EDITING_ROLES,
  reanchorQuote,
  type AnchorStatus,
  type Op,
  type ReanchorEntry,
  type ReviseSourceTextBody,
  type SourceRevisionResult,
} from '@counterpoint/shared';
import type { Db } from '../db/prisma.js';
import type { Prisma } from '../generated/prisma/client.js';
import { AppError } from '../errors.js';
import type { Actor } from '../plugins/actor.js';
import { lockMaps, mapsQuoting, quotedNodes, writeAnchorStatuses } from '../repositories/quotation-repository.js';
import { lockSource, writePassages } from '../repositories/source-repository.js';
import type { MapService } from './map-service.js';
import { authorizeSource, type SourceService } from './source-service.js';

type Tx = Prisma.TransactionClient;

/**
 * Corrects a source's text. In one transaction: the new text becomes a new revision (old ones are kept), the
 * passages are rebuilt, and every quotation of the source is re-anchored (shared `reanchorQuote`). New selectors
 * are written through the map service as `node.update` ops — one batch per map, by the person who corrected the
 * text — so the op log, undo and live clients see them; the anchor status of each quotation is recorded, and an
 * unplaced quotation keeps its old selectors.
 *
 * Locking: the maps quoting the source are locked first (in id order), then the source. The map service locks a
 * map and then reads quoted sources FOR SHARE, so a quotation made at the same moment either commits before the
 * correction reads the quotations, or is checked against the corrected text.
 */
export function createSourceRevisionService(db: Db, maps: MapService, sources: SourceService) {
  return {
    async reviseText(sourceId: string, actor: Actor, body: ReviseSourceTextBody): Promise<SourceRevisionResult> {
      await authorizeSource(db, sourceId, actor, EDITING_ROLES);
      if (body.text.includes('\u0000')) throw new AppError('VALIDATION_FAILED', 'The text contains binary data (NUL characters).');
      const report = await db.$transaction((tx) => revise(tx, sourceId, actor, body), { maxWait: 10_000, timeout: 120_000 });
      return { source: await sources.get(sourceId, actor), report };
    },
  };

  async function revise(tx: Tx, sourceId: string, actor: Actor, body: ReviseSourceTextBody): Promise<SourceRevisionResult['report']> {
    const versions = await lockMaps(tx, await mapsQuoting(tx, sourceId));
    const source = await lockSource(tx, sourceId);
    if (!source) throw new AppError('SOURCE_NOT_FOUND', 'That source was not found.');
    if (body.baseRevision !== undefined && body.baseRevision !== source.revision) {
      throw new AppError(
        'SOURCE_REVISION_CONFLICT',
        `The source is at revision ${source.revision}; your correction was made to revision ${body.baseRevision}. Reload it and correct it again.`,
      );
    }
    if (body.text !== source.text) {
      const revision = source.revision + 1;
      await tx.source.update({ where: { id: sourceId }, data: { text: body.text, revision } });
      await tx.sourceRevision.create({ data: { sourceId, revision, text: body.text, authorId: actor.userId } });
      await writePassages(tx, sourceId, body.text);
    }

    const quoted = await quotedNodes(tx, sourceId);
    // A map that got its first quotation of this source after the first look: lock it too.
    const late = [...new Set(quoted.map((q) => q.mapId))].filter((id) => !versions.has(id));
    for (const [id, version] of await lockMaps(tx, late)) versions.set(id, version);

    const entries: ReanchorEntry[] = [];
    const opsByMap = new Map<string, Op[]>();
    const statuses = new Map<string, AnchorStatus>();
    for (const node of quoted) {
      const result = reanchorQuote(node.quote, body.text);
      statuses.set(node.nodeId, result.status);
      entries.push({
        nodeId: node.nodeId,
        mapId: node.mapId,
        mapTitle: node.mapTitle,
        status: result.status,
        before: node.quote,
        after: result.status === 'unplaced' ? null : result.quote,
        score: result.score,
      });
      if (result.status !== 'unplaced' && !sameSelector(node.quote, result.quote)) {
        opsByMap.set(node.mapId, [...(opsByMap.get(node.mapId) ?? []), { type: 'node.update', id: node.nodeId, patch: { quote: result.quote } }]);
      }
    }
    for (const [mapId, ops] of opsByMap) {
      await maps.submitOpsInTransaction(tx, mapId, actor, { baseVersion: versions.get(mapId) ?? 0, clientId: randomUUID(), clientSeq: 0, ops });
    }
    await writeAnchorStatuses(tx, statuses);
    const count = (status: AnchorStatus) => entries.filter((e) => e.status === status).length;
    return { placed: count('placed'), moved: count('moved'), unplaced: count('unplaced'), quotations: entries };
  }
}

function sameSelector(a: { exact: string; prefix: string; suffix: string; start: number; end: number }, b: typeof a): boolean {
  return a.exact === b.exact && a.prefix === b.prefix && a.suffix === b.suffix && a.start === b.start && a.end === b.end;
}

export type SourceRevisionService = ReturnType<typeof createSourceRevisionService>;
