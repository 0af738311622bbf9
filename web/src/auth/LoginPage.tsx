import { useState, type FormEvent } from 'react';
import { useLocation, useSearch } from 'wouter';
import { useDemoMembers, useDemoSignIn, useMe, useSignIn, useSignUp } from '../api/useAuth';
import { ErrorMessage } from '../components/ErrorMessage';

/** Where to go after signing in: the `next` the gate sent us with, if it is a path of this app. */
function useNext(): string {
  const next = new URLSearchParams(useSearch()).get('next');
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** `/login`: sign in, sign up, or (demo mode) continue as a demo member. */
export function LoginPage() {
  const me = useMe();
  const demoMode = me.data?.demoMode ?? false;
  const [mode, setMode] = useState<'signin' | 'signup'>('signin');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useSignIn();
  const signUp = useSignUp();
  const demoSignIn = useDemoSignIn();
  const demoMembers = useDemoMembers(demoMode);
  const [, navigate] = useLocation();
  const next = useNext();
  const done = { onSuccess: () => navigate(next, { replace: true }) };
  const pending = signIn.isPending || signUp.isPending || demoSignIn.isPending;
  const error = signIn.error ?? signUp.error ?? demoSignIn.error;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'signin') signIn.mutate({ email, password }, done);
    else signUp.mutate({ name, email, password }, done);
  };

  return (
    <main className="cp-page cp-login">
      <h1>{mode === 'signin' ? 'Sign in' : 'Create an account'}</h1>
      {demoMode && (demoMembers.data?.length ?? 0) > 0 && (
        <section className="cp-login__demo" aria-label="Demo members">
          <p className="cp-muted">Demo mode: try the demo study group as one of its members, no password needed.</p>
          <div className="cp-login__demo-buttons">
            {demoMembers.data!.map((member) => (
              <button key={member.id} type="button" disabled={pending} onClick={() => demoSignIn.mutate(member.id, done)}>
                <span className="cp-dot" style={{ background: member.color }} aria-hidden />
                Continue as {member.name}
                <span className="cp-muted"> ({member.role})</span>
              </button>
            ))}
          </div>
        </section>
      )}
      <form className="cp-login__form" onSubmit={onSubmit}>
        {mode === 'signup' && (
          <label>
            Name
            <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} autoComplete="name" />
          </label>
        )}
        <label>
          Email
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required autoComplete="email" />
        </label>
        <label>
          Password
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
            minLength={mode === 'signup' ? 8 : 1}
            autoComplete={mode === 'signup' ? 'new-password' : 'current-password'}
          />
        </label>
        <button type="submit" className="cp-button--primary" disabled={pending}>
          {mode === 'signin' ? 'Sign in' : 'Sign up'}
        </button>
        {error && <ErrorMessage error={error} />}
      </form>
      <p>
        <button type="button" className="cp-link-button" onClick={() => setMode(mode === 'signin' ? 'signup' : 'signin')}>
          {mode === 'signin' ? 'No account yet? Sign up' : 'Have an account? Sign in'}
        </button>
      </p>
    </main>
  );
}
