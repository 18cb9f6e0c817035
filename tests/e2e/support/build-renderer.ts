// The end-to-end tests run against the BUILT window (dist/renderer), as the app ships it. Builds it
// once when it is missing or older than any source under renderer/ or shared/.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const RENDERER_DIST = join(PROJECT_ROOT, 'dist', 'renderer');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function ensureRendererBuilt(): void {
  const index = join(RENDERER_DIST, 'index.html');
  const sources = Math.max(
    newestMtime(join(PROJECT_ROOT, 'renderer')),
    newestMtime(join(PROJECT_ROOT, 'shared')),
    statSync(join(PROJECT_ROOT, 'vite.config.ts')).mtimeMs,
    // The window's CSP is written into index.html from here.
    statSync(join(PROJECT_ROOT, 'electron', 'app', 'csp.ts')).mtimeMs,
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  execFileSync(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: PROJECT_ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
