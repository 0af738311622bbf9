interface Props {
  canUndo: boolean;
  canRedo: boolean;
  onUndo(): void;
  onRedo(): void;
  historyOpen: boolean;
  onToggleHistory(): void;
  readOnly: boolean;
}

/** Undo / redo of your own edits, and the History panel toggle, in the editor header. */
export function HistoryControls({ canUndo, canRedo, onUndo, onRedo, historyOpen, onToggleHistory, readOnly }: Props) {
  return (
    <div className="cp-history-controls">
      {!readOnly && (
        <>
          <button type="button" className="cp-button" onClick={onUndo} disabled={!canUndo} title="Undo your last change (Ctrl+Z)" data-testid="undo">
            Undo
          </button>
          <button type="button" className="cp-button" onClick={onRedo} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)" data-testid="redo">
            Redo
          </button>
        </>
      )}
      <button type="button" className="cp-button" aria-pressed={historyOpen} onClick={onToggleHistory} data-testid="toggle-history">
        History
      </button>
    </div>
  );
}
