// The layering of ../shared/docs/architecture.md, checked by reading every source file's imports
// (TypeScript's own pre-processor: static, type-only, re-exports and dynamic imports alike) — the
// project's stand-in for a lint layering rule:
//   shared/ imports only shared/ (and pure packages: no Node, DOM or Electron);
//   only electron/main.ts, preload.ts and ipc.ts import electron;
//   electron/app/ and electron/cli/ reach the database only through the services, never electron/store/;
//   the window (renderer/) imports shared/, never electron/.
// That the CHANNELS table and the MishenApi keys are the same set is checked by the compiler
// (shared/api-contract.ts), as part of `npm test`'s type check.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Packages shared/ may use: pure code that runs in Node, the window and a Web Worker alike. */
const PURE_PACKAGES = ['opencc-js'];
const ELECTRON_GLUE = ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(e.name) ? [path] : [];
  });
}

interface Import {
  /** As written. */
  readonly spec: string;
  /** A relative import, as a path from the project root (without extension); otherwise undefined. */
  readonly path?: string;
  /** The package a bare import names ('@scope/name' or 'name'), or 'node:' for a Node built-in. */
  readonly packageName?: string;
}

function importsOf(file: string): Import[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return importedFiles.map(({ fileName: spec }) => {
    if (spec.startsWith('.')) return { spec, path: normalize(join(dirname(file), spec)).split('\\').join('/') };
    if (spec.startsWith('node:') || builtinModules.includes(spec)) return { spec, packageName: 'node:' };
    const parts = spec.split('/');
    return { spec, packageName: spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] };
  });
}

const under = (path: string | undefined, dir: string) => path !== undefined && (path === dir || path.startsWith(`${dir}/`));
const offences = (files: readonly string[], bad: (i: Import, file: string) => boolean) =>
  files.flatMap((file) => importsOf(file).filter((i) => bad(i, file)).map((i) => `${file} → ${i.spec}`));

const shared = sourceFiles('shared');
const electron = sourceFiles('electron');
const renderer = sourceFiles('renderer/src');
const everything = [...shared, ...electron, ...renderer];

describe('the layout', () => {
  it('reads the imports it checks (the rules below are not vacuous)', () => {
    expect(shared.length).toBeGreaterThan(40);
    expect(electron.length).toBeGreaterThan(80);
    expect(importsOf('electron/main.ts').map((i) => i.spec)).toContain('electron');
    expect(importsOf('electron/services/open-services.ts').some((i) => under(i.path, 'electron/store'))).toBe(true);
    expect(importsOf('shared/text/fold-table.ts').map((i) => i.packageName)).toContain('opencc-js');
    expect(importsOf('electron/app/api-handlers.ts').some((i) => under(i.path, 'shared'))).toBe(true);
  });

  it('shared/ imports only shared/ and pure packages', () => {
    expect(offences(shared, (i) => (i.path !== undefined ? !under(i.path, 'shared') : !PURE_PACKAGES.includes(i.packageName!)))).toEqual([]);
  });

  it('only electron/main.ts, preload.ts and ipc.ts import electron', () => {
    expect(offences(everything, (i, file) => i.packageName === 'electron' && !ELECTRON_GLUE.includes(file))).toEqual([]);
  });

  it('electron/app/ and electron/cli/ do not import electron/store/', () => {
    const edges = electron.filter((f) => under(f, 'electron/app') || under(f, 'electron/cli'));
    expect(edges.length).toBeGreaterThan(20);
    expect(offences(edges, (i) => under(i.path, 'electron/store'))).toEqual([]);
  });

  it('the window imports shared/, never electron/', () => {
    expect(offences(renderer, (i) => under(i.path, 'electron'))).toEqual([]);
  });
});
