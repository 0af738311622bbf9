import type { NodeTypes } from '@xyflow/react';
import { EvidenceNode } from './nodes/EvidenceNode';
import { InferenceNode } from './nodes/InferenceNode';
import { ClaimNode, NoteNode, QuestionNode } from './nodes/TextNodes';

/** Defined once at module level: a new object on each render would make React Flow remount every node. */
export const nodeTypes = {
  claim: ClaimNode,
  evidence: EvidenceNode,
  question: QuestionNode,
  note: NoteNode,
  inference: InferenceNode,
} satisfies NodeTypes;
