import { describe, expect, it } from 'vitest';
import { isAllowedUrl } from '../../../../electron/app/network-policy';

describe('network policy', () => {
  it.each([
    'app://mishen/index.html',
    'app://mishen/assets/index-abc.js',
    'app://mishen/pdfjs/cmaps/UniGB-UCS2-H.bcmap',
    'devtools://devtools/bundled/inspector.html',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:app://mishen/5a1c-4b2e',
  ])('allows the app’s own %s', (url) => {
    expect(isAllowedUrl(url)).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:8080/upload',
    'http://localhost:5173/',
    'ws://localhost:1234/',
    'wss://example.com/socket',
    'ftp://example.com/file',
    'file:///etc/passwd',
    'file:///C:/Windows/win.ini',
    'app://other/index.html',
    'app://mishen.evil.com/index.html',
    'app://user:pw@mishen/index.html',
    'app://mishen:8080/index.html',
    'blob:https://example.com/5a1c',
    'chrome://settings',
    'javascript:alert(1)',
    'mailto:a@b.c',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedUrl(url)).toBe(false);
  });
});
