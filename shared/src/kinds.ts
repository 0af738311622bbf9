import { z } from 'zod';

/**
 * What a node on the canvas is.
 * - `claim`: a statement someone asserts and others can support or attack.
 * - `evidence`: a quotation from a source, anchored to its exact words.
 * - `question`: an open question claims can answer.
 * - `note`: a free annotation; takes part in no relation.
 */
export const NodeKind = z.enum(['claim', 'evidence', 'question', 'note']);
export type NodeKind = z.infer<typeof NodeKind>;

/**
 * What a relation between two things says.
 * - `supports`: the source node gives a reason to accept the target claim.
 * - `attacks`: the source node gives a reason to reject the target claim or evidence (a rebuttal).
 * - `undercuts`: the source node denies that an inference holds; the target is a supports, quotes or
 *   attacks edge, or a premise–conclusion argument — never a node.
 * - `answers`: a claim answers a question.
 * - `quotes`: an evidence quotation backs a claim.
 */
export const EdgeKind = z.enum(['supports', 'attacks', 'undercuts', 'answers', 'quotes']);
export type EdgeKind = z.infer<typeof EdgeKind>;

/** The target of an edge is a node, except for `undercuts`, which targets an inference. */
export type EdgeTargetRule =
  | { target: 'node'; from: readonly NodeKind[]; to: readonly NodeKind[] }
  | { target: 'inference'; from: readonly NodeKind[]; toEdgeKinds: readonly EdgeKind[] };

/** Which node kinds each edge kind may connect. The one table both applyOp and the UI read. */
export const EDGE_RULES: Record<EdgeKind, EdgeTargetRule> = {
  supports: { target: 'node', from: ['claim', 'evidence'], to: ['claim'] },
  attacks: { target: 'node', from: ['claim', 'evidence'], to: ['claim', 'evidence'] },
  undercuts: { target: 'inference', from: ['claim', 'evidence'], toEdgeKinds: ['supports', 'quotes', 'attacks'] },
  answers: { target: 'node', from: ['claim'], to: ['question'] },
  quotes: { target: 'node', from: ['evidence'], to: ['claim'] },
};

/** Node kinds that may be premises or conclusions of a premise–conclusion argument. */
export const ARGUMENT_PREMISE_KINDS: readonly NodeKind[] = ['claim', 'evidence'];
export const ARGUMENT_CONCLUSION_KINDS: readonly NodeKind[] = ['claim'];

/** Edge kinds that can join two given node kinds (for the connect picker). */
export function edgeKindsBetween(from: NodeKind, to: NodeKind): EdgeKind[] {
  return EdgeKind.options.filter((kind) => {
    const rule = EDGE_RULES[kind];
    return rule.target === 'node' && rule.from.includes(from) && rule.to.includes(to);
  });
}
