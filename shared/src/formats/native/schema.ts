import { z } from 'zod';
import { storableString } from '../../text.js';
import { GraphArgument, GraphEdge, GraphEvent, GraphNode, GraphReading } from '../../graph.js';
import { MapTitle } from '../../map.js';
import { QuoteSelector } from '../../quote.js';
import { SOURCE_TEXT_MAX, SourceMeta } from '../../source.js';
import { IMPORT_MAX_NODES } from '../types.js';

/**
 * The native file format, `{ format: "counterpoint", version: 1, ... }`: the map's graph as the shared schemas
 * describe it, so nothing is lost. Ids only link things within the file (an import mints new ones), so any
 * string will do; Counterpoint writes UUIDs. The JSON Schema served at /api/formats/native.schema.json is
 * generated from these schemas.
 */
export const NATIVE_FORMAT_VERSION = 1;

const FileId = z.string().min(1).max(100).describe('Links entities within the file; an import gives everything new ids.');

/** A quotation: W3C TextQuoteSelector + TextPositionSelector into `sources[].text` of the source it names. */
export const NativeQuote = QuoteSelector.safeExtend({ sourceId: FileId });

export const NativeNode = GraphNode.omit({ authorId: true }).extend({ id: FileId, quote: NativeQuote.nullable() });
export const NativeEdge = GraphEdge.omit({ authorId: true }).extend({ id: FileId, fromId: FileId, toId: FileId });
export const NativeArgument = GraphArgument.omit({ authorId: true }).extend({
  id: FileId,
  conclusionId: FileId,
  premiseIds: z.array(FileId).min(1).max(50),
});
export const NativeEvent = GraphEvent.extend({ id: FileId });
export const NativeReading = GraphReading.extend({
  id: FileId,
  eventId: FileId.nullable(),
  nodeIds: z.array(FileId).max(10_000),
  edgeIds: z.array(FileId).max(20_000),
});

/**
 * A source the map quotes. `text` is included by default so an import into another group can recreate the
 * source (exports made with `sourceText=false` leave it null; then quotations anchor only to a source the
 * importing group already has, or become claims).
 */
export const NativeSource = SourceMeta.extend({
  id: FileId,
  text: storableString().max(SOURCE_TEXT_MAX).nullable().default(null),
});

/**
 * Reserved for members' stances ("positions") on claims, which are not part of a map's graph yet: Counterpoint
 * writes an empty list, and an import reports stances it finds without applying them.
 */
export const NativeStance = z.object({
  nodeId: FileId,
  member: z.string().max(200),
  value: z.enum(['agree', 'disagree', 'unsure']),
  confidence: z.number().int().min(0).max(100),
  note: z.string().max(2000).default(''),
});

export const NativeMapFile = z
  .object({
    format: z.literal('counterpoint'),
    version: z.literal(NATIVE_FORMAT_VERSION),
    exportedAt: z.iso.datetime().optional(),
    map: z.object({ title: MapTitle, description: storableString().max(2000).default('') }),
    nodes: z.array(NativeNode).max(IMPORT_MAX_NODES),
    edges: z.array(NativeEdge).max(IMPORT_MAX_NODES * 4).default([]),
    arguments: z.array(NativeArgument).max(IMPORT_MAX_NODES).default([]),
    events: z.array(NativeEvent).max(1_000).default([]),
    readings: z.array(NativeReading).max(1_000).default([]),
    sources: z.array(NativeSource).max(1_000).default([]),
    stances: z.array(NativeStance).max(100_000).default([]),
  })
  .meta({ title: 'Counterpoint map', description: 'A Counterpoint argument map (native interchange format, version 1).' });
export type NativeMapFile = z.infer<typeof NativeMapFile>;
export type NativeMapFileInput = z.input<typeof NativeMapFile>;

/** The JSON Schema of the native format (what a file may contain: the input side of the zod schema). */
export function nativeJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(NativeMapFile, { io: 'input', unrepresentable: 'any' }),
    $id: 'urn:counterpoint:format:native:1',
  };
}
