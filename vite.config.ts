/**
 * Builds the renderer (`renderer/` → `dist/renderer`). The Electron main, preload and replay
 * worker are separate Node builds driven by `scripts/build.mjs` (see `electronEntries` there).
 * `base: './'` keeps asset URLs relative to the page, wherever it is served (the host, app://).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { APP_CSP } from './service/host/csp';

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * Puts the app's CSP in the built page too, besides the header the host and the desktop
 * app's app:// handler send: a meta policy holds wherever the page is opened. (`frame-ancestors`
 * only works as a header.) Build only: the dev server injects inline scripts.
 */
function cspMeta(): Plugin {
  const policy = APP_CSP.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; ');
  return {
    name: 'offerflow-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  root: path.join(root, 'renderer'),
  base: './',
  plugins: [react(), cspMeta()],
  // `@engine/*` and `@service/*` come from tsconfig.json's `paths`, the one place they are declared.
  resolve: { tsconfigPaths: true },
  build: {
    outDir: path.join(root, 'dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 4000,
  },
  server: { host: '127.0.0.1', strictPort: true },
});
