import { z } from 'zod';
import { AnchorStatus } from './anchor.js';
import { Id } from './ids.js';
import { QuoteSelector } from './quote.js';
import { SourceDetail } from './source.js';

/** An evidence node's quotation as the source side sees it: which map, which node, where, and how it stands. */
export const Quotation = z.object({
  nodeId: Id,
  mapId: Id,
  mapTitle: z.string(),
  /** The evidence node's caption. */
  caption: z.string(),
  quote: QuoteSelector,
  status: AnchorStatus,
});
export type Quotation = z.infer<typeof Quotation>;

/** Filters of a group's quotation list; "unplaced" lists what a person has to fix. */
export const QuotationsQuery = z.object({
  sourceId: Id.optional(),
  mapId: Id.optional(),
  status: AnchorStatus.optional(),
});
export type QuotationsQuery = z.infer<typeof QuotationsQuery>;

/** What re-anchoring did to one quotation. `after` is null when it stayed unplaced (its old selectors kept). */
export const ReanchorEntry = z.object({
  nodeId: Id,
  mapId: Id,
  mapTitle: z.string(),
  status: AnchorStatus,
  before: QuoteSelector,
  after: QuoteSelector.nullable(),
  /** How well the new place matches, 0–1; 0 when unplaced. */
  score: z.number().min(0).max(1),
});
export type ReanchorEntry = z.infer<typeof ReanchorEntry>;

/** The answer to a text correction: the source as it now is, and what happened to each of its quotations. */
export const SourceRevisionResult = z.object({
  source: SourceDetail,
  report: z.object({
    placed: z.number().int().nonnegative(),
    moved: z.number().int().nonnegative(),
    unplaced: z.number().int().nonnegative(),
    quotations: z.array(ReanchorEntry),
  }),
});
export type SourceRevisionResult = z.infer<typeof SourceRevisionResult>;
