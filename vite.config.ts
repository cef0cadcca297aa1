/**
 * Builds the renderer (`renderer/` → `dist/renderer`). The Electron main, preload and replay
 * worker are separate Node builds driven by `scripts/build.mjs` (see `electronEntries` there).
 * `base: './'` keeps asset URLs relative so the page also loads from file:// in Electron.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: path.join(root, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: path.join(root, 'dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 4000,
  },
  server: { host: '127.0.0.1', strictPort: true },
});
