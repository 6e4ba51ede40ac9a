import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The web app: Vite root `src/web`, built to `dist/web`, which the server serves with an SPA fallback.
 * In development `/api` is proxied to the API server on port 4000.
 */
export default defineConfig({
  root: fromRoot('./src/web'),
  plugins: [react()],
  build: {
    outDir: fromRoot('./dist/web'),
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': 'http://localhost:4000' },
  },
});
