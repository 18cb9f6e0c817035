// The messages between the scan pool (scan-pool.ts) and its worker processes (scan-worker.ts).
import type { FileReport } from '../../shared/report';
import type { OcrProgress } from '../ingest/ocr/ocr-options';
import type { ScanKitSpec } from './scan-kit';

export type ToScanWorker =
  /** First message: the dictionary set, already parsed by the main process; each worker compiles its own copy. */
  | { readonly type: 'start'; readonly spec: ScanKitSpec }
  | { readonly type: 'scan'; readonly id: number; readonly path: string };

export type FromScanWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'fatal'; readonly message: string }
  | { readonly type: 'report'; readonly id: number; readonly report: FileReport }
  /** Long work on a file goes on (OCR, page by page): the time budget counts from the last sign of it. */
  | { readonly type: 'progress'; readonly id: number; readonly progress: OcrProgress };
