// One scan worker thread: builds the reviewer once (the dictionary compiled, jieba loaded: about
// 0.4 s and 94 MB, so workers are kept and reused), then reviews one file at a time as the pool
// sends them. A file that runs away is stopped by the pool terminating this thread.
import { parentPort, workerData } from 'node:worker_threads';
import { warmSegmenter } from '../segment/jieba-segmenter';
import { reviewerFor } from './reviewer';
import { debugLog } from '../ingest/debug-log';
import { baseName } from '../ingest/file-name';
import { failedReport, scanFile } from './scan-file';
import type { FromScanWorker, ScanWorkerData, ToScanWorker } from './scan-protocol';

function start(data: ScanWorkerData): void {
  const post = (m: FromScanWorker) => parentPort!.postMessage(m);
  let reviewer;
  try {
    reviewer = reviewerFor(data.set);
    warmSegmenter();
  } catch (error) {
    post({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  const ready = reviewer;
  parentPort!.on('message', (m: ToScanWorker) => {
    const t0 = performance.now();
    scanFile(m.path, ready)
      .catch((error: unknown) => {
        // The readers never throw; the engine should not either. If it does, this file is reported.
        debugLog(`reviewing ${m.path}`, error);
        const message = `无法审查「${baseName(m.path)}」：审查时出现程序内部错误，请将此文件交技术人员检查。`;
        return failedReport(m.path, ready.dictionaryHash, { code: 'unreadable', message }, performance.now() - t0);
      })
      .then((report) => post({ type: 'report', id: m.id, report }));
  });
  post({ type: 'ready' });
}

if (parentPort) start(workerData as ScanWorkerData);
