import { Handle, Position } from '@xyflow/react';
import type { NodeKind } from '@counterpoint/shared';
import type { ReactNode } from 'react';
import { useEditorActions, useIsEditing } from '../editor-context';
import { useNodeDecoration } from '../../readings/decorations-context';
import { NodeDecorations } from '../../readings/NodeDecorations';
import { NodeTextEditor } from './NodeTextEditor';

interface Props {
  id: string;
  kind: NodeKind;
  text: string;
  selected: boolean;
  placeholder: string;
  /** Relations start at the top handle (towards what this node backs) and arrive at the bottom one. */
  handles: { source: boolean; target: boolean };
  /** Shown above the text (the quotation of an evidence node). */
  children?: ReactNode;
}

/** The card every graph node kind is drawn as: kind label, optional extra content, text or its editor. */
export function NodeCard({ id, kind, text, selected, placeholder, handles, children }: Props) {
  const editing = useIsEditing(id);
  const actions = useEditorActions();
  // Reading dots, the in/out/undecided badge and filter dimming (see readings/canvas-decorations.ts).
  const decoration = useNodeDecoration(id);
  return (
    <div
      className={`cp-node cp-node--${kind}${selected ? ' is-selected' : ''}${decoration.dimmed ? ' is-dimmed' : ''}`}
      data-testid={`node-${kind}`}
      onDoubleClick={(event) => {
        event.stopPropagation();
        actions.startEdit(id);
      }}
    >
      {handles.target && <Handle type="target" position={Position.Bottom} className="cp-handle" />}
      <div className="cp-node__kind">{kind}</div>
      <NodeDecorations id={id} decoration={decoration} />
      {children}
      {editing ? (
        <NodeTextEditor
          initialText={text}
          placeholder={placeholder}
          onCommit={(value) => actions.commitText(id, value)}
          onCancel={() => actions.cancelEdit(id)}
        />
      ) : text ? (
        <div className="cp-node__text">{text}</div>
      ) : (
        <div className="cp-node__text is-empty">{placeholder}</div>
      )}
      {handles.source && <Handle type="source" position={Position.Top} className="cp-handle" />}
    </div>
  );
}
