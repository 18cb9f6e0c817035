// Bundles the TypeScript sources with esbuild. Dependencies stay external (native modules,
// pdfjs' worker and data files are loaded from node_modules at run time).
// The window itself (renderer/) is built by vite into dist/renderer: `npm run build:renderer`.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning' };

// The command line tool and its scan worker, the benchmark, and the desktop app's main process and
// service worker: ESM.
await build({
  ...common,
  entryPoints: {
    cli: 'electron/cli/index.ts',
    bench: 'scripts/bench.ts',
    'bench-records': 'scripts/bench-records.ts',
    'bench-ocr': 'scripts/bench-ocr.ts',
    'bench-hostile': 'scripts/bench-hostile.ts',
    'bench-docx': 'scripts/bench-docx.ts',
    'bench-docx-read': 'scripts/bench/read-word-child.ts',
    'bench-docx-mammoth': 'scripts/bench/mammoth-child.ts',
    main: 'electron/main.ts',
    'service-worker': 'electron/app/service-worker.ts',
    'scan-worker': 'electron/scan/scan-worker.ts',
    'pg-bridge-worker': 'electron/store/pg/pg-bridge-worker.ts',
  },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  format: 'esm',
  external: ['electron'],
});

// The preload runs in a sandboxed renderer, which can only load one CommonJS file: everything it
// uses (the contract's channel list) is bundled in; only 'electron' is left to the runtime.
await build({
  ...common,
  entryPoints: { preload: 'electron/preload.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  packages: undefined,
  external: ['electron'],
});
