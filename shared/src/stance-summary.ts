import type { Stance } from './group.js';

/** A stance as one number in [-100, 100]: agree +confidence, disagree −confidence, unsure 0. */
export const signedStance = (stance: Pick<Stance, 'value' | 'confidence'>): number =>
  stance.value === 'agree' ? stance.confidence : stance.value === 'disagree' ? -stance.confidence : 0;

/** How the group stands on one claim. */
export interface ClaimConsensus {
  nodeId: string;
  agree: number;
  disagree: number;
  unsure: number;
  /** Mean signed stance in [-100, 100]: where the group leans. */
  lean: number;
  /** 0 (everyone in the same place) to 1 (split down the middle at full confidence): the spread of signed stances. */
  controversy: number;
}

/** Where the group stands on a claim, in one word: split, or agreeing on agree / disagree / unsure. */
export type ConsensusVerdict = 'split' | 'agree' | 'disagree' | 'unsure';

/** At this controversy (or more) a claim counts as controversial: half the group far from the other half. */
export const CONTROVERSIAL = 0.5;

/**
 * The verdict the canvas colours a claim by: `split` when controversy reaches CONTROVERSIAL, else the side the
 * group leans to when the lean is clear (a quarter of full confidence), else `unsure`.
 */
export function consensusVerdict(consensus: Pick<ClaimConsensus, 'lean' | 'controversy'>): ConsensusVerdict {
  if (consensus.controversy >= CONTROVERSIAL) return 'split';
  if (consensus.lean >= 25) return 'agree';
  if (consensus.lean <= -25) return 'disagree';
  return 'unsure';
}

/** Consensus and controversy per claim, from every member's stance. */
export function summarizeStances(stances: readonly Stance[]): Map<string, ClaimConsensus> {
  const byNode = new Map<string, Stance[]>();
  for (const stance of stances) byNode.set(stance.nodeId, [...(byNode.get(stance.nodeId) ?? []), stance]);
  const result = new Map<string, ClaimConsensus>();
  for (const [nodeId, list] of byNode) {
    const values = list.map(signedStance);
    const lean = values.reduce((a, b) => a + b, 0) / values.length;
    // Standard deviation of values in [-100, 100] is at most 100 (half at each end).
    const spread = Math.sqrt(values.reduce((sum, v) => sum + (v - lean) ** 2, 0) / values.length) / 100;
    const count = (value: Stance['value']) => list.filter((s) => s.value === value).length;
    result.set(nodeId, { nodeId, agree: count('agree'), disagree: count('disagree'), unsure: count('unsure'), lean, controversy: spread });
  }
  return result;
}

/** The claims both members took a stance on, where they differ most first (gap in signed stance, 0–200). */
export function disagreements(stances: readonly Stance[], a: string, b: string): { nodeId: string; gap: number; a: Stance; b: Stance }[] {
  const of = (userId: string) => new Map(stances.filter((s) => s.userId === userId).map((s) => [s.nodeId, s]));
  const first = of(a);
  const second = of(b);
  const pairs = [...first].flatMap(([nodeId, sa]) => {
    const sb = second.get(nodeId);
    return sb ? [{ nodeId, gap: Math.abs(signedStance(sa) - signedStance(sb)), a: sa, b: sb }] : [];
  });
  return pairs.filter((pair) => pair.gap > 0).sort((x, y) => y.gap - x.gap || x.nodeId.localeCompare(y.nodeId));
}
