// pdf.js in the window: the reviewed PDF opened once per version from its stored bytes, with the
// character maps and standard fonts shipped with the app (never fetched from anywhere else) and
// without eval (the window's CSP allows none). Its worker is a file of the app.
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { fileBytes } from './file-bytes';

GlobalWorkerOptions.workerSrc = workerUrl;

/** Where vite.config.ts copies pdf.js's data, beside the window's files. */
const dataUrl = (folder: string) => new URL(`./pdfjs/${folder}/`, document.baseURI).href;

const open = new Map<string, Promise<PDFDocumentProxy>>();

export function pdfDocument(versionId: string): Promise<PDFDocumentProxy> {
  let p = open.get(versionId);
  if (!p) {
    p = fileBytes(versionId).then(
      (bytes) =>
        getDocument({
          // pdf.js takes over (detaches) the buffer it is given: a copy, so the cached bytes stay whole.
          data: bytes.slice(),
          cMapUrl: dataUrl('cmaps'),
          cMapPacked: true,
          standardFontDataUrl: dataUrl('standard_fonts'),
          isEvalSupported: false,
          verbosity: 0,
        }).promise,
    );
    p.catch(() => open.delete(versionId));
    open.set(versionId, p);
  }
  return p;
}
