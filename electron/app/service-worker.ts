// The review service's thread. Scanning a long draft and loading jieba's dictionary take seconds of
// CPU; run in the main process they would freeze the window, so the database, the engine and the
// API handlers live here and the main process only forwards calls (service-client.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { openServices } from '../services/open-services';
import { warmSegmenter } from '../segment/jieba-segmenter';
import { createApiHandlers } from './api-handlers';
import { createDesktopApi } from './desktop-api';
import { remoteSavePdf, serveApi, type PortLike } from './service-host';
import { toWireError, type ServiceWorkerData } from './service-protocol';

function start(port: PortLike, data: ServiceWorkerData): void {
  try {
    // The worker has its own copy of the environment: these settings reach only this thread.
    if (data.dictionaryDir) process.env.MISHEN_DICTIONARIES = data.dictionaryDir;
    if (data.cacheDir) process.env.MISHEN_CACHE_DIR = data.cacheDir;
    // Load jieba now, while the user is still logging in, so the first scan does not wait for it.
    const warmMs = warmSegmenter();
    // Scans follow the database's active dictionary version, rebuilt when the security officer changes it.
    // The desktop app reads scanned pages and pictures by OCR, as the command line does.
    // The records are where the desktop's settings say: its own file, or the department's server.
    const pdf = remoteSavePdf(port);
    const desktop = createDesktopApi({
      userData: data.userData,
      localFile: data.dbFile,
      open: (database) => openServices({ database, scan: { ocr: true } }),
      handlers: (services) => createApiHandlers({ services, savePdf: pdf.savePdf }),
    });
    serveApi(port, desktop.api, (m) => {
      if (m.type !== 'close') return pdf.settle(m);
      // Closing the database checkpoints the WAL; closing the port lets the thread end.
      desktop.close();
      parentPort?.close();
      return true;
    });
    port.postMessage({ type: 'ready', warmMs });
  } catch (error) {
    port.postMessage({ type: 'fatal', error: toWireError(error) });
  }
}

if (parentPort) start(parentPort as unknown as PortLike, workerData as ServiceWorkerData);
