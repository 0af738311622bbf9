import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { GraphFlowNode } from '../flow-types';
import { CARD_HANDLES } from '../flow-elements';
import { NodeCard } from './NodeCard';

/** A statement others can support or attack: a source and a target of relations. */
export const ClaimNode = memo(function ClaimNode({ id, data, selected }: NodeProps<GraphFlowNode>) {
  return (
    <NodeCard
      id={id}
      kind="claim"
      text={data.node.text}
      selected={selected}
      placeholder="Empty claim — double-click to write"
      handles={CARD_HANDLES.claim}
    />
  );
});

/** An open question: claims answer it, it relates to nothing itself. */
export const QuestionNode = memo(function QuestionNode({ id, data, selected }: NodeProps<GraphFlowNode>) {
  return (
    <NodeCard
      id={id}
      kind="question"
      text={data.node.text}
      selected={selected}
      placeholder="Empty question — double-click to write"
      handles={CARD_HANDLES.question}
    />
  );
});

/** A free annotation; takes part in no relation, so it has no handles. */
export const NoteNode = memo(function NoteNode({ id, data, selected }: NodeProps<GraphFlowNode>) {
  return (
    <NodeCard
      id={id}
      kind="note"
      text={data.node.text}
      selected={selected}
      placeholder="Empty note — double-click to write"
      handles={CARD_HANDLES.note}
    />
  );
});
