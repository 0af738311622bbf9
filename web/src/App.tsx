import { lazy, Suspense } from 'react';
import { Link, Route, Switch, useLocation } from 'wouter';
import { ErrorBoundary } from './components/ErrorBoundary';
import { MapListPage } from './pages/MapListPage';
import { AccountMenu } from './auth/AccountMenu';
import { AuthGate } from './auth/AuthGate';
import { LoginPage } from './auth/LoginPage';
import { InvitePage } from './groups/InvitePage';
import { MapEditorPage } from './pages/route-prefetch';

// The outline's code is split from the map list's (the map editor's too: see route-prefetch.ts).
const OutlinePage = lazy(() => import('./interchange/OutlinePage').then((m) => ({ default: m.OutlinePage })));

export function App() {
  const [location] = useLocation();
  return (
    <div className="cp-app">
      <header className="cp-topbar">
        <Link href="/" className="cp-brand">
          Counterpoint
        </Link>
        <AccountMenu />
      </header>
      {/* Keyed by location: after an error, navigating elsewhere gives a fresh page. */}
      <ErrorBoundary key={location}>
        <AuthGate>
        <Switch>
          <Route path="/login">
            <LoginPage />
          </Route>
          <Route path="/invite/:token">{(params) => <InvitePage token={params.token} />}</Route>
          <Route path="/">
            <MapListPage />
          </Route>
          <Route path="/maps/:mapId/outline">
            {(params) => (
              <Suspense fallback={<main className="cp-page cp-muted">Loading the outline…</main>}>
                <OutlinePage mapId={params.mapId} />
              </Suspense>
            )}
          </Route>
          <Route path="/maps/:mapId">
            {(params) => (
              <Suspense fallback={<main className="cp-page cp-muted">Loading the editor…</main>}>
                <MapEditorPage mapId={params.mapId} />
              </Suspense>
            )}
          </Route>
          <Route>
            <main className="cp-page">
              <h1>Page not found</h1>
              <p>
                <Link href="/">Back to all maps</Link>
              </p>
            </main>
          </Route>
        </Switch>
        </AuthGate>
      </ErrorBoundary>
    </div>
  );
}
