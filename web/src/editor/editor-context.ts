import { createContext, useContext, useSyncExternalStore } from 'react';

/** What node components may ask of the editor. The object is stable for the editor's lifetime. */
export interface EditorActions {
  readOnly: boolean;
  startEdit(id: string): void;
  commitText(id: string, text: string): void;
  cancelEdit(id: string): void;
}

/**
 * Which node shows its text editor. Kept outside React state so that opening an editor re-renders only the
 * node whose answer to "am I editing?" changed, not every node on the canvas.
 */
export class EditingStore {
  private id: string | null = null;
  private readonly listeners = new Set<() => void>();

  get = () => this.id;

  set(id: string | null): void {
    if (id === this.id) return;
    this.id = id;
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export interface EditorContextValue {
  actions: EditorActions;
  editing: EditingStore;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

function useEditorContext(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('Map nodes must be rendered inside the map editor.');
  return value;
}

export const useEditorActions = () => useEditorContext().actions;

export function useIsEditing(id: string): boolean {
  const { editing } = useEditorContext();
  return useSyncExternalStore(editing.subscribe, () => editing.get() === id);
}
