import type { AnchorStatus, Quotation, QuotationsQuery, QuoteSelector } from '@counterpoint/shared';
import type { Prisma } from '../generated/prisma/client.js';
import { nodeFromRow } from './graph-rows.js';

type Tx = Prisma.TransactionClient;

const quotationInclude = { map: { select: { title: true } } } as const;
type QuotationRow = Prisma.NodeGetPayload<{ include: typeof quotationInclude }>;

export interface QuotedNode {
  nodeId: string;
  mapId: string;
  mapTitle: string;
  caption: string;
  quote: QuoteSelector;
  status: AnchorStatus;
}

function toQuoted(row: QuotationRow): QuotedNode | null {
  const quote = nodeFromRow(row).quote;
  if (!quote) return null;
  return { nodeId: row.id, mapId: row.mapId, mapTitle: row.map.title, caption: row.text, quote, status: row.anchorStatus ?? 'placed' };
}

/** Evidence quotations of a group's maps, filtered; by map, then position in the source. */
export async function listQuotations(tx: Pick<Tx, 'node'>, groupId: string, filter: QuotationsQuery): Promise<Quotation[]> {
  const rows = await tx.node.findMany({
    where: {
      kind: 'evidence',
      map: { groupId },
      ...(filter.sourceId ? { sourceId: filter.sourceId } : {}),
      ...(filter.mapId ? { mapId: filter.mapId } : {}),
      ...(filter.status ? { anchorStatus: filter.status } : {}),
    },
    include: quotationInclude,
    orderBy: [{ mapId: 'asc' }, { quoteStart: 'asc' }, { id: 'asc' }],
  });
  return rows.flatMap((row) => toQuoted(row) ?? []);
}

/** Ids of the maps with evidence quoting a source. */
export async function mapsQuoting(tx: Tx, sourceId: string): Promise<string[]> {
  const rows = await tx.node.findMany({ where: { sourceId }, select: { mapId: true }, distinct: ['mapId'] });
  return rows.map((r) => r.mapId).sort();
}

/** Locks maps for update in id order (the order every multi-map writer uses), answering their versions. */
export async function lockMaps(tx: Tx, mapIds: readonly string[]): Promise<Map<string, number>> {
  if (mapIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ id: string; version: number }[]>`
    SELECT id::text AS id, version FROM maps WHERE id = ANY(${[...mapIds]}::uuid[]) ORDER BY id FOR UPDATE`;
  return new Map(rows.map((r) => [r.id, r.version]));
}

/** Every evidence node quoting a source, with its map's title. */
export async function quotedNodes(tx: Tx, sourceId: string): Promise<QuotedNode[]> {
  const rows = await tx.node.findMany({ where: { sourceId, kind: 'evidence' }, include: quotationInclude, orderBy: { id: 'asc' } });
  return rows.flatMap((row) => toQuoted(row) ?? []);
}

/**
 * Records re-anchoring outcomes. The nodes trigger keeps a status unless the quotation changed or this flag is
 * set for the transaction (see the migration), so an unplaced quote stays flagged while its caption is edited.
 */
export async function writeAnchorStatuses(tx: Tx, statuses: ReadonlyMap<string, AnchorStatus>): Promise<void> {
  await tx.$queryRaw`SELECT set_config('counterpoint.reanchoring', 'on', true)`;
  for (const status of ['placed', 'moved', 'unplaced'] as const) {
    const ids = [...statuses].filter(([, s]) => s === status).map(([id]) => id);
    if (ids.length > 0) await tx.node.updateMany({ where: { id: { in: ids } }, data: { anchorStatus: status } });
  }
  await tx.$queryRaw`SELECT set_config('counterpoint.reanchoring', 'off', true)`;
}
