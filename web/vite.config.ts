import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { editorChunkMeta } from './build/editor-chunk-meta';

const apiServer = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react(), editorChunkMeta()],
  server: {
    // The API server serves the built app itself; in dev, Vite serves the app and forwards API and docs calls.
    proxy: {
      '/api': { target: apiServer, ws: true },
      '/docs': apiServer,
    },
  },
  build: { outDir: 'dist', sourcemap: true },
  // The layout worker is an ES module worker (see src/layout/useAutoLayout.ts).
  worker: { format: 'es' },
});
