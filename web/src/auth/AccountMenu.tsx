import { useState } from 'react';
import { useLocation } from 'wouter';
import { useMe, useSignOut } from '../api/useAuth';
import { ChangePasswordForm } from './ChangePasswordForm';
import './account.css';

/** The signed-in member's name, a password change (accounts with a password) and sign-out, in the top bar. */
export function AccountMenu() {
  const me = useMe();
  const signOut = useSignOut();
  const [, navigate] = useLocation();
  const [changing, setChanging] = useState(false);
  const account = me.data?.account;
  if (!account) return null;
  return (
    <div className="cp-account">
      <span className="cp-dot" style={{ background: account.color }} aria-hidden />
      <span data-testid="account-name">{account.name}</span>
      {/* Demo members sign in without a password, so they have none to change. */}
      {!account.demo && (
        <button type="button" aria-expanded={changing} onClick={() => setChanging((open) => !open)}>
          Change password
        </button>
      )}
      <button type="button" onClick={() => signOut.mutate(undefined, { onSuccess: () => navigate('/login') })}>
        Sign out
      </button>
      {changing && <ChangePasswordForm onDone={() => setChanging(false)} />}
    </div>
  );
}
