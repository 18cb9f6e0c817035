// The messages between the scan pool (scan-pool.ts) and its worker processes (scan-worker.ts).
import type { DictionarySet } from '../../shared/dictionary/types';
import type { FileReport } from '../../shared/report';

export type ToScanWorker =
  /** First message: the dictionary set, already parsed by the main process; each worker compiles its own copy. */
  | { readonly type: 'start'; readonly set: DictionarySet }
  | { readonly type: 'scan'; readonly id: number; readonly path: string };

export type FromScanWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'fatal'; readonly message: string }
  | { readonly type: 'report'; readonly id: number; readonly report: FileReport };
