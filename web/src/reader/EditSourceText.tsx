import type { SourceDetail, SourceRevisionResult } from '@counterpoint/shared';
import { useState } from 'react';
import { ErrorMessage } from '../components/ErrorMessage';
import { useReviseSourceText } from './useReaderQueries';

/**
 * Correct a source's text. Saving stores a new revision and re-anchors every quotation of the source; the
 * report says which stayed, which moved and which could not be placed (those are listed to be fixed by hand).
 */
export function EditSourceText({ source, onClose }: { source: SourceDetail; onClose(report: SourceRevisionResult['report'] | null): void }) {
  const [text, setText] = useState(source.text);
  const revise = useReviseSourceText(source.id);
  return (
    <form
      className="cp-reader__form"
      data-testid="edit-source-form"
      onSubmit={(event) => {
        event.preventDefault();
        revise.mutate({ text, baseRevision: source.revision }, { onSuccess: ({ report }) => onClose(report) });
      }}
    >
      <h3>Correct the text (revision {source.revision})</h3>
      <p className="cp-muted">Quotations follow the words they quote; any that cannot be placed are flagged for you to fix.</p>
      <textarea data-testid="source-text-editor" value={text} onChange={(e) => setText(e.target.value)} rows={14} spellCheck />
      {revise.error && <ErrorMessage error={revise.error} prefix="Not saved" />}
      <div className="cp-reader__form-actions">
        <button type="submit" className="cp-button--primary" data-testid="save-source-text" disabled={revise.isPending || text === source.text}>
          {revise.isPending ? 'Saving…' : 'Save as new revision'}
        </button>
        <button type="button" onClick={() => onClose(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** What the last correction did to the quotations. */
export function ReanchorReport({ report, onDismiss }: { report: SourceRevisionResult['report']; onDismiss(): void }) {
  const changed = report.quotations.filter((q) => q.status !== 'placed');
  return (
    <div className="cp-reader__report" role="status" data-testid="reanchor-report">
      <strong>Text saved.</strong> Quotations: {report.placed} in place, {report.moved} moved, {report.unplaced} unplaced.
      {changed.length > 0 && (
        <ul>
          {changed.map((q) => (
            <li key={q.nodeId} className={`is-${q.status}`}>
              {q.status === 'moved' ? 'Moved' : 'Could not place'}: “{short(q.before.exact)}”
              {q.after && q.after.exact !== q.before.exact && <> → “{short(q.after.exact)}”</>} <span className="cp-muted">({q.mapTitle})</span>
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={onDismiss}>
        OK
      </button>
    </div>
  );
}

const short = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}…` : text);
