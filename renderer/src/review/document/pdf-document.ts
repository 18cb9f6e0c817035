// pdf.js in the window: the reviewed PDF opened from its stored bytes, with the character maps and
// standard fonts shipped with the app (never fetched from anywhere else) and without eval (the
// window's CSP allows none). One worker, a file of the app, started ahead of need; the last few
// documents stay open, so going back to one is instant.
import { GlobalWorkerOptions, PDFWorker, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { fileBytes } from './file-bytes';
import { perfMark } from '../../perf-marks';

GlobalWorkerOptions.workerSrc = workerUrl;

/** Where vite.config.ts copies pdf.js's data, beside the window's files. */
const dataUrl = (folder: string) => new URL(`./pdfjs/${folder}/`, document.baseURI).href;

/** Documents kept open (pdf.js holds each one's parsed structure and fonts). */
const KEEP_OPEN = 3;
const open = new Map<string, Promise<PDFDocumentProxy>>();
let worker: PDFWorker | undefined;

function pdfWorker(): PDFWorker {
  worker ??= new PDFWorker();
  return worker;
}

/** Starts pdf.js's worker now, while nothing waits for it (after sign-in): it loads a large script. */
export function warmPdfWorker(): void {
  pdfWorker();
}

/**
 * Opens a PDF ahead of its view and has pdf.js prepare its first page (parse it, load its fonts,
 * the slow part), which the view's drawing of that page then reuses.
 */
export async function preparePdf(versionId: string): Promise<void> {
  try {
    const page = await (await pdfDocument(versionId)).getPage(1);
    await page.getOperatorList();
    perfMark('pdf-prepared');
  } catch {
    // The view says what it cannot show; preparing is only a head start.
  }
}

export function pdfDocument(versionId: string): Promise<PDFDocumentProxy> {
  let p = open.get(versionId);
  if (p) {
    // Most recently used last.
    open.delete(versionId);
    open.set(versionId, p);
    return p;
  }
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
        worker: pdfWorker(),
      }).promise,
  );
  void p.then(() => perfMark('pdf-open'), () => open.delete(versionId));
  open.set(versionId, p);
  for (const [id, older] of open) {
    if (open.size <= KEEP_OPEN) break;
    open.delete(id);
    void older.then((d) => d.destroy(), () => undefined);
  }
  return p;
}
