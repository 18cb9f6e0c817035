// OCR, offline: tesseract.js with its simplified-Chinese trained data from the npm registry
// (@tesseract.js-data/chi_sim), read from disk by path. Nothing is ever fetched: the data path is a
// folder of the installation, and no cache is written. One tesseract worker (its own thread) serves
// every image of a run, one at a time; `close()` ends it.
import { createRequire } from 'node:module';
import type { Region } from '../../../shared/document-model';

/** One image read: its text (lines joined by '\n'), where each word stands, and how sure tesseract was. */
export interface OcrResult {
  readonly text: string;
  /** Spans of `text` with their box in the image's pixels. */
  readonly regions: readonly Region[];
  /** Mean word confidence, 0–100. */
  readonly confidence: number;
}

/** Below this mean confidence a page is not reliably read: a person must look at it. */
export const LOW_CONFIDENCE = 60;

interface TesseractWord {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}
interface TesseractLine {
  words: TesseractWord[];
}
interface TesseractWorker {
  recognize(image: Buffer, options: object, output: object): Promise<{ data: { blocks: { paragraphs: { lines: TesseractLine[] }[] }[] | null } }>;
  terminate(): Promise<unknown>;
}

const require = createRequire(import.meta.url);

/** The folder holding chi_sim.traineddata.gz, shipped with the app (see electron-builder.yml). */
export function chineseDataPath(): string {
  return (require('@tesseract.js-data/chi_sim') as { langPath: string }).langPath;
}

export class OcrEngine {
  private worker?: Promise<TesseractWorker>;
  private queue: Promise<unknown> = Promise.resolve();

  private start(): Promise<TesseractWorker> {
    this.worker ??= (async () => {
      const { createWorker, OEM } = (await import('tesseract.js')) as unknown as {
        createWorker(lang: string, oem: number, options: object): Promise<TesseractWorker>;
        OEM: { LSTM_ONLY: number };
      };
      return createWorker('chi_sim', OEM.LSTM_ONLY, { langPath: chineseDataPath(), gzip: true, cacheMethod: 'none' });
    })();
    return this.worker;
  }

  /** Starts the worker and loads the trained data (about a second), so the first page is not slower. */
  async ready(): Promise<void> {
    await this.start();
  }

  /** Reads one image (PNG, JPEG, BMP, TIFF bytes). Images are read one after another. */
  recognize(image: Uint8Array): Promise<OcrResult> {
    const run = this.queue.then(async () => {
      const worker = await this.start();
      const { data } = await worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength), {}, { blocks: true, text: false });
      return toResult((data.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines)));
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await (await worker).terminate();
  }
}

/** Lines to text; tesseract puts a space between Chinese "words", which normalisation drops anyway. */
function toResult(lines: readonly TesseractLine[]): OcrResult {
  let text = '';
  const regions: Region[] = [];
  let confidence = 0;
  let words = 0;
  for (const line of lines) {
    if (line.words.length === 0) continue;
    if (text) text += '\n';
    line.words.forEach((w, i) => {
      if (i > 0) text += ' ';
      const start = text.length;
      text += w.text;
      regions.push({ start, end: text.length, box: { x: w.bbox.x0, y: w.bbox.y0, width: w.bbox.x1 - w.bbox.x0, height: w.bbox.y1 - w.bbox.y0 } });
      confidence += w.confidence;
      words++;
    });
  }
  return { text, regions, confidence: words ? confidence / words : 0 };
}
