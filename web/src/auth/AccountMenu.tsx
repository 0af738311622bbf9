import { useLocation } from 'wouter';
import { useMe, useSignOut } from '../api/useAuth';

/** The signed-in member's name and a sign-out button, in the top bar. */
export function AccountMenu() {
  const me = useMe();
  const signOut = useSignOut();
  const [, navigate] = useLocation();
  const account = me.data?.account;
  if (!account) return null;
  return (
    <div className="cp-account">
      <span className="cp-dot" style={{ background: account.color }} aria-hidden />
      <span data-testid="account-name">{account.name}</span>
      <button type="button" onClick={() => signOut.mutate(undefined, { onSuccess: () => navigate('/login') })}>
        Sign out
      </button>
    </div>
  );
}
