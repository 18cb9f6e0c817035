// The Content-Security-Policy sent with every page of the window (app-protocol handler in main.ts).
// One directive per line with the reason it is as loose as it is; anything not named falls back to
// default-src 'self', i.e. the app's own files from app://mishen.

export const CSP_DIRECTIVES: readonly (readonly [directive: string, value: string, why: string])[] = [
  ['default-src', "'self'", 'only the app’s own files, unless a directive below says otherwise'],
  ['script-src', "'self'", 'no inline script, no eval, no remote script: an injected <script> in document text cannot run'],
  ['style-src', "'self' 'unsafe-inline'", 'antd (CSS-in-JS) inserts <style> elements and style attributes at run time'],
  ['img-src', "'self' data: blob:", 'antd icons and pdf.js page images are data: and blob: URLs made in the page'],
  ['font-src', "'self' data:", 'fonts shipped with the app, some inlined as data: URLs by the bundler'],
  ['connect-src', "'self'", 'fetch only the app’s own files (pdf.js cmaps and fonts): no network'],
  ['object-src', "'none'", 'no plugins or embedded objects'],
  ['base-uri', "'none'", 'a <base> tag cannot redirect relative URLs elsewhere'],
  ['form-action', "'none'", 'the window submits no forms anywhere; all calls go through the contract'],
  ['frame-src', "'self' data: blob:", 'the 审查单 preview is an iframe with srcdoc (and the PDF preview may use a blob:)'],
  ['frame-ancestors', "'none'", 'nothing may frame the window'],
];

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map(([d, v]) => `${d} ${v}`).join('; ');
