import { ImportFormat, type ImportPreview } from '@counterpoint/shared';
import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import { ErrorMessage } from '../components/ErrorMessage';
import { useImportFile } from './useImportFile';
import './interchange.css';

const FORMAT_NAMES: Record<ImportFormat, string> = { json: 'Counterpoint JSON', aif: 'AIF-JSON (OVA, AIFdb)', argdown: 'Argdown' };
/** Problems listed at once; the rest are counted. */
const SHOWN_PROBLEMS = 200;

/** A button that opens the import dialog for a group. */
export function ImportButton({ groupId }: { groupId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="cp-import-button" data-testid="import-map" onClick={() => setOpen(true)}>
        Import a map…
      </button>
      {open && <ImportDialog groupId={groupId} onClose={() => setOpen(false)} />}
    </>
  );
}

/**
 * Import a file as a new map: choose the file (its format is guessed and can be changed), see what it would
 * create and every problem with where it is, then import — with progress — and open the new map.
 */
export function ImportDialog({ groupId, onClose }: { groupId: string; onClose(): void }) {
  const state = useImportFile(groupId);
  const [title, setTitle] = useState('');
  const [, navigate] = useLocation();
  const busy = state.run.isPending;
  const preview = state.preview.data;

  useEffect(() => {
    if (preview) setTitle(preview.title);
  }, [preview]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && !busy && onClose();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [busy, onClose]);

  const start = () =>
    state.run.mutate({ title }, { onSuccess: (result) => navigate(`/maps/${result.map.id}`) });

  return (
    <div className="cp-modal" role="presentation" onMouseDown={(e) => e.target === e.currentTarget && !busy && onClose()}>
      <div className="cp-modal__dialog cp-import" role="dialog" aria-modal="true" aria-labelledby="import-title">
        <h2 id="import-title">Import a map</h2>
        <p className="cp-muted">Counterpoint JSON, AIF-JSON (from OVA or AIFdb) or Argdown. Nothing is written until you press Import.</p>
        <div className="cp-import__fields">
          <label>
            File
            <input type="file" accept=".json,.argdown,.ad,.txt,application/json,text/plain" disabled={busy} onChange={(e) => e.target.files?.[0] && void state.choose(e.target.files[0])} />
          </label>
          <label>
            Format
            <select value={state.format} disabled={!state.file || busy} onChange={(e) => state.changeFormat(e.target.value as ImportFormat)}>
              {ImportFormat.options.map((f) => (
                <option key={f} value={f}>
                  {FORMAT_NAMES[f]}
                </option>
              ))}
            </select>
          </label>
          {preview && (
            <label>
              Title of the new map
              <input value={title} maxLength={200} disabled={busy} onChange={(e) => setTitle(e.target.value)} />
            </label>
          )}
        </div>
        {state.tooLarge && (
          <div className="cp-alert cp-alert--error" role="alert">
            {state.tooLarge}
          </div>
        )}
        {state.preview.isPending && <p className="cp-muted">Reading the file…</p>}
        {state.preview.error && <ErrorMessage error={state.preview.error} prefix="This file cannot be imported" />}
        {preview && <PreviewSummary preview={preview} />}
        {state.run.error && <ErrorMessage error={state.run.error} prefix="The import failed; nothing was kept" />}
        {busy && (
          <div className="cp-import__progress" role="status">
            <progress value={state.progress?.written ?? 0} max={state.progress?.total ?? 1} />
            {state.progress ? `Written ${state.progress.written} of ${state.progress.total} changes…` : 'Creating the map…'}
          </div>
        )}
        <div className="cp-modal__actions">
          <button type="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="button" className="cp-button--primary" data-testid="import-start" disabled={!preview?.canImport || busy || !title.trim()} onClick={start}>
            {busy ? 'Importing…' : 'Import'}
          </button>
        </div>
      </div>
    </div>
  );
}

function PreviewSummary({ preview }: { preview: ImportPreview }) {
  const { counts, problems } = preview;
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <div className="cp-import__preview" data-testid="import-preview">
      <p>
        Would create <strong>{counts.nodes}</strong> nodes, <strong>{counts.edges}</strong> relations, <strong>{counts.arguments}</strong> arguments
        {counts.events + counts.readings > 0 && `, ${counts.events} events and ${counts.readings} readings`}.
        {counts.sourcesCreated + counts.sourcesReused > 0 && ` Quotations: ${counts.sourcesReused} source(s) of this group used, ${counts.sourcesCreated} added.`}
        {counts.evidenceAsClaims > 0 && ` ${counts.evidenceAsClaims} quotation(s) become claims.`}
      </p>
      {problems.length === 0 ? (
        <p className="cp-muted">No problems found.</p>
      ) : (
        <>
          <p className={errors > 0 ? 'cp-import__verdict--error' : undefined}>
            {errors > 0 ? `${errors} error(s) must be fixed in the file before it can be imported.` : 'Imported with these changes:'}
          </p>
          <ul className="cp-import__problems" aria-label="Problems">
            {problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
              <li key={i} className={`cp-import__problem cp-import__problem--${p.severity}`}>
                <span className="cp-badge">{p.severity}</span> {p.at && <code>{p.at}</code>} {p.message}
              </li>
            ))}
          </ul>
          {problems.length > SHOWN_PROBLEMS && <p className="cp-muted">…and {problems.length - SHOWN_PROBLEMS} more.</p>}
        </>
      )}
    </div>
  );
}
