// The window's side of the live tester's worker: one worker per window, requests answered in order.
import type { TextBlock } from '../../../shared/document-model';
import type { DictionarySet } from '../../../shared/dictionary/types';
import { normalizeText } from '../../../shared/text/normalize';
import { call } from '../api';
import type { TesterReply, TesterRequest, TesterResult } from './live-tester-protocol';

/** The contract caps one segmentation call; a long document goes in slices. */
const SEGMENT_SLICE = 5000;

export class LiveTesterClient {
  private worker?: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (r: TesterResult) => void; reject: (e: Error) => void }>();
  private readonly compiling = new Map<number, { resolve: (ms: number) => void; reject: (e: Error) => void }>();

  private port(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL('./live-tester.worker.ts', import.meta.url), { type: 'module', name: 'mishen-live-tester' });
      this.worker.onmessage = ({ data }: MessageEvent<TesterReply>) => this.settle(data);
    }
    return this.worker;
  }

  private post(m: TesterRequest): void {
    this.port().postMessage(m);
  }

  private settle(m: TesterReply): void {
    if (m.type === 'compiled' || m.type === 'compile-error') {
      const p = this.compiling.get(m.revision);
      this.compiling.delete(m.revision);
      if (m.type === 'compiled') p?.resolve(m.ms);
      else p?.reject(new Error(m.message));
      return;
    }
    const p = this.waiting.get(m.id);
    this.waiting.delete(m.id);
    if (m.type === 'review') p?.resolve({ findings: m.findings, verdict: m.verdict, ms: m.ms, revision: m.revision });
    else p?.reject(new Error(m.message));
  }

  /** Compiles `set` in the worker; resolves to how long that took. */
  compile(set: DictionarySet, revision: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.compiling.set(revision, { resolve, reject });
      this.post({ type: 'set', revision, set });
    });
  }

  /** Reviews the blocks with the last compiled set, word boundaries decided by jieba in the main process. */
  async review(blocks: readonly TextBlock[]): Promise<TesterResult> {
    const texts = [...new Set(blocks.map((b) => normalizeText(b.text).text))];
    const segments: string[][] = [];
    for (let i = 0; i < texts.length; i += SEGMENT_SLICE) segments.push(...(await call('dictionary/segment', texts.slice(i, i + SEGMENT_SLICE))));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.post({ type: 'review', id, blocks, texts, segments });
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }
}
