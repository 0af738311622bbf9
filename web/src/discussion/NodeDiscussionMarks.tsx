import { memo, type MouseEvent } from 'react';
import { consensusVerdict, type ClaimConsensus, type Stance } from '@counterpoint/shared';
import { ConsensusBar } from './ConsensusBar';
import { discussionMarks } from './stance-decorations';
import { useNodeDiscussionMark } from './useDiscussionMarks';
import './discussion-marks.css';

const VERDICT_LABEL = { split: 'split', agree: 'agreed', disagree: 'rejected', unsure: 'unsure' } as const;

/**
 * What the group's discussion adds to a node card, on its bottom edge: the group's spread (group view) or one
 * member's stance (member view) on the left, the open thread count on the right. Subscribes to this node's
 * marks only, so stance changes elsewhere on the map do not render it.
 */
export const NodeDiscussionMarks = memo(function NodeDiscussionMarks({ id }: { id: string }) {
  const mark = useNodeDiscussionMark(id);
  if (!mark.consensus && !mark.stance && mark.openThreads === 0) return null;
  return (
    <div className="cp-talk">
      {mark.consensus && <GroupChip consensus={mark.consensus} />}
      {mark.stance && <MemberChip stance={mark.stance} name={mark.memberName ?? ''} />}
      {mark.openThreads > 0 && <ThreadBadge nodeId={id} count={mark.openThreads} />}
    </div>
  );
});

function GroupChip({ consensus }: { consensus: ClaimConsensus }) {
  const verdict = consensusVerdict(consensus);
  return (
    <span className={`cp-talk__chip cp-talk__chip--${verdict}`} data-testid="node-consensus" data-verdict={verdict} title={`The group: ${VERDICT_LABEL[verdict]}`}>
      <ConsensusBar consensus={consensus} />
      {VERDICT_LABEL[verdict]}
    </span>
  );
}

const STANCE_GLYPH = { agree: '✓', disagree: '✗', unsure: '?' } as const;

/** One member's stance: coloured by agree / disagree / unsure, with their confidence (0–100). */
function MemberChip({ stance, name }: { stance: Stance; name: string }) {
  const label = `${name}: ${stance.value}, confidence ${stance.confidence}${stance.note ? ` — ${stance.note}` : ''}`;
  return (
    <span className={`cp-talk__chip cp-talk__chip--${stance.value}`} data-testid="node-member-stance" data-value={stance.value} title={label} aria-label={label}>
      <span aria-hidden>{STANCE_GLYPH[stance.value]}</span>
      <span className="cp-talk__name">{name}</span>
      <span className="cp-talk__confidence">{stance.confidence}</span>
    </span>
  );
}

function ThreadBadge({ nodeId, count }: { nodeId: string; count: number }) {
  const label = `${count} open ${count === 1 ? 'thread' : 'threads'}: show in the panel`;
  const open = (event: MouseEvent) => {
    event.stopPropagation();
    discussionMarks.focusNode(nodeId);
  };
  return (
    <button
      type="button"
      className="cp-talk__threads nodrag nopan"
      data-testid="node-thread-count"
      title={label}
      aria-label={label}
      onClick={open}
      onDoubleClick={(event) => event.stopPropagation()}
    >
      <ThreadIcon />
      {count}
    </button>
  );
}

/** A speech bubble, drawn rather than an emoji: headless and minimal systems often lack an emoji font. */
export function ThreadIcon() {
  return (
    <svg viewBox="0 0 16 16" width="11" height="11" aria-hidden>
      <path d="M2 3.5A1.5 1.5 0 0 1 3.5 2h9A1.5 1.5 0 0 1 14 3.5v6a1.5 1.5 0 0 1-1.5 1.5H7l-3 3v-3h-.5A1.5 1.5 0 0 1 2 9.5z" fill="currentColor" />
    </svg>
  );
}
