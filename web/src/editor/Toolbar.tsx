import { Panel } from '@xyflow/react';
import { ExportMenu } from '../interchange/ExportMenu';

interface Props {
  readOnly: boolean;
  hasSelection: boolean;
  layoutRunning: boolean;
  onAdd(kind: 'claim' | 'question' | 'note'): void;
  onDelete(): void;
  onAutoLayout(): void;
  /** The pointer is on its way to "Auto layout": the layout can start ahead of the click. */
  onAutoLayoutIntent(): void;
  onFitView(): void;
}

export function Toolbar({ readOnly, hasSelection, layoutRunning, onAdd, onDelete, onAutoLayout, onAutoLayoutIntent, onFitView }: Props) {
  return (
    <Panel position="top-left" className="cp-toolbar" aria-label="Map tools">
      {!readOnly && (
        <>
          <button type="button" data-testid="add-claim" onClick={() => onAdd('claim')} title="Add a claim (or double-click the canvas)">
            + Claim
          </button>
          <button type="button" data-testid="add-question" onClick={() => onAdd('question')}>
            + Question
          </button>
          <button type="button" data-testid="add-note" onClick={() => onAdd('note')}>
            + Note
          </button>
          <span className="cp-toolbar__sep" />
          <button
            type="button"
            data-testid="delete-selected"
            onClick={onDelete}
            disabled={!hasSelection}
            title="Delete the selection (Delete or Backspace)"
          >
            Delete
          </button>
          <button type="button" data-testid="auto-layout" onClick={onAutoLayout} onPointerEnter={onAutoLayoutIntent} onFocus={onAutoLayoutIntent} disabled={layoutRunning}>
            {layoutRunning ? 'Laying out…' : 'Auto layout'}
          </button>
        </>
      )}
      <button type="button" data-testid="fit-view" onClick={onFitView}>
        Fit view
      </button>
      <ExportMenu />
    </Panel>
  );
}
