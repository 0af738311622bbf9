import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** Catches render errors so a bug shows a message and a way out instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Render error', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="cp-page">
        <div className="cp-alert cp-alert--error" role="alert">
          <strong>This page ran into a problem.</strong>
          <p>{this.state.error.message}</p>
          <p>
            <button type="button" onClick={() => window.location.reload()}>
              Reload
            </button>{' '}
            <a href="/">Back to all maps</a>
          </p>
        </div>
      </div>
    );
  }
}
