import { z } from 'zod';
import { storableString } from './text.js';
import { Id } from './ids.js';
import { GraphArgument, GraphEdge, GraphEvent, GraphNode, GraphReading } from './graph.js';
import { MAX_OPS_PER_BATCH, Op } from './ops.js';

export const MapTitle = storableString().trim().min(1, 'A map needs a title.').max(200);

export const MapSummary = z.object({
  id: Id,
  groupId: Id,
  title: z.string(),
  description: z.string(),
  version: z.number().int().nonnegative(),
  nodeCount: z.number().int().nonnegative(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type MapSummary = z.infer<typeof MapSummary>;

export const CreateMapBody = z.object({ title: MapTitle, description: storableString().max(2000).default('') });
export const UpdateMapBody = z
  .object({ title: MapTitle, description: storableString().max(2000) })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'Give a title or a description to change.');

/** Everything needed to draw a map at one version. */
export const MapSnapshot = z.object({
  map: MapSummary,
  nodes: z.array(GraphNode),
  edges: z.array(GraphEdge),
  arguments: z.array(GraphArgument),
  events: z.array(GraphEvent),
  readings: z.array(GraphReading),
  version: z.number().int().nonnegative(),
});
export type MapSnapshot = z.infer<typeof MapSnapshot>;

/**
 * A batch of ops from one client. Op i of the batch is identified by (clientId, clientSeq + i), so a retried
 * batch is recognised and answered with the versions it already got, never applied twice.
 */
export const SubmitOpsBody = z.object({
  baseVersion: z.number().int().nonnegative(),
  clientId: Id,
  clientSeq: z.number().int().nonnegative().max(2 ** 31 - MAX_OPS_PER_BATCH),
  ops: z.array(Op).min(1).max(MAX_OPS_PER_BATCH),
});
export type SubmitOpsBody = z.infer<typeof SubmitOpsBody>;

export const SubmitOpsResult = z.object({
  /** The map version each op of the batch got, in order. */
  versions: z.array(z.number().int().positive()),
  /** The map's version after the batch. */
  version: z.number().int().positive(),
  /** True when this batch had already been applied and this is the earlier answer. */
  duplicate: z.boolean(),
  /** Who the server recorded as the batch's author (it stamps this on what the ops create). */
  actorId: Id,
});
export type SubmitOpsResult = z.infer<typeof SubmitOpsResult>;

/** One entry of a map's op log. */
export const OpLogEntry = z.object({
  version: z.number().int().positive(),
  op: Op,
  actorId: Id.nullable(),
  clientId: Id,
  clientSeq: z.number().int().nonnegative(),
  createdAt: z.iso.datetime(),
});
export type OpLogEntry = z.infer<typeof OpLogEntry>;

export const OpsSinceQuery = z.object({
  since: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(10_000).default(1_000),
});

export const OpsSinceResult = z.object({
  ops: z.array(OpLogEntry),
  /** The map's current version; more ops remain when the last entry's version is below it. */
  version: z.number().int().nonnegative(),
});
export type OpsSinceResult = z.infer<typeof OpsSinceResult>;
