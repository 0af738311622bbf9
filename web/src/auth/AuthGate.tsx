import type { ReactNode } from 'react';
import { Redirect, useLocation } from 'wouter';
import { useMe } from '../api/useAuth';
import { ErrorMessage } from '../components/ErrorMessage';

/** Pages a visitor may see without signing in. */
const PUBLIC = [/^\/login$/, /^\/invite\/[^/]+$/];

/** Sends a visitor to /login (and back here afterwards); signed-in members pass through. */
export function AuthGate({ children }: { children: ReactNode }) {
  const me = useMe();
  const [location] = useLocation();
  if (PUBLIC.some((pattern) => pattern.test(location))) return <>{children}</>;
  if (me.isPending) return <main className="cp-page cp-muted">Loading…</main>;
  if (me.error) return <main className="cp-page"><ErrorMessage error={me.error} prefix="Could not reach the server" /></main>;
  if (!me.data.account) return <Redirect to={`/login?next=${encodeURIComponent(location)}`} replace />;
  return <>{children}</>;
}
