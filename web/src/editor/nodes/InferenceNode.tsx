import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { INFERENCE_HANDLES } from '../flow-elements';
import type { InferenceFlowNode } from '../flow-types';
import { useNodeDecoration } from '../../readings/decorations-context';

/**
 * The inference of a premise–conclusion argument: premises join here (so co-premises read as one reason, not
 * several independent ones) and one arrow leaves for the conclusion. Undercuts of the argument aim at its side.
 */
export const InferenceNode = memo(function InferenceNode({ data, selected }: NodeProps<InferenceFlowNode>) {
  const { argument } = data;
  const count = argument.premiseIds.length;
  // Dimmed with its conclusion when the canvas shows one reading only.
  const { dimmed } = useNodeDecoration(argument.conclusionId);
  return (
    <div
      className={`cp-inference${selected ? ' is-selected' : ''}${dimmed ? ' is-dimmed' : ''}`}
      data-testid="node-inference"
      title={`${argument.label || 'Argument'}: ${count} premise${count === 1 ? '' : 's'} jointly support the conclusion`}
    >
      <Handle id={INFERENCE_HANDLES.in} type="target" position={Position.Bottom} isConnectable={false} className="cp-handle--hidden" />
      <Handle id={INFERENCE_HANDLES.undercut} type="target" position={Position.Left} isConnectable={false} className="cp-handle--hidden" />
      <span aria-hidden="true">∴</span>
      <Handle id={INFERENCE_HANDLES.out} type="source" position={Position.Top} isConnectable={false} className="cp-handle--hidden" />
    </div>
  );
});
