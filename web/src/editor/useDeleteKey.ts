import { useEffect, useRef } from 'react';

/** True when a key press belongs to a text field or an open dialog rather than to the canvas. */
function typingElsewhere(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, [role="dialog"]') !== null;
}

/**
 * Delete and Backspace delete the canvas selection. React Flow's own delete key is off because a deletion here
 * is one op batch (and an argument's legs map to argument ops), not React Flow's node/edge removal.
 */
export function useDeleteKey(onDelete: () => void, enabled: boolean): void {
  const handler = useRef(onDelete);
  useEffect(() => {
    handler.current = onDelete;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.key === 'Delete' || event.key === 'Backspace') && !typingElsewhere(event.target)) {
        event.preventDefault();
        handler.current();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
