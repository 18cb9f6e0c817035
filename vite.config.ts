// Builds the window (renderer/) into dist/renderer with relative asset paths, so the app can load
// it from its own protocol (and the end-to-end tests from a routed origin) without a dev server.
// The page's Content-Security-Policy is written in from electron/app/csp.ts (its one definition),
// and pdf.js's character maps and standard fonts are copied beside it (the window never fetches
// anything from anywhere else).
import react from '@vitejs/plugin-react';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from './electron/app/csp.ts';

const root = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));
const pdfjs = fileURLToPath(new URL('./node_modules/pdfjs-dist', import.meta.url));

function mishenWindow(): Plugin {
  return {
    name: 'mishen-window',
    transformIndexHtml: (html) => html.replace('%CONTENT_SECURITY_POLICY%', META_CONTENT_SECURITY_POLICY),
    writeBundle() {
      for (const folder of ['cmaps', 'standard_fonts']) cpSync(join(pdfjs, folder), join(outDir, 'pdfjs', folder), { recursive: true });
    },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), mishenWindow()],
  build: {
    outDir,
    emptyOutDir: true,
    // antd is large; one chunk is fine for a desktop app loaded from disk.
    chunkSizeWarningLimit: 4000,
  },
});
