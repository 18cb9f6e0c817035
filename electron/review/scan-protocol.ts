// The messages between the scan pool (scan-pool.ts) and its worker threads (scan-worker.ts).
import type { DictionarySet } from '../../shared/dictionary/types';
import type { FileReport } from '../../shared/report';

export interface ScanWorkerData {
  /** The dictionary set, already parsed by the main thread; each worker compiles its own copy. */
  readonly set: DictionarySet;
}

export type ToScanWorker = { readonly type: 'scan'; readonly id: number; readonly path: string };

export type FromScanWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'fatal'; readonly message: string }
  | { readonly type: 'report'; readonly id: number; readonly report: FileReport };
