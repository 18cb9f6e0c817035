// Bundles the TypeScript sources with esbuild. Dependencies stay external (native modules,
// pdfjs' worker and data files are loaded from node_modules at run time).
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'electron/cli.ts', bench: 'scripts/bench.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
