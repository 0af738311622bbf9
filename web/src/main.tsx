import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles/app.css';
import './styles/editor.css';
import './styles/nodes.css';
import { App } from './App';
import { createQueryClient } from './api/query-client';
import { ErrorBoundary } from './components/ErrorBoundary';
import { prefetchRoute } from './pages/route-prefetch';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
prefetchRoute(window.location.pathname);

createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <QueryClientProvider client={createQueryClient()}>
        <App />
      </QueryClientProvider>
    </ErrorBoundary>
  </StrictMode>,
);
