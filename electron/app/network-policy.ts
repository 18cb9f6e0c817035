// The app is offline by design and must prove it: every request the window makes is checked
// here (session.webRequest.onBeforeRequest in main.ts), and only the app's own content passes.
// Pure, so the rule is tested without Electron.

/** The scheme and host the window's content is served from (app-protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'mishen';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Whether a request may go ahead:
 * - `app://mishen/…`, the app's own files;
 * - `devtools://…`, the developer tools' own pages (local, shipped inside Electron);
 * - `data:` and `blob:`, which carry their content with them or point into the page's own memory,
 *   so they cannot reach the network (the CSP allows them for images, fonts and the 审查单 preview).
 * Everything else is refused: http(s), ws(s), ftp, file (the window has no business reading the
 * disk; files come in through the import call), and any other scheme or host.
 */
export function isAllowedUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  switch (parsed.protocol) {
    case `${APP_SCHEME}:`:
      return parsed.host === APP_HOST && parsed.username === '' && parsed.password === '' && parsed.port === '';
    case 'devtools:':
    case 'data:':
    case 'blob:':
      // blob: URLs name their origin; only the app's own.
      return parsed.protocol !== 'blob:' || parsed.pathname.startsWith(`${APP_ORIGIN}/`);
    default:
      return false;
  }
}
