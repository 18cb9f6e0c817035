// Maps app://mishen/… to a file under dist/renderer. The window is served from this custom
// protocol rather than file:// so that the page has an origin of its own (CSP 'self' means the
// app's files and nothing else on disk) and cannot read arbitrary files. Pure: main.ts does the I/O.
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './network-policy';

export type AppFile =
  | { readonly ok: true; readonly file: string; readonly mimeType: string }
  | { readonly ok: false; readonly status: 400 | 403 | 404; readonly reason: string };

/** The types the renderer bundle and pdf.js need; anything else is served as bytes, never sniffed. */
const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeOf(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file an app:// URL stands for, or why there is none. `/` and paths without an extension
 * (the window's own routes) are index.html. Refused: other schemes and hosts, encoded separators or
 * NUL that would smuggle a path, and anything that resolves outside `rootDir`.
 */
export function resolveAppUrl(url: string, rootDir: string): AppFile {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { ok: false, status: 403, reason: 'not the app origin' };

  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'bad percent-encoding' };
  }
  // After decoding, a backslash or NUL can only be an attempt to step around the URL parser.
  if (/[\\\0]/.test(path)) return { ok: false, status: 400, reason: 'bad character in path' };
  const segments = path.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) return { ok: false, status: 403, reason: 'path traversal' };
  const last = segments.at(-1);
  if (!last || !extname(last)) segments.splice(0, segments.length, 'index.html');

  const root = resolve(rootDir);
  const file = resolve(root, ...segments);
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return { ok: false, status: 403, reason: 'outside the app folder' };
  return { ok: true, file, mimeType: mimeTypeOf(file) };
}
