import { z } from 'zod';
import { Id } from '../ids.js';

/**
 * Where an argument stands under grounded semantics.
 * - `in`: accepted — every attacker is out.
 * - `out`: rejected — some attacker is in.
 * - `undecided`: neither can be settled (for instance two claims attacking each other).
 */
export const ArgumentLabel = z.enum(['in', 'out', 'undecided']);
export type ArgumentLabel = z.infer<typeof ArgumentLabel>;

/** The grounded labelling of a map or of one reading. */
export const Evaluation = z.object({
  /** The label of every claim and evidence node evaluated (questions and notes have none). */
  labels: z.record(Id, ArgumentLabel),
  /** For each node that is out: the ids of its attackers that are in (why it is out). */
  reasons: z.record(Id, z.array(Id)),
  /**
   * The label of each undercut inference, by the id of the edge or argument undercut: an undercut attack
   * edge whose inference is not `in` has lost (or may have lost) its force.
   */
  inferences: z.record(Id, ArgumentLabel),
});
export type Evaluation = z.infer<typeof Evaluation>;

export const EvaluationQuery = z.object({
  /** Evaluate only this reading's nodes and edges (the sub-framework they induce). */
  reading: Id.optional(),
});

/** GET /api/maps/:mapId/evaluation: the labelling, and which map version and reading it is of. */
export const EvaluationResponse = Evaluation.extend({
  mapId: Id,
  version: z.number().int().nonnegative(),
  readingId: Id.nullable(),
});
export type EvaluationResponse = z.infer<typeof EvaluationResponse>;
