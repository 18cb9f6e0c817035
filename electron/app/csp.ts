// The window's one Content-Security-Policy, defined here only: main.ts sends it with every file the
// app:// protocol serves, and the window's build writes it into index.html (vite.config.ts), so the
// page carries the same policy wherever it is loaded (the end-to-end tests' Chromium too). One
// directive per line with the reason it is as loose as it is; anything not named falls back to
// default-src 'self', i.e. the app's own files. Plain data: no Node, no Electron.

export const CSP_DIRECTIVES: readonly (readonly [directive: string, value: string, why: string])[] = [
  ['default-src', "'self'", 'only the app’s own files, unless a directive below says otherwise'],
  ['script-src', "'self'", 'no inline script, no eval, no remote script: an injected <script> in document text cannot run'],
  ['style-src', "'self' 'unsafe-inline'", 'antd (CSS-in-JS) inserts <style> elements and style attributes at run time'],
  ['img-src', "'self' data: blob:", 'antd icons are data: URLs; pictures of the reviewed file are blob: URLs made in the page from its bytes'],
  ['font-src', "'self' data:", 'fonts shipped with the app, some inlined as data: URLs by the bundler'],
  ['connect-src', "'self'", 'fetch only the app’s own files (pdf.js character maps and standard fonts): no network'],
  ['worker-src', "'self'", 'pdf.js draws pages in a worker that is one of the app’s files; so does the live tester'],
  ['object-src', "'none'", 'no plugins or embedded objects'],
  ['base-uri', "'none'", 'a <base> tag cannot redirect relative URLs elsewhere'],
  ['form-action', "'none'", 'the window submits no forms anywhere; all calls go through the contract'],
  ['frame-src', "'self' data: blob:", 'the 审查单 preview is an iframe with srcdoc (and the PDF preview may use a blob:)'],
  ['frame-ancestors', "'none'", 'nothing may frame the window'],
];

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map(([d, v]) => `${d} ${v}`).join('; ');

/** Directives a <meta> policy may not carry (browsers ignore them there, with a console error). */
const HEADER_ONLY = new Set(['frame-ancestors']);

/** The same policy as index.html's <meta http-equiv="Content-Security-Policy"> carries it. */
export const META_CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.filter(([d]) => !HEADER_ONLY.has(d))
  .map(([d, v]) => `${d} ${v}`)
  .join('; ');
