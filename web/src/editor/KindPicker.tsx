import { useEffect, useRef } from 'react';
import type { ConnectChoice } from './connect-choices';

export interface PickerRequest {
  /** Where the connection was dropped, in viewport pixels. */
  x: number;
  y: number;
  choices: ConnectChoice[];
  /** Said when no relation is possible, e.g. from a question to a claim. */
  emptyMessage: string;
}

interface Props {
  request: PickerRequest;
  onPick(choice: ConnectChoice): void;
  onClose(): void;
}

/** The small dialog that asks which relation a new connection makes; it lists only what the rules allow. */
export function KindPicker({ request, onPick, onClose }: Props) {
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    dialog.current?.querySelector('button')?.focus();
    const onKeyDown = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  // Keep the dialog on screen when the drop was near the right or bottom edge.
  const left = Math.min(request.x + 8, window.innerWidth - 260);
  const top = Math.min(request.y + 8, window.innerHeight - 60 - 40 * Math.max(1, request.choices.length));

  return (
    <>
      <div className="cp-picker__backdrop" onMouseDown={onClose} />
      <div ref={dialog} className="cp-picker" role="dialog" aria-modal="true" aria-label="Choose a relation" style={{ left, top }}>
        <div className="cp-picker__title">{request.choices.length > 0 ? 'This node…' : 'No relation possible'}</div>
        {request.choices.length === 0 && <p className="cp-picker__empty">{request.emptyMessage}</p>}
        {request.choices.map((choice) => (
          <button
            key={choice.name}
            type="button"
            className={`cp-picker__choice cp-picker__choice--${choice.name.replace(' ', '-')}`}
            title={choice.description}
            onClick={() => onPick(choice)}
          >
            {choice.name}
          </button>
        ))}
        <button type="button" className="cp-picker__cancel" onClick={onClose}>
          Cancel
        </button>
      </div>
    </>
  );
}
