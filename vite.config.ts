// Builds the window (renderer/) into dist/renderer with relative asset paths, so the app can load
// it from its own protocol (and the end-to-end tests from a routed origin) without a dev server.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./renderer', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // antd is large; one chunk is fine for a desktop app loaded from disk.
    chunkSizeWarningLimit: 4000,
  },
});
