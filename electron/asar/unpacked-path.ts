// Where a file packed into the app's asar archive really is on disk. electron-builder moves the files
// named in asarUnpack (electron-builder.yml) to app.asar.unpacked/ beside the archive; code that starts a
// worker thread or a child process from a script should use that real path, because Node's worker
// threads and child processes have not always been able to read (ES module) scripts inside an archive.
// Plain Node: a path is recognised by its `.asar` folder, so this needs no Electron and is a no-op in
// development, in the tests and in the command line tool.

/** `…/resources/app.asar/dist/x.mjs` → `…/resources/app.asar.unpacked/dist/x.mjs`; any other path as it is. */
export function unpackedPath(path: string): string {
  // Only a path component named exactly `app.asar` (or any `*.asar`), followed by a separator.
  return path.replace(/\.asar(?=[/\\])/, '.asar.unpacked');
}

/** The same for a file: URL (what `new URL('./x.mjs', import.meta.url)` gives); other URLs unchanged. */
export function unpackedUrl(url: URL): URL {
  if (url.protocol !== 'file:') return url;
  const pathname = unpackedPath(url.pathname);
  if (pathname === url.pathname) return url;
  const out = new URL(url.href);
  out.pathname = pathname;
  return out;
}
