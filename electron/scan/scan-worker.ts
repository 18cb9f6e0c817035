// One scan worker process: builds its scan kit once (the dictionary compiled, jieba loaded: about
// 0.4 s and 94 MB, so workers are kept and reused), then reviews one file at a time as the pool
// sends them. A file that runs away is stopped by the pool ending this process.
import { debugLog } from '../ingest/debug-log';
import { baseName } from '../ingest/file-name';
import { warmSegmenter } from '../segment/jieba-segmenter';
import { scanKitFor } from './scan-kit';
import { failedReport, scanFile, type ScanKit } from './scan-file';
import type { FromScanWorker, ToScanWorker } from './scan-protocol';

const post = (m: FromScanWorker) => process.send!(m);
let kit: ScanKit | undefined;
/** The file being reviewed, for the progress its OCR reports. */
let current = 0;

function start(m: Extract<ToScanWorker, { type: 'start' }>): void {
  try {
    const built = scanKitFor(m.spec);
    const ocr = built.readOptions?.ocr;
    kit = ocr ? { ...built, readOptions: { ...built.readOptions, ocr: { ...ocr, onProgress: (progress) => post({ type: 'progress', id: current, progress }) } } } : built;
    warmSegmenter();
  } catch (error) {
    post({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  post({ type: 'ready' });
}

function scan(m: Extract<ToScanWorker, { type: 'scan' }>, ready: ScanKit): void {
  const t0 = performance.now();
  current = m.id;
  scanFile(m.path, ready)
    .catch((error: unknown) => {
      // The readers never throw; the engine should not either. If it does, this file is reported.
      debugLog(`reviewing ${m.path}`, error);
      const message = `无法审查「${baseName(m.path)}」：审查时出现程序内部错误，请将此文件交技术人员检查。`;
      return failedReport(m.path, ready.dictionaryHash, { code: 'unreadable', message }, performance.now() - t0);
    })
    .then((report) => post({ type: 'report', id: m.id, report }));
}

if (process.send) {
  process.on('message', (m: ToScanWorker) => (m.type === 'start' ? start(m) : kit && scan(m, kit)));
  // The pool going away (its process ended) ends this one too.
  process.on('disconnect', () => process.exit(0));
}
