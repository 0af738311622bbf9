import { Link, useLocation } from 'wouter';
import { useMe } from '../api/useAuth';
import { useAcceptInvitation, useInvitationPreview } from '../api/useMemberships';
import { ErrorMessage } from '../components/ErrorMessage';

/** `/invite/:token`: what the link invites to; signed in, join; otherwise sign in or up first and come back. */
export function InvitePage({ token }: { token: string }) {
  const preview = useInvitationPreview(token);
  const me = useMe();
  const accept = useAcceptInvitation(token);
  const [, navigate] = useLocation();
  const here = `/invite/${token}`;
  return (
    <main className="cp-page">
      <h1>Invitation</h1>
      {preview.isPending && <p className="cp-muted">Loading…</p>}
      {preview.error && <ErrorMessage error={preview.error} />}
      {preview.data && (
        <>
          <p>
            {preview.data.invitedBy} invites you to <strong>{preview.data.groupName}</strong> as <strong>{preview.data.role}</strong>.
          </p>
          {me.data?.account ? (
            <button type="button" className="cp-button--primary" disabled={accept.isPending} onClick={() => accept.mutate(undefined, { onSuccess: () => navigate('/') })}>
              Join {preview.data.groupName}
            </button>
          ) : (
            <p>
              <Link href={`/login?next=${encodeURIComponent(here)}`}>Sign in or create an account</Link> to join.
            </p>
          )}
          {accept.error && <ErrorMessage error={accept.error} prefix="Could not join" />}
        </>
      )}
    </main>
  );
}
