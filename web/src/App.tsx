import { lazy, Suspense } from 'react';
import { Link, Route, Switch, useLocation } from 'wouter';
import { ErrorBoundary } from './components/ErrorBoundary';
import { MapListPage } from './pages/MapListPage';

// The canvas (React Flow) is most of the code; the map list should not wait for it.
const MapEditorPage = lazy(() => import('./pages/MapEditorPage').then((m) => ({ default: m.MapEditorPage })));

export function App() {
  const [location] = useLocation();
  return (
    <div className="cp-app">
      <header className="cp-topbar">
        <Link href="/" className="cp-brand">
          Counterpoint
        </Link>
      </header>
      {/* Keyed by location: after an error, navigating elsewhere gives a fresh page. */}
      <ErrorBoundary key={location}>
        <Switch>
          <Route path="/">
            <MapListPage />
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
      </ErrorBoundary>
    </div>
  );
}
