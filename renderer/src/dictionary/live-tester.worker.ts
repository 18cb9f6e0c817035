// The live tester's thread: compiles the UNSAVED dictionary set (automata for 100,000 terms take
// long enough to freeze a window) and runs the shared engine over the tester's text. The window
// sends the segmentation jieba made in the main process, so word boundaries are decided exactly as
// a scan decides them.
import { compileDictionary, type CompiledDictionary } from '../../../shared/dictionary/compile';
import { reviewDocument } from '../../../shared/engine/review-document';
import type { TesterReply, TesterRequest } from './live-tester-protocol';

const port = self as unknown as { postMessage(m: TesterReply): void; onmessage: ((e: MessageEvent<TesterRequest>) => void) | null };
let compiled: { revision: number; dict: CompiledDictionary } | undefined;

port.onmessage = ({ data: m }) => {
  if (m.type === 'set') {
    const t0 = performance.now();
    try {
      compiled = { revision: m.revision, dict: compileDictionary(m.set) };
      port.postMessage({ type: 'compiled', revision: m.revision, ms: Math.round(performance.now() - t0) });
    } catch (error) {
      compiled = undefined;
      port.postMessage({ type: 'compile-error', revision: m.revision, message: (error as Error).message });
    }
    return;
  }
  if (!compiled) {
    port.postMessage({ type: 'review-error', id: m.id, message: '词库未能编译，无法检测。' });
    return;
  }
  const words = new Map(m.texts.map((t, i) => [t, m.segments[i] ?? [t]]));
  // A text the window did not segment (it should not happen): every character stands as a word.
  const segment = (text: string) => words.get(text) ?? [...text];
  const t0 = performance.now();
  const review = reviewDocument({ format: 'txt', blocks: m.blocks, warnings: [] }, compiled.dict, segment);
  port.postMessage({ type: 'review', id: m.id, revision: compiled.revision, findings: [...review.findings], verdict: review.verdict, ms: Math.round(performance.now() - t0) });
};
