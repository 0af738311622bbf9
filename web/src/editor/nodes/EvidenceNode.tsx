import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { GraphFlowNode } from '../flow-types';
import { useIsUnplaced } from '../../reader/quote-status';
import { CARD_HANDLES } from '../flow-elements';
import { NodeCard } from './NodeCard';

const QUOTE_PREVIEW_CHARS = 280;

/** A quotation from a source: the quoted words, where they come from, and an optional caption. */
export const EvidenceNode = memo(function EvidenceNode({ id, data, selected }: NodeProps<GraphFlowNode>) {
  const { node, sourceTitle } = data;
  const exact = node.quote?.exact ?? '';
  const preview = exact.length > QUOTE_PREVIEW_CHARS ? `${exact.slice(0, QUOTE_PREVIEW_CHARS).trimEnd()}…` : exact;
  // The source text was corrected and this quotation could not be re-anchored: it still shows its old words.
  const unplaced = useIsUnplaced(id);
  return (
    <NodeCard
      id={id}
      kind="evidence"
      text={node.text}
      selected={selected}
      placeholder="Add a caption (double-click)"
      handles={CARD_HANDLES.evidence}
    >
      <blockquote className="cp-node__quote" title={exact}>
        “{preview}”
      </blockquote>
      <div className="cp-node__source">— {sourceTitle ?? 'a source of this group'}</div>
      {unplaced && (
        <div className="cp-node__unplaced" data-testid="evidence-unplaced" title="Open the source (click this node) to re-anchor it">
          ⚠ Not found in the corrected text
        </div>
      )}
    </NodeCard>
  );
});
