import { useEffect, useState, useSyncExternalStore } from 'react';
import type { MapDocument } from '../sync/map-document';
import { UndoManager } from './undo-manager';

function typingInField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * Undo/redo of this member's own edits for an open map, with Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y; Cmd on a Mac).
 * Inside a text field the browser's own text undo applies instead.
 */
export function useUndo(doc: MapDocument, enabled: boolean) {
  const [manager] = useState(() => new UndoManager(doc));
  useEffect(() => () => manager.dispose(), [manager]);
  const state = useSyncExternalStore(manager.subscribe, manager.getState);

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || typingInField(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) manager.undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') manager.redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [manager, enabled]);

  return { ...state, undo: () => manager.undo(), redo: () => manager.redo() };
}
