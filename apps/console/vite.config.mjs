// Builds the browser console into dist/apps/console/public, which apps/console/server serves in production.
// Dev: `npx vite --config apps/console/vite.config.mjs` proxies the APIs like the production server does.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));
const outreach = process.env.OUTREACH_URL ?? 'http://127.0.0.1:3003';
const analytics = process.env.ANALYTICS_URL ?? 'http://127.0.0.1:3004';

export default defineConfig({
  root: path.join(here, 'src'),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: path.join(here, '..', '..', 'dist', 'apps', 'console', 'public'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api/outreach': { target: outreach, rewrite: (p) => p.replace(/^\/api\/outreach/, '') },
      '/api/analytics': { target: analytics, rewrite: (p) => p.replace(/^\/api\/analytics/, '') },
    },
  },
});
