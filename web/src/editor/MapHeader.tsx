import type { ReactNode } from 'react';
import { Link } from 'wouter';
import type { SaveState } from '../sync/map-document';

const SAVE_LABELS: Record<SaveState, string> = {
  saved: 'Saved',
  saving: 'Saving…',
  retrying: 'Saving… (retrying)',
  offline: 'Not saved — offline',
};

interface Props {
  title: string;
  version: number;
  saveState: SaveState;
  pendingOps: number;
  readOnly: boolean;
  /** Who is here and the live connection's state. */
  presence?: ReactNode;
}

export function MapHeader({ title, version, saveState, pendingOps, readOnly, presence }: Props) {
  return (
    <header className="cp-editor-header">
      <Link href="/" className="cp-editor-header__back">
        ← All maps
      </Link>
      <h1 className="cp-editor-header__title">{title}</h1>
      {readOnly && <span className="cp-badge">view only</span>}
      <span className="cp-editor-header__version" title="Map version: the number of changes saved so far">
        v{version}
      </span>
      {presence}
      <span
        className={`cp-save-state cp-save-state--${saveState}`}
        data-testid="save-state"
        role="status"
        title={pendingOps > 0 ? `${pendingOps} change${pendingOps === 1 ? '' : 's'} waiting to be saved` : undefined}
      >
        {SAVE_LABELS[saveState]}
      </span>
    </header>
  );
}
