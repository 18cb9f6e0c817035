// The messages between the main process and the service worker (service-worker.ts). Everything
// crosses by structured clone: plain data, Uint8Array for file bytes, errors as { message, code }.
import type { Channel } from '../../shared/api-contract';

export interface WireError {
  readonly message: string;
  readonly code: string;
}

export type ToWorker =
  | { readonly type: 'call'; readonly id: number; readonly channel: Channel; readonly args: unknown[] }
  | { readonly type: 'save-pdf-result'; readonly id: number; readonly ok: true; readonly value: string | null }
  | { readonly type: 'save-pdf-result'; readonly id: number; readonly ok: false; readonly error: WireError }
  /** Close the database and end the thread (the app is quitting). */
  | { readonly type: 'close' };

export type FromWorker =
  | { readonly type: 'ready'; readonly warmMs: number }
  /** The service could not start (database locked or damaged, dictionaries malformed): the message says why. */
  | { readonly type: 'fatal'; readonly error: WireError }
  | { readonly type: 'result'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly type: 'result'; readonly id: number; readonly ok: false; readonly error: WireError }
  /** The service asks the main process to print the 审查单 (only Electron can) and save it. */
  | { readonly type: 'save-pdf'; readonly id: number; readonly html: string; readonly suggestedName: string };

/** What the worker is started with. */
export interface ServiceWorkerData {
  /** The desktop's own database file (used unless its settings name a server). */
  readonly dbFile: string;
  /** The desktop's folder: its database settings, a server's saved password, its anchors of servers. */
  readonly userData: string;
  /** The starter dictionaries (the packaged app's resources/dictionaries); default: found from the bundle. */
  readonly dictionaryDir?: string;
  /** Where the segmenter keeps its derived core dictionary (default: the temp folder). */
  readonly cacheDir?: string;
}

export function toWireError(error: unknown): WireError {
  const e = error as { message?: unknown; code?: unknown } | undefined;
  return {
    message: typeof e?.message === 'string' && e.message ? e.message : '操作失败。',
    code: typeof e?.code === 'string' ? e.code : 'error',
  };
}

/** An Error that carries the service's code, as the handlers' ApiError does. */
export function fromWireError(wire: WireError): Error & { code: string } {
  return Object.assign(new Error(wire.message), { code: wire.code });
}
