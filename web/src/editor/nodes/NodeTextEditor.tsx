import { useRef, useState, type KeyboardEvent } from 'react';
import { NODE_TEXT_MAX } from '@counterpoint/shared';

interface Props {
  initialText: string;
  placeholder: string;
  onCommit(text: string): void;
  onCancel(): void;
}

/** Inline editor of a node's text: Enter or leaving the field saves, Shift+Enter breaks a line, Escape cancels. */
export function NodeTextEditor({ initialText, placeholder, onCommit, onCancel }: Props) {
  const [text, setText] = useState(initialText);
  // Enter commits and unmounts the field, which may still fire blur: finish only once.
  const done = useRef(false);

  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    if (commit) onCommit(text);
    else onCancel();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Keys typed here are text, not canvas shortcuts.
    event.stopPropagation();
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      finish(true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      finish(false);
    }
  };

  return (
    <textarea
      // nodrag/nowheel/nopan: selecting text must not drag the node, scroll must not zoom the canvas.
      className="cp-node__editor nodrag nowheel nopan"
      aria-label="Edit text"
      autoFocus
      rows={Math.min(8, Math.max(2, Math.ceil(text.length / 28)))}
      maxLength={NODE_TEXT_MAX}
      value={text}
      placeholder={placeholder}
      onChange={(event) => setText(event.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(true)}
      onFocus={(event) => event.target.setSelectionRange(event.target.value.length, event.target.value.length)}
    />
  );
}
