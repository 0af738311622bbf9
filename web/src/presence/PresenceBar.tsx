import type { LiveStatus } from '../sync/live-connection';
import type { PresenceStore } from './presence-store';
import { usePresence } from './usePresence';

const STATUS_LABELS: Record<LiveStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

/**
 * Who is in the map (one chip per member, however many tabs they have open; your own other tabs show as such)
 * and the live connection's state.
 */
export function PresenceBar({ store, unsent }: { store: PresenceStore; unsent: number }) {
  const { status, me, peers } = usePresence(store);
  const members = new Map(peers.map((p) => [p.user.id, p.user]));
  return (
    <div className="cp-presence-bar">
      <ul className="cp-presence-bar__members" aria-label="Online in this map">
        {me && <li className="cp-member-chip" style={{ borderColor: me.color }} title="You">{me.name} (you)</li>}
        {[...members.values()].map((user) => (
          <li key={user.id} className="cp-member-chip" style={{ borderColor: user.color }} data-testid="online-member">
            <span className="cp-member-chip__dot" style={{ background: user.color }} />
            {user.id === me?.id ? `${user.name} (another tab)` : user.name}
          </li>
        ))}
      </ul>
      <span className={`cp-live-status cp-live-status--${status}`} data-testid="live-status" role="status">
        {STATUS_LABELS[status]}
        {status !== 'connected' && unsent > 0 && ` · ${unsent} unsent edit${unsent === 1 ? '' : 's'}`}
      </span>
    </div>
  );
}
