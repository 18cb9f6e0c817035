// Serves dist/renderer WITHOUT a network server: every request to http://mishen.test/ is answered
// from the files on disk, and every other request is refused (the app is offline by design).
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { RENDERER_DIST } from './build-renderer';

export const APP_ORIGIN = 'http://mishen.test';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export async function serveRenderer(context: BrowserContext): Promise<{ refused: string[] }> {
  const refused: string[] = [];
  // Registered first, so it only sees what the app route below does not handle.
  await context.route('**/*', (route) => {
    refused.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  await context.route(`${APP_ORIGIN}/**`, async (route) => {
    const path = normalize(decodeURIComponent(new URL(route.request().url()).pathname)).replace(/^([/\\])+/, '');
    if (path.startsWith('..')) return route.fulfill({ status: 403, body: 'forbidden' });
    try {
      const body = await readFile(join(RENDERER_DIST, path || 'index.html'));
      return route.fulfill({ status: 200, body, contentType: CONTENT_TYPES[extname(path)] ?? 'application/octet-stream' });
    } catch {
      return route.fulfill({ status: 404, body: 'not found' });
    }
  });
  return { refused };
}
