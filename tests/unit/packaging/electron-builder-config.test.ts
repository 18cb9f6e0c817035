// electron-builder.yml checked against electron-builder's own schema (what `electron-builder` would
// refuse at the start of a build), and the settings the app depends on at run time.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const require = createRequire(join(root, 'package.json'));
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as { validateConfiguration(c: unknown, log: unknown): Promise<void> };
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

interface Config {
  appId: string;
  productName: string;
  directories: { output: string };
  files: string[];
  extraResources: { from: string; to: string }[];
  asarUnpack: string[];
  npmRebuild: boolean;
  linux: { target: { target: string; arch: string[] }[]; category: string; maintainer: string };
  win: { target: { target: string; arch: string[] }[] };
  nsis: { oneClick: boolean; allowToChangeInstallationDirectory: boolean };
}

const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Config;

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema', async () => {
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and where installers go', () => {
    expect(config).toMatchObject({ appId: 'cn.gov.mishen', productName: '密审', directories: { output: 'release' } });
  });

  it('ships the bundles and the dictionaries', () => {
    expect(config.files).toContain('dist/**');
    expect(config.files).toContain('package.json');
    expect(config.extraResources).toEqual([{ from: 'dictionaries', to: 'dictionaries' }]);
    expect(existsSync(join(root, 'dictionaries', 'classification-marks.json'))).toBe(true);
  });

  it('unpacks native code and the files read by path, and leaves the rebuild to the script', () => {
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/*.node', '**/node_modules/nodejieba/**', '**/node_modules/pdfjs-dist/**']));
    expect(config.npmRebuild).toBe(false);
  });

  it('builds deb and AppImage for x64 and arm64, and an nsis installer with a choice of folder', () => {
    for (const target of ['deb', 'AppImage']) expect(config.linux.target).toContainEqual({ target, arch: ['x64', 'arm64'] });
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toBeTruthy();
    expect(config.win.target).toContainEqual({ target: 'nsis', arch: ['x64', 'arm64'] });
    expect(config.nsis).toMatchObject({ oneClick: false, allowToChangeInstallationDirectory: true });
  });

  it('points package.json at the bundled main process and the scripts', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist/main.mjs');
    expect(pkg.scripts).toMatchObject({ start: 'node scripts/start.mjs', dist: 'node scripts/dist.mjs' });
    // The Electron binary is fetched by the scripts when needed, never by npm install.
    expect(pkg.allowScripts?.electron).toBe(false);
    expect(pkg.scripts.postinstall ?? '').not.toMatch(/electron/);
  });
});
