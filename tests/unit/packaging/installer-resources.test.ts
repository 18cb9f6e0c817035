// The installers' icon (build/, drawn by scripts/make-icon.mjs) and the worker scripts run from outside
// the asar archive: the files exist, are what electron-builder takes, and electron-builder.yml names them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const require = createRequire(join(root, 'package.json'));
const yaml = require('js-yaml') as { load(text: string): unknown };

interface Config {
  asarUnpack: string[];
  linux: { icon?: string };
  win: { icon?: string };
  nsis: { installerIcon?: string; uninstallerIcon?: string };
  directories: { buildResources: string };
}
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Config;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the icon', () => {
  it('build/icon.png is a 512×512 PNG, and Linux uses it', () => {
    expect(config.directories.buildResources).toBe('build');
    expect(config.linux.icon).toBe('build/icon.png');
    expect(pngSize(readFileSync(join(root, 'build', 'icon.png')))).toEqual({ width: 512, height: 512 });
  });

  it('build/icon.ico holds a 256×256 image and smaller ones, each a PNG, and Windows uses it', () => {
    expect(config.win.icon).toBe('build/icon.ico');
    expect(config.nsis).toMatchObject({ installerIcon: 'build/icon.ico', uninstallerIcon: 'build/icon.ico' });
    const ico = readFileSync(join(root, 'build', 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i;
      const declared = ico.readUInt8(entry) || 256;
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      const { width, height } = pngSize(ico.subarray(offset, offset + length));
      expect([width, height]).toEqual([declared, declared]);
      sizes.push(width);
    }
    expect(sizes).toEqual(expect.arrayContaining([256, 48, 32, 16]));
  });
});

describe('the worker scripts', () => {
  it('are unpacked from the archive, with the packages they import', () => {
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['dist/service-worker.mjs', 'dist/pg-bridge-worker.mjs', 'dist/scan-worker.mjs', '**/node_modules/**']));
  });

  it('are every worker entry scripts/build.mjs bundles', () => {
    const build = readFileSync(join(root, 'scripts', 'build.mjs'), 'utf8');
    const workers = [...build.matchAll(/'([a-z-]+-worker)': '/g)].map((m) => `dist/${m[1]}.mjs`);
    expect(workers.sort()).toEqual(['dist/pg-bridge-worker.mjs', 'dist/scan-worker.mjs', 'dist/service-worker.mjs']);
    for (const w of workers) expect(config.asarUnpack).toContain(w);
  });
});
