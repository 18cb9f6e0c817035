// Reviews each file in isolation: in a worker thread with a heap limit and a time budget, so that a
// file whose reading runs away (a hang, a memory blow-up the readers' own limits did not foresee)
// is stopped and reported as `timeout` or `too-large` while the rest of the batch goes on. Workers
// are reused (each loads jieba once, about 0.4 s and 94 MB); a stopped one is replaced.
import { Worker } from 'node:worker_threads';
import type { ReadError } from '../../shared/document-model';
import type { DictionarySet } from '../../shared/dictionary/types';
import type { FileReport } from '../../shared/report';
import { baseName } from '../ingest/file-name';
import { failedReport } from './scan-file';
import type { FromScanWorker, ScanWorkerData, ToScanWorker } from './scan-protocol';

export interface ScanPoolOptions {
  /** The bundled worker entry (dist/scan-worker.mjs). */
  readonly workerUrl: URL;
  readonly set: DictionarySet;
  /** hashDictionarySet of `set`, for the reports of files the pool had to stop. */
  readonly dictionaryHash: string;
  /** Worker threads reviewing at once. */
  readonly size: number;
  /** Time budget per file, from the moment a worker starts on it. */
  readonly timeoutMs: number;
  /** Heap budget per worker (V8's old generation). */
  readonly memoryMb: number;
}

export const DEFAULT_TIMEOUT_SECONDS = 120;
export const DEFAULT_MEMORY_MB = 1536;

interface Job {
  readonly id: number;
  readonly path: string;
  readonly resolve: (report: FileReport) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  ready: boolean;
  job?: Job;
  timer?: NodeJS.Timeout;
  startedAt: number;
  /** Set once the pool has given up on this worker, so its later events are ignored. */
  retired: boolean;
}

/** The worker could not start (jieba or the dictionary failed to load): no file can be reviewed. */
export class ScanPoolError extends Error {}

export class ScanPool {
  private readonly queue: Job[] = [];
  private readonly slots = new Set<Slot>();
  private nextId = 1;
  private failure: ScanPoolError | undefined;
  private closed = false;

  constructor(private readonly options: ScanPoolOptions) {}

  /** The report for `path`; always resolves with a report unless the workers cannot start at all. */
  scan(path: string): Promise<FileReport> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, path, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.slots].map((slot) => this.retire(slot)));
  }

  private dispatch(): void {
    for (const slot of this.slots) if (slot.ready && !slot.job) this.startNext(slot);
    // One new worker per waiting job, up to the pool size.
    const idle = [...this.slots].filter((s) => !s.job).length;
    for (let n = Math.min(this.queue.length - idle, this.options.size - this.slots.size); n > 0; n--) this.spawn();
  }

  private spawn(): void {
    const data: ScanWorkerData = { set: this.options.set };
    const worker = new Worker(this.options.workerUrl, {
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb },
      // Whatever a library prints goes to standard error: standard output carries the reports.
      stdout: true,
    });
    worker.stdout.pipe(process.stderr);
    const slot: Slot = { worker, ready: false, startedAt: 0, retired: false };
    this.slots.add(slot);
    worker.on('message', (m: FromScanWorker) => this.onMessage(slot, m));
    worker.on('error', (error) => this.onStopped(slot, error));
    worker.on('exit', () => this.onStopped(slot, undefined));
  }

  private onMessage(slot: Slot, m: FromScanWorker): void {
    if (slot.retired) return;
    if (m.type === 'ready') {
      slot.ready = true;
      this.startNext(slot);
    } else if (m.type === 'fatal') {
      this.fail(new ScanPoolError(`审查程序无法启动：${m.message}`));
    } else if (slot.job?.id === m.id) {
      this.finish(slot, m.report);
      this.startNext(slot);
    }
  }

  private startNext(slot: Slot): void {
    const job = this.queue.shift();
    if (!job) return;
    slot.job = job;
    slot.startedAt = performance.now();
    slot.timer = setTimeout(() => this.stop(slot, timeoutError(job.path, this.options.timeoutMs)), this.options.timeoutMs);
    const message: ToScanWorker = { type: 'scan', id: job.id, path: job.path };
    slot.worker.postMessage(message);
  }

  private finish(slot: Slot, report: FileReport): void {
    clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = undefined;
    job?.resolve(report);
  }

  /** Ends a worker that went over its budget, reports its file, and carries on with a new worker. */
  private stop(slot: Slot, error: ReadError): void {
    if (slot.retired || !slot.job) return;
    const job = slot.job;
    this.finish(slot, failedReport(job.path, this.options.dictionaryHash, error, performance.now() - slot.startedAt));
    void this.retire(slot);
    this.dispatch();
  }

  /** The worker ended or failed on its own: out of memory (ERR_WORKER_OUT_OF_MEMORY) or a crash. */
  private onStopped(slot: Slot, error: Error | undefined): void {
    if (slot.retired) return;
    if (!slot.ready && !slot.job) {
      this.fail(new ScanPoolError(`审查程序无法启动${error ? `：${error.message}` : ''}`));
      return;
    }
    if (slot.job) {
      const outOfMemory = (error as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.stop(slot, outOfMemory ? memoryError(slot.job.path, this.options.memoryMb) : crashError(slot.job.path));
    } else {
      void this.retire(slot);
      this.dispatch();
    }
  }

  private async retire(slot: Slot): Promise<void> {
    if (slot.retired) return;
    slot.retired = true;
    clearTimeout(slot.timer);
    this.slots.delete(slot);
    await slot.worker.terminate().catch(() => undefined);
  }

  private fail(error: ScanPoolError): void {
    if (this.failure || this.closed) return;
    this.failure = error;
    for (const job of this.queue.splice(0)) job.reject(error);
    for (const slot of [...this.slots]) {
      slot.job?.reject(error);
      void this.retire(slot);
    }
  }
}

function timeoutError(path: string, timeoutMs: number): ReadError {
  const seconds = Math.round(timeoutMs / 1000);
  return { code: 'timeout', message: `无法读取「${baseName(path)}」：${seconds} 秒内未能审查完，已停止（文件可能异常或过于复杂）。` };
}

function memoryError(path: string, memoryMb: number): ReadError {
  return { code: 'too-large', message: `无法读取「${baseName(path)}」：审查所需内存超过 ${memoryMb} MB 的上限，已停止（文件可能异常或过于复杂）。` };
}

function crashError(path: string): ReadError {
  return { code: 'unreadable', message: `无法读取「${baseName(path)}」：审查程序意外停止，请将此文件交技术人员检查。` };
}
