// Chinese word segmentation by nodejieba, for the engine's word-boundary decisions.
//
// jieba's full dictionary (349,000 words) costs about 240 MB and 1.5 s to load; its rarest words
// (frequency below 5) change nothing in the decisions the engine asks for, so a core dictionary of
// the 137,000 commoner words is derived once into a cache folder: about 100 MB and 0.4 s.
// Keyword extraction is never used, so its idf and stop-word tables are one-line stand-ins.
// The load happens once per process, on first use (the CLI) or ahead of time (warmSegmenter).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Segmenter } from '../../shared/engine/word-boundary';

interface Jieba {
  DEFAULT_DICT: string;
  DEFAULT_HMM_DICT: string;
  load(options?: Record<string, string>): void;
  cut(sentence: string, strict?: boolean): string[];
}

/** Words of jieba's dictionary at least this frequent are kept. */
const MIN_FREQUENCY = 5;
const CORE_VERSION = `v1-f${MIN_FREQUENCY}`;

let jieba: Jieba | undefined;

/**
 * In the installed app nodejieba's data files lie in app.asar.unpacked (electron-builder.yml
 * unpacks them): native code cannot read inside app.asar, so its paths are mapped there.
 */
function unpacked(path: string): string {
  return path.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
}

/** Derives the core dictionary into the cache folder unless it is there already; returns its files. */
function coreDictionary(lib: Jieba): Record<string, string> {
  const dir = join(process.env.MISHEN_CACHE_DIR ?? tmpdir(), `mishen-segmenter-${CORE_VERSION}`);
  const files = {
    dict: join(dir, 'core.dict.utf8'),
    hmmDict: unpacked(lib.DEFAULT_HMM_DICT),
    userDict: join(dir, 'user.dict.utf8'),
    idfDict: join(dir, 'idf.utf8'),
    stopWordDict: join(dir, 'stop_words.utf8'),
  };
  if (existsSync(join(dir, 'complete'))) return files;
  mkdirSync(dir, { recursive: true });
  const core = readFileSync(unpacked(lib.DEFAULT_DICT), 'utf8')
    .split('\n')
    .filter((line) => Number(line.split(' ')[1]) >= MIN_FREQUENCY)
    .join('\n');
  // Written under temporary names and renamed, so that two processes starting together never read half a file.
  const write = (path: string, text: string) => {
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  };
  write(files.dict, core + '\n');
  write(files.userDict, '');
  write(files.idfDict, '的 1.0\n');
  write(files.stopWordDict, '的\n');
  write(join(dir, 'complete'), CORE_VERSION);
  return files;
}

function loadJieba(): Jieba {
  if (!jieba) {
    const require = createRequire(import.meta.url);
    const lib = require('nodejieba') as Jieba;
    lib.load(coreDictionary(lib));
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
