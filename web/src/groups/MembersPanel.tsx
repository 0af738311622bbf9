import { Role, type Group } from '@counterpoint/shared';
import { useState } from 'react';
import { useMe } from '../api/useAuth';
import { useCreateInvitation, useMemberChange, useMembers } from '../api/useMemberships';
import { ErrorMessage } from '../components/ErrorMessage';

/** A group's members: owners change roles, remove members and make invitation links; anyone may leave. */
export function MembersPanel({ group }: { group: Group }) {
  const members = useMembers(group.id);
  const me = useMe().data?.account;
  const { changeRole, remove } = useMemberChange(group.id);
  const invite = useCreateInvitation(group.id);
  const [inviteRole, setInviteRole] = useState<Role>('editor');
  const isOwner = group.role === 'owner';
  const link = invite.data ? `${window.location.origin}/invite/${invite.data.token}` : null;
  const error = changeRole.error ?? remove.error ?? invite.error;
  return (
    <details className="cp-members" data-testid="members-panel">
      <summary>Members{members.data ? ` (${members.data.length})` : ''}</summary>
      <ul>
        {members.data?.map(({ user, role }) => (
          <li key={user.id}>
            <span className="cp-dot" style={{ background: user.color }} aria-hidden />
            {user.name}
            {isOwner ? (
              <select aria-label={`Role of ${user.name}`} value={role} onChange={(e) => changeRole.mutate({ userId: user.id, role: e.target.value as Role })}>
                {Role.options.map((r) => <option key={r} value={r}>{r}</option>)}
              </select>
            ) : (
              <span className="cp-badge">{role}</span>
            )}
            {user.id === me?.id ? (
              <button type="button" onClick={() => remove.mutate(user.id)}>Leave</button>
            ) : (
              isOwner && <button type="button" onClick={() => remove.mutate(user.id)}>Remove</button>
            )}
          </li>
        ))}
      </ul>
      {isOwner && (
        <div className="cp-invite">
          <select aria-label="Invite as" value={inviteRole} onChange={(e) => setInviteRole(e.target.value as Role)}>
            {Role.options.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
          <button type="button" onClick={() => invite.mutate(inviteRole)} disabled={invite.isPending}>Create invitation link</button>
          {link && (
            <p>
              Valid once, for a week: <span className="cp-invite-link" data-testid="invite-link">{link}</span>
            </p>
          )}
        </div>
      )}
      {error && <ErrorMessage error={error} />}
    </details>
  );
}
