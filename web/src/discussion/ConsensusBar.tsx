import { CONTROVERSIAL, type ClaimConsensus } from '@counterpoint/shared';

/** Agree / unsure / disagree shares as one small bar; its border turns red as the group splits. */
export function ConsensusBar({ consensus }: { consensus: ClaimConsensus | undefined }) {
  if (!consensus) return <span className="cp-muted">no positions yet</span>;
  const total = consensus.agree + consensus.disagree + consensus.unsure;
  const label = `${consensus.agree} agree, ${consensus.unsure} unsure, ${consensus.disagree} disagree; ${consensus.controversy >= CONTROVERSIAL ? 'controversial' : 'consensus'}`;
  return (
    <span className="cp-consensus" title={label} aria-label={label} data-controversial={consensus.controversy >= CONTROVERSIAL}>
      <span className="cp-consensus__agree" style={{ flexGrow: consensus.agree / total }} />
      <span className="cp-consensus__unsure" style={{ flexGrow: consensus.unsure / total }} />
      <span className="cp-consensus__disagree" style={{ flexGrow: consensus.disagree / total }} />
    </span>
  );
}
