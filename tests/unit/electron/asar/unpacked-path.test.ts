import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { unpackedPath, unpackedUrl } from '../../../../electron/asar/unpacked-path';

describe('unpackedPath', () => {
  it('moves a file inside the archive to app.asar.unpacked', () => {
    expect(unpackedPath('/opt/密审/resources/app.asar/dist/service-worker.mjs')).toBe('/opt/密审/resources/app.asar.unpacked/dist/service-worker.mjs');
    expect(unpackedPath('C:\\Program Files\\密审\\resources\\app.asar\\dist\\scan-worker.mjs')).toBe(
      'C:\\Program Files\\密审\\resources\\app.asar.unpacked\\dist\\scan-worker.mjs',
    );
  });

  it('leaves every other path as it is', () => {
    for (const path of [
      '/work/main/dist/service-worker.mjs',
      '/opt/mishen/resources/app.asar.unpacked/dist/service-worker.mjs',
      '/opt/mishen/resources/app.asar',
      '/home/u/notes.asarx/dist/x.mjs',
      '/home/u/my.asar-files/x.mjs',
    ])
      expect(unpackedPath(path), path).toBe(path);
  });
});

describe('unpackedUrl', () => {
  it('moves a file: URL inside the archive, keeping it a valid URL', () => {
    const url = pathToFileURL('/opt/密审/resources/app.asar/dist/pg-bridge-worker.mjs');
    const out = unpackedUrl(url);
    expect(out.href).toBe(pathToFileURL('/opt/密审/resources/app.asar.unpacked/dist/pg-bridge-worker.mjs').href);
    expect(url.href).toContain('app.asar/dist'); // the argument is not changed
  });

  it('returns development paths and other schemes unchanged', () => {
    const dev = pathToFileURL('/work/main/dist/service-worker.mjs');
    expect(unpackedUrl(dev)).toBe(dev);
    const app = new URL('app://mishen/app.asar/index.html');
    expect(unpackedUrl(app)).toBe(app);
  });
});
