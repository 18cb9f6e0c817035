// The main process's side of the service worker: forwards each call with a request id and settles it
// with the worker's answer; answers the worker's PDF requests; and if the worker dies, rejects every
// pending and later call with a message a person can act on instead of leaving the window waiting.
import { Worker } from 'node:worker_threads';
import type { Channel } from '../../shared/api-contract';
import { fromWireError, toWireError, type FromWorker, type ServiceWorkerData, type ToWorker, type WireError } from './service-protocol';

/** What the client needs of a Worker (a fake in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  on(event: 'message', listener: (message: FromWorker) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): Promise<number>;
}

export interface ServiceClient {
  call(channel: Channel, args: unknown[]): Promise<unknown>;
  /** Resolves when the worker has finished loading the segmenter and opened the database. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

export interface ClientOptions {
  readonly savePdf?: (html: string, suggestedName: string) => Promise<string | null>;
  /** How long close() waits for the worker to close the database before ending it. */
  readonly closeTimeoutMs?: number;
}

const STOPPED: WireError = { message: '审查服务已停止，请重新启动程序。', code: 'service-stopped' };

export function createServiceClient(worker: WorkerLike, options: ClientOptions = {}): ServiceClient {
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let dead: WireError | undefined;
  let markReady: () => void = () => {};
  let failReady: (e: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failReady = reject;
  });
  ready.catch(() => {}); // observed through call() as well; never an unhandled rejection
  let exited: () => void = () => {};
  const exit = new Promise<void>((resolve) => (exited = resolve));

  function die(reason: WireError): void {
    if (dead) return;
    dead = reason;
    failReady(fromWireError(reason));
    for (const p of pending.values()) p.reject(fromWireError(reason));
    pending.clear();
  }

  worker.on('message', (m) => {
    switch (m.type) {
      case 'ready':
        markReady();
        break;
      case 'fatal':
        die({ message: `审查服务无法启动：${m.error.message}`, code: m.error.code });
        break;
      case 'result': {
        const p = pending.get(m.id);
        pending.delete(m.id);
        if (p) m.ok ? p.resolve(m.value) : p.reject(fromWireError(m.error));
        break;
      }
      case 'save-pdf': {
        const save = options.savePdf ? options.savePdf(m.html, m.suggestedName) : Promise.reject(new Error('此环境不能生成 PDF。'));
        save.then(
          (value) => worker.postMessage({ type: 'save-pdf-result', id: m.id, ok: true, value }),
          (error) => worker.postMessage({ type: 'save-pdf-result', id: m.id, ok: false, error: toWireError(error) }),
        );
        break;
      }
    }
  });
  worker.on('error', (error) => die({ message: `${STOPPED.message}（${error.message}）`, code: STOPPED.code }));
  worker.on('exit', () => {
    die(STOPPED);
    exited();
  });

  return {
    ready,
    call(channel, args) {
      if (dead) return Promise.reject(fromWireError(dead));
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ type: 'call', id, channel, args });
      });
    },
    async close() {
      if (dead) return;
      worker.postMessage({ type: 'close' });
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), options.closeTimeoutMs ?? 3000).unref());
      if ((await Promise.race([exit, timeout])) === 'timeout') await worker.terminate();
    },
  };
}

/** Starts the service worker from the bundled script (dist/service-worker.mjs). */
export function startServiceWorker(script: URL, data: ServiceWorkerData, options: ClientOptions = {}): ServiceClient {
  const worker = new Worker(script, { workerData: data, name: 'mishen-service' });
  return createServiceClient(worker as unknown as WorkerLike, options);
}
