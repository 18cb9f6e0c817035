#!/usr/bin/env node
// The `mishen` command. The TypeScript sources are bundled to dist/ by `npm run build`
// (which `npm ci` runs through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('mishen 尚未构建：请先在项目目录运行 npm run build\n');
  process.exit(3);
}
await import(bundle.href);
