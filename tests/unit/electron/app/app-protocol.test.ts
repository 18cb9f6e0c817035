import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeOf, resolveAppUrl } from '../../../../electron/app/app-protocol';

const root = resolve('/srv/mishen/dist/renderer');

describe('app:// to files', () => {
  it.each([
    ['app://mishen/', 'index.html', 'text/html; charset=utf-8'],
    ['app://mishen/index.html', 'index.html', 'text/html; charset=utf-8'],
    ['app://mishen/documents/42', 'index.html', 'text/html; charset=utf-8'],
    ['app://mishen/assets/index-3f2a.js', 'assets/index-3f2a.js', 'text/javascript; charset=utf-8'],
    ['app://mishen/assets/index.css?v=1#x', 'assets/index.css', 'text/css; charset=utf-8'],
    ['app://mishen/assets/%E5%AD%97%E4%BD%93.woff2', 'assets/字体.woff2', 'font/woff2'],
    ['app://mishen/pdf.worker.min.mjs', 'pdf.worker.min.mjs', 'text/javascript; charset=utf-8'],
    ['app://mishen/cmaps/UniGB-UCS2-H.bcmap', 'cmaps/UniGB-UCS2-H.bcmap', 'application/octet-stream'],
    ['app://mishen/a/./b/icon.svg', 'a/b/icon.svg', 'image/svg+xml'],
  ])('%s is %s', (url, file, mime) => {
    expect(resolveAppUrl(url, root)).toEqual({ ok: true, file: join(root, ...file.split('/')), mimeType: mime });
  });

  it.each([
    ['app://mishen/%2e%2e/%2e%2e/etc/passwd', 'encoded dots (normalised away by the URL parser)'],
    ['app://mishen/..%2f..%2fetc%2fpasswd', 'encoded slashes'],
    ['app://mishen/assets/..%2F..%2F..%2Fsecret.txt', 'encoded slashes, upper case'],
    ['app://mishen/..%5c..%5cwindows%5cwin.ini', 'encoded backslashes'],
    ['app://mishen/index.html%00.png', 'NUL'],
    ['app://mishen/%E0%A4%A', 'broken percent-encoding'],
  ])('stays inside the folder: %s (%s)', (url) => {
    const r = resolveAppUrl(url, root);
    if (r.ok) expect(r.file.startsWith(root + '/') || r.file.startsWith(root + '\\')).toBe(true);
    else expect([400, 403, 404]).toContain(r.status);
  });

  it('refuses traversal that survives URL parsing', () => {
    expect(resolveAppUrl('app://mishen/..%2f..%2fetc%2fpasswd', root)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppUrl('app://mishen/x/..%5c..%5cy.txt', root)).toMatchObject({ ok: false, status: 400 });
    expect(resolveAppUrl('app://mishen/index.html%00.png', root)).toMatchObject({ ok: false, status: 400 });
  });

  it('refuses other origins', () => {
    expect(resolveAppUrl('app://other/index.html', root)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppUrl('file:///etc/passwd', root)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppUrl('https://mishen/index.html', root)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppUrl('nonsense', root)).toMatchObject({ ok: false, status: 400 });
  });

  it('never lets the browser sniff an unknown type', () => {
    expect(mimeTypeOf('x.exe')).toBe('application/octet-stream');
    expect(mimeTypeOf('X.HTML')).toBe('text/html; charset=utf-8');
    expect(mimeTypeOf('x.wasm')).toBe('application/wasm');
  });
});
