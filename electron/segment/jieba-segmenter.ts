// Chinese word segmentation by nodejieba, for the engine's word-boundary decisions.
// The dictionary load takes about a second: it happens once per process, on first use (the CLI)
// or ahead of time from a worker (the app; see warmSegmenter).
import { createRequire } from 'node:module';
import type { Segmenter } from '../../shared/engine/word-boundary';

interface Jieba {
  load(options?: Record<string, string>): void;
  cut(sentence: string, strict?: boolean): string[];
}

let jieba: Jieba | undefined;

function loadJieba(): Jieba {
  if (!jieba) {
    const require = createRequire(import.meta.url);
    const lib = require('nodejieba') as Jieba;
    lib.load();
    jieba = lib;
  }
  return jieba;
}

/** Loads the segmenter now and returns how long that took, in milliseconds. */
export function warmSegmenter(): number {
  const t0 = performance.now();
  loadJieba();
  return performance.now() - t0;
}

/** jieba's default cut (dictionary + HMM for unknown words). */
export const jiebaSegmenter: Segmenter = (text) => loadJieba().cut(text);
