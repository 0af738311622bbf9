import type { Passage } from '@counterpoint/shared';
import { memo } from 'react';
import { segmentsOf, type Highlight } from './highlights';

interface Props {
  passage: Passage;
  text: string;
  highlights: readonly Highlight[];
  /** For a reply: the number of the comment it answers, and how deep it nests. */
  replyTo: string | null;
  depth: number;
  activeNodeId: string | null;
  /** The passage a search result pointed at: shown marked. */
  targeted: boolean;
  onHighlightClick(nodeIds: string[]): void;
}

/**
 * One passage: its text cut into runs at quotation boundaries, each run an element carrying its source offset
 * (see text-selection.ts), quoted runs as <mark>. Line breaks inside a paragraph show as spaces (CSS
 * white-space: normal) while the DOM keeps the source's characters.
 */
export const PassageView = memo(function PassageView({ passage, text, highlights, replyTo, depth, activeNodeId, targeted, onHighlightClick }: Props) {
  const segments = segmentsOf(passage.start, passage.end, highlights);
  return (
    <div
      className={`cp-passage cp-passage--${passage.kind}${targeted ? ' is-target' : ''}`}
      data-testid="passage"
      data-passage-index={passage.index}
      style={depth > 0 ? { marginLeft: `${Math.min(depth, 6) * 14}px` } : undefined}
    >
      {passage.kind === 'comment' && (
        <div className="cp-passage__meta">
          Comment {passage.number}
          {replyTo && ` · reply to ${replyTo}`}
          {passage.author && ` · ${passage.author}`}
        </div>
      )}
      <div className="cp-passage__text">
        {segments.map((segment) => {
          const run = text.slice(segment.start, segment.end);
          if (segment.nodeIds.length === 0) {
            return (
              <span key={segment.start} data-offset={segment.start}>
                {run}
              </span>
            );
          }
          const active = activeNodeId !== null && segment.nodeIds.includes(activeNodeId);
          return (
            <mark
              key={segment.start}
              data-offset={segment.start}
              data-testid="quote-highlight"
              data-node-ids={segment.nodeIds.join(' ')}
              className={`cp-quote-mark${segment.nodeIds.length > 1 ? ' is-overlap' : ''}${active ? ' is-active' : ''}`}
              title={`Quoted by ${segment.nodeIds.length} evidence node${segment.nodeIds.length > 1 ? 's' : ''} on this map — click to show`}
              onClick={() => onHighlightClick(segment.nodeIds)}
            >
              {run}
            </mark>
          );
        })}
      </div>
    </div>
  );
});
