import { z } from 'zod';
import { Id } from '../ids.js';

/** A reading as the comparison names it. */
export const ComparedReading = z.object({
  id: Id,
  title: z.string(),
  authorName: z.string(),
  eventId: Id.nullable(),
});
export type ComparedReading = z.infer<typeof ComparedReading>;

/**
 * How a reading uses a node: `quotes`, `supports` or `attacks` — one of the reading's own edges from the node
 * to another node of the reading — or `argument` — the node is a premise of an argument whose conclusion and
 * premises are all in the reading (`viaId` is then the argument's id).
 */
export const UseKind = z.enum(['quotes', 'supports', 'attacks', 'argument']);
export type UseKind = z.infer<typeof UseKind>;

export const NodeUse = z.object({
  readingId: Id,
  kind: UseKind,
  /** The edge (or argument) through which the node is used. */
  viaId: Id,
  /** The node it backs or attacks (for `argument`, the conclusion). */
  targetId: Id,
});
export type NodeUse = z.infer<typeof NodeUse>;

/** Evidence that two or more of the compared readings cite, and how each uses it. */
export const SharedEvidence = z.object({
  evidenceId: Id,
  readingIds: z.array(Id),
  uses: z.array(NodeUse),
});
export type SharedEvidence = z.infer<typeof SharedEvidence>;

/** What one reading holds that none of the others compared does. */
export const OnlyInReading = z.object({
  readingId: Id,
  claimIds: z.array(Id),
  evidenceIds: z.array(Id),
});
export type OnlyInReading = z.infer<typeof OnlyInReading>;

/**
 * An attack across readings: an `attacks` edge from a node one reading holds to a node another holds (each
 * without the other end), or an `undercuts` edge from a node of one reading against an inference another makes
 * (a reading makes an edge's inference when it holds the edge's source; an argument's when it holds its
 * conclusion). Found among all of the map's edges: an edge between two readings usually belongs to neither.
 */
export const CrossAttack = z.object({
  edgeId: Id,
  kind: z.enum(['attacks', 'undercuts']),
  fromId: Id,
  /** The attacked node, or the undercut edge or argument. */
  targetId: Id,
  /** Readings that hold the attacker and not the target. */
  byReadingIds: z.array(Id),
  /** Readings that hold the target and not the attacker. */
  againstReadingIds: z.array(Id),
});
export type CrossAttack = z.infer<typeof CrossAttack>;

/** A claim two or more readings hold, and what each gives for it. */
export const Agreement = z.object({
  claimId: Id,
  readingIds: z.array(Id),
  /** Each reading's own supports of the claim: its supports/quotes edges into it, and its arguments for it. */
  support: z.array(NodeUse.omit({ targetId: true }).extend({ fromId: Id })),
  /** Readings (of those holding the claim) that give it at least one support. */
  supportedBy: z.array(Id),
});
export type Agreement = z.infer<typeof Agreement>;

/** GET /api/maps/:mapId/compare: two or more readings side by side. Items are in canvas order (top to bottom). */
export const Comparison = z.object({
  readings: z.array(ComparedReading).min(2),
  sharedEvidence: z.array(SharedEvidence),
  only: z.array(OnlyInReading),
  crossAttacks: z.array(CrossAttack),
  agreements: z.array(Agreement),
});
export type Comparison = z.infer<typeof Comparison>;

/** The query of the compare route: two different readings of the map. */
export const CompareQuery = z
  .object({ a: Id, b: Id })
  .refine((q) => q.a !== q.b, { message: 'Compare two different readings (a and b are the same).', path: ['b'] });
