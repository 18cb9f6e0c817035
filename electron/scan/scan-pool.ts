// Reviews each file in isolation: in a worker process with a heap limit and a time budget, so that
// a file whose reading runs away (a hang, a memory blow-up the readers' own limits did not foresee)
// is stopped and reported as `timeout` or `too-large` while the rest of the batch goes on. Workers
// are reused (each loads jieba once, about 0.4 s and 94 MB); a stopped one is replaced.
//
// Processes, not worker threads: a thread's heap limit is enforced by Node with only 16 MB of leeway
// for the garbage collection under way, and a large allocation near the limit (a 60 MB string of a
// 30 MB paragraph) then aborts the whole process, batch and all; a process that runs out of memory
// takes only itself down. Memory outside the heap (pdfjs's buffers, jieba) is also its own.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ReadError } from '../../shared/document-model';
import type { FileReport } from '../../shared/report';
import type { OcrProgress } from '../ingest/ocr/ocr-options';
import type { ScanKitSpec } from './scan-kit';
import { unpackedUrl } from '../asar/unpacked-path';
import { baseName } from '../ingest/file-name';
import { failedReport } from './scan-file';
import type { FromScanWorker, ToScanWorker } from './scan-protocol';

export interface ScanPoolOptions {
  /** The bundled worker entry (dist/scan-worker.mjs). */
  readonly workerUrl: URL;
  /** What each worker builds its scan kit from; its hash goes into the reports of files the pool had to stop. */
  readonly spec: ScanKitSpec;
  /** Worker processes reviewing at once. */
  readonly size: number;
  /** Time budget per file, from the moment a worker starts on it or last reports progress (an OCR page read). */
  readonly timeoutMs: number;
  /** Heap budget per worker (V8's old generation). */
  readonly memoryMb: number;
  /** OCR progress of a file, as its pages are read. */
  readonly onProgress?: (path: string, progress: OcrProgress) => void;
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
  readonly worker: ChildProcess;
  /** The end of what the worker wrote to standard error: how an out-of-memory death is told from a crash. */
  stderrTail: string;
  ready: boolean;
  job?: Job;
  timer?: NodeJS.Timeout;
  startedAt: number;
  /** Set once the pool has given up on this worker, so its later events are ignored. */
  retired: boolean;
}

/** V8's last words when the heap limit is reached. */
const OUT_OF_MEMORY = /heap out of memory|Reached heap limit/;

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
    // In an installed app the worker script runs from outside the asar archive (electron-builder.yml).
    const worker = fork(fileURLToPath(unpackedUrl(this.options.workerUrl)), [], {
      execArgv: [`--max-old-space-size=${this.options.memoryMb}`],
      serialization: 'advanced',
      // Standard output carries the reports: whatever a library prints must not reach it.
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const slot: Slot = { worker, stderrTail: '', ready: false, startedAt: 0, retired: false };
    this.slots.add(slot);
    const debug = !!process.env.MISHEN_DEBUG;
    worker.stdout!.on('data', (chunk: Buffer) => debug && process.stderr.write(chunk));
    worker.stderr!.on('data', (chunk: Buffer) => {
      slot.stderrTail = (slot.stderrTail + chunk.toString('utf8')).slice(-4096);
      if (debug) process.stderr.write(chunk);
    });
    worker.on('message', (m: FromScanWorker) => this.onMessage(slot, m));
    worker.on('error', (error) => this.onStopped(slot, error));
    // 'close', not 'exit': by then all of standard error has arrived.
    worker.on('close', () => this.onStopped(slot, undefined));
    worker.send({ type: 'start', spec: this.options.spec } satisfies ToScanWorker);
  }

  private onMessage(slot: Slot, m: FromScanWorker): void {
    if (slot.retired) return;
    if (m.type === 'ready') {
      slot.ready = true;
      this.startNext(slot);
    } else if (m.type === 'fatal') {
      this.fail(new ScanPoolError(`审查程序无法启动：${m.message}`));
    } else if (m.type === 'progress') {
      if (slot.job?.id !== m.id) return;
      this.arm(slot, slot.job);
      this.options.onProgress?.(slot.job.path, m.progress);
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
    this.arm(slot, job);
    slot.worker.send({ type: 'scan', id: job.id, path: job.path } satisfies ToScanWorker);
  }

  /** (Re)starts the file's time budget. */
  private arm(slot: Slot, job: Job): void {
    clearTimeout(slot.timer);
    slot.timer = setTimeout(() => this.stop(slot, timeoutError(job.path, this.options.timeoutMs)), this.options.timeoutMs);
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
    this.finish(slot, failedReport(job.path, this.options.spec.dictionaryHash, error, performance.now() - slot.startedAt));
    void this.retire(slot);
    this.dispatch();
  }

  /** The worker ended or failed on its own: out of memory, or a crash. */
  private onStopped(slot: Slot, error: Error | undefined): void {
    if (slot.retired) return;
    const outOfMemory = OUT_OF_MEMORY.test(slot.stderrTail);
    if (!slot.ready && !slot.job) {
      const why = outOfMemory ? `内存上限 ${this.options.memoryMb} MB 不足以载入词库和分词词典` : (error?.message ?? '工作进程意外退出');
      this.fail(new ScanPoolError(`审查程序无法启动：${why}`));
      return;
    }
    if (slot.job) {
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
    if (slot.worker.exitCode !== null || slot.worker.signalCode !== null) return;
    const exited = new Promise<void>((done) => slot.worker.once('exit', () => done()));
    slot.worker.kill('SIGKILL');
    await exited;
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
