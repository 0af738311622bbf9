import { MapTitle, type MapSummary } from '@counterpoint/shared';
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useDeleteMap, useRenameMap } from '../api/useMaps';
import { ErrorMessage } from '../components/ErrorMessage';

type Mode = 'view' | 'rename' | 'confirm-delete';

const updatedFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A map in the list: open it, rename it inline, or delete it after confirming. */
export function MapListItem({ map, canEdit }: { map: MapSummary; canEdit: boolean }) {
  const [mode, setMode] = useState<Mode>('view');
  const [title, setTitle] = useState(map.title);
  const [invalid, setInvalid] = useState<string | null>(null);
  const rename = useRenameMap();
  const remove = useDeleteMap();

  const onRename = (event: FormEvent) => {
    event.preventDefault();
    const parsed = MapTitle.safeParse(title);
    if (!parsed.success) return setInvalid(parsed.error.issues[0]?.message ?? 'Invalid title.');
    setInvalid(null);
    rename.mutate({ mapId: map.id, title: parsed.data }, { onSuccess: () => setMode('view') });
  };

  return (
    <li className="cp-map-item">
      {mode === 'rename' ? (
        <form className="cp-map-item__rename" onSubmit={onRename}>
          <input aria-label="Rename map" value={title} maxLength={200} autoFocus onChange={(e) => setTitle(e.target.value)} />
          <button type="submit" className="cp-button--primary" disabled={rename.isPending}>
            Save
          </button>
          <button type="button" onClick={() => setMode('view')}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="cp-map-item__main">
          <Link href={`/maps/${map.id}`} className="cp-map-item__title">
            {map.title}
          </Link>
          <span className="cp-muted cp-map-item__meta">
            {map.nodeCount} node{map.nodeCount === 1 ? '' : 's'} · version {map.version} · updated{' '}
            {updatedFormat.format(new Date(map.updatedAt))}
          </span>
          {canEdit && mode === 'view' && (
            <span className="cp-map-item__actions">
              <button type="button" onClick={() => { setTitle(map.title); setMode('rename'); }} aria-label={`Rename ${map.title}`}>
                Rename
              </button>
              <button type="button" className="cp-button--danger-quiet" onClick={() => setMode('confirm-delete')} aria-label={`Delete ${map.title}`}>
                Delete
              </button>
            </span>
          )}
        </div>
      )}
      {mode === 'confirm-delete' && (
        <div className="cp-confirm" role="alertdialog" aria-label={`Delete ${map.title}?`}>
          <span>
            Delete “{map.title}” and its {map.nodeCount} node{map.nodeCount === 1 ? '' : 's'}? This cannot be undone.
          </span>
          <button type="button" className="cp-button--danger" disabled={remove.isPending} onClick={() => remove.mutate(map.id)}>
            {remove.isPending ? 'Deleting…' : 'Delete map'}
          </button>
          <button type="button" onClick={() => setMode('view')}>
            Cancel
          </button>
        </div>
      )}
      {invalid && (
        <div className="cp-alert cp-alert--error" role="alert">
          {invalid}
        </div>
      )}
      {rename.error && <ErrorMessage error={rename.error} prefix="Could not rename the map" />}
      {remove.error && <ErrorMessage error={remove.error} prefix="Could not delete the map" />}
    </li>
  );
}
