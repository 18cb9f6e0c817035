// Loading pdfjs-dist in plain Node (vitest, the CLI, Electron's main process).
//
// pdfjs runs its parser in a "worker". In Node there is no Web Worker, so pdfjs falls back to a
// fake worker on the same thread, which it loads with `import(workerSrc)` — a path relative to
// pdf.mjs that no longer exists once esbuild has bundled us. Importing the worker module
// ourselves and publishing it as `globalThis.pdfjsWorker` (which pdfjs checks first) avoids
// that lookup entirely, in vitest and in a bundle alike.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DOMMatrix2D } from './dom-matrix-polyfill';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<Pdfjs> | undefined;

export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    const global = globalThis as { pdfjsWorker?: unknown };
    global.pdfjsWorker ??= worker;
    provideCanvasGlobals();
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loading;
}

/**
 * pdf.mjs needs DOMMatrix as soon as it loads (and warns on stdout about ImageData and Path2D).
 * Take them from @napi-rs/canvas as pdfjs itself would, but resolved from places that work in a
 * bundle too; failing that, a pure-JS DOMMatrix and inert placeholders: Node only extracts
 * text, it never renders.
 */
function provideCanvasGlobals(): void {
  const global = globalThis as Record<string, unknown>;
  if (global.DOMMatrix) return;
  const canvas = requireFromCandidates<Record<string, unknown>>('@napi-rs/canvas');
  global.DOMMatrix = canvas?.DOMMatrix ?? DOMMatrix2D;
  global.ImageData ??= canvas?.ImageData ?? class ImageData {};
  global.Path2D ??= canvas?.Path2D ?? class Path2D {};
}

function requireFromCandidates<T>(id: string): T | undefined {
  for (const base of candidateBases()) {
    try {
      return createRequire(base)(id) as T;
    } catch {
      // try the next base
    }
  }
  return undefined;
}

export interface PdfjsDataUrls {
  /** Folder of pdfjs's packed CMaps, with a trailing slash. */
  readonly cMapUrl?: string;
  readonly standardFontDataUrl?: string;
}

let dataUrls: PdfjsDataUrls | undefined;

/**
 * Where pdfjs's data files are on disk. CMaps matter: a Chinese PDF whose fonts use a predefined
 * CMap (UniGB-UCS2-H, GBK-EUC-H, …) yields no text at all without them. Node's pdfjs reads
 * these with fs, so plain paths work. If pdfjs-dist cannot be located (an unusual bundle),
 * reading goes on without them.
 */
export function pdfjsDataUrls(): PdfjsDataUrls {
  dataUrls ??= locateDataUrls();
  return dataUrls;
}

function locateDataUrls(): PdfjsDataUrls {
  for (const base of candidateBases()) {
    try {
      const root = dirname(createRequire(base).resolve('pdfjs-dist/package.json'));
      return { cMapUrl: join(root, 'cmaps') + '/', standardFontDataUrl: join(root, 'standard_fonts') + '/' };
    } catch {
      // try the next base
    }
  }
  return {};
}

function candidateBases(): string[] {
  const bases: string[] = [];
  try {
    if (import.meta.url) bases.push(import.meta.url);
  } catch {
    // a CommonJS bundle has no import.meta
  }
  bases.push(pathToFileURL(join(process.cwd(), 'index.js')).href);
  return bases;
}
