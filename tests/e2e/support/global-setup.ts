// Builds the window once before any test file runs: test files run in parallel, and two of them
// rebuilding dist/renderer at the same moment would pull the files out from under each other's page.
import { ensureRendererBuilt } from './build-renderer';

export default function setup(): void {
  ensureRendererBuilt();
}
