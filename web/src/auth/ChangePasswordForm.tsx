import { useState, type FormEvent } from 'react';
import { Password } from '@counterpoint/shared';
import { useChangePassword } from '../api/useAuth';
import { ErrorMessage } from '../components/ErrorMessage';

/**
 * Current password, new one twice. Length is checked here with the server's own rule (shared `Password`), so
 * "too short" shows before a round trip; a wrong current password comes back from the server in its words.
 */
export function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const change = useChangePassword();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const checked = Password.safeParse(next);
    if (!checked.success) return setProblem(checked.error.issues[0]?.message ?? 'That password is not allowed.');
    if (next !== confirm) return setProblem('The new password and its confirmation differ.');
    setProblem(null);
    change.mutate({ currentPassword: current, newPassword: next }, { onSuccess: () => [setCurrent, setNext, setConfirm].forEach((set) => set('')) });
  };

  if (change.isSuccess) {
    return (
      <div className="cp-password" role="dialog" aria-label="Change password">
        <p role="status" className="cp-password__done">
          Password changed. Your other sessions were signed out; this one stays signed in.
        </p>
        <button type="button" onClick={onDone}>
          Close
        </button>
      </div>
    );
  }
  return (
    <form className="cp-password" role="dialog" aria-label="Change password" onSubmit={onSubmit} onKeyDown={(e) => e.key === 'Escape' && onDone()}>
      <label>
        Current password
        <input type="password" value={current} onChange={(e) => setCurrent(e.target.value)} required autoComplete="current-password" autoFocus />
      </label>
      <label>
        New password
        <input type="password" value={next} onChange={(e) => setNext(e.target.value)} required autoComplete="new-password" aria-describedby="cp-password-hint" />
      </label>
      <label>
        Confirm new password
        <input type="password" value={confirm} onChange={(e) => setConfirm(e.target.value)} required autoComplete="new-password" />
      </label>
      <p id="cp-password-hint" className="cp-muted cp-password__hint">
        At least 8 characters. Changing it signs you out on your other devices and browsers.
      </p>
      {problem && (
        <div className="cp-alert cp-alert--error" role="alert">
          {problem}
        </div>
      )}
      {change.error && !problem && <ErrorMessage error={change.error} prefix="Password not changed" />}
      <div className="cp-password__actions">
        <button type="submit" className="cp-button--primary" disabled={change.isPending}>
          Change password
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
