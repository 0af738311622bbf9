import type { Member, OpLogEntry } from '@counterpoint/shared';
import { useMemo } from 'react';
import { ErrorMessage } from '../components/ErrorMessage';
import { describeLog } from './replay';

interface Props {
  entries: readonly OpLogEntry[];
  error: unknown;
  members: readonly Member[];
  version: number;
  /** The version shown read-only, or null for the live map. */
  viewVersion: number | null;
  onViewVersion(version: number | null): void;
}

const SHOWN = 300;
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });

/** Who did what, when (from the op log), and a slider to look at the map at any past version. */
export function HistoryPanel({ entries, error, members, version, viewVersion, onViewVersion }: Props) {
  const activity = useMemo(() => describeLog(entries).reverse().slice(0, SHOWN), [entries]);
  const names = useMemo(() => new Map(members.map((m) => [m.user.id, m.user])), [members]);
  const shown = viewVersion ?? version;
  return (
    <aside className="cp-history" aria-label="History">
      <h2 className="cp-history__title">History</h2>
      <label className="cp-history__travel">
        <span>
          Version {shown} of {version}
        </span>
        <input
          type="range"
          min={0}
          max={version}
          value={shown}
          aria-label="Time travel"
          data-testid="time-travel"
          onChange={(event) => {
            const value = Number(event.target.value);
            onViewVersion(value >= version ? null : value);
          }}
        />
      </label>
      {viewVersion !== null && (
        <button type="button" className="cp-button" onClick={() => onViewVersion(null)}>
          Back to the live map
        </button>
      )}
      {error ? <ErrorMessage error={error} prefix="Could not load the history" /> : null}
      <ol className="cp-history__list" data-testid="activity">
        {activity.map(({ entry, text }) => {
          const user = entry.actorId ? names.get(entry.actorId) : undefined;
          return (
            <li key={entry.version} className={entry.version === viewVersion ? 'is-current' : undefined}>
              <button type="button" className="cp-history__entry" onClick={() => onViewVersion(entry.version >= version ? null : entry.version)} title={`Show the map at version ${entry.version}`}>
                <span className="cp-history__who" style={{ color: user?.color }}>
                  {user?.name ?? 'Someone'}
                </span>{' '}
                {text}
                <span className="cp-history__when">
                  v{entry.version} · {timeFormat.format(new Date(entry.createdAt))}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </aside>
  );
}
