// Builds the window and the command line tool once before any test file runs: test files run in
// parallel, and two of them rebuilding dist/ at the same moment would pull the files out from under
// each other (a CLI test running a half-written dist/cli.mjs, a page losing its scripts).
import { execFileSync } from 'node:child_process';
import { ensureRendererBuilt, PROJECT_ROOT } from './build-renderer';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: PROJECT_ROOT, stdio: 'pipe' });
  ensureRendererBuilt();
}
