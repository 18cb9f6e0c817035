// Builds what a scan needs once per process: the dictionary set compiled, its hashes, the segmenter,
// and the OCR engine. The main process reads and checks the dictionaries once (a malformed file is
// reported once, by its line) into a ScanKitSpec; each scan worker builds its scan kit from it.
import { compileDictionary } from '../../shared/dictionary/compile';
import { mergeDictionarySets } from '../../shared/dictionary/merge';
import type { DictionarySet } from '../../shared/dictionary/types';
import type { DictionaryListRef } from '../../shared/report';
import { canonicalHash } from '../dictionary/canonical-hash';
import { OcrEngine } from '../ingest/ocr/ocr-engine';
import { jiebaSegmenter } from '../segment/jieba-segmenter';
import { loadDictionarySet, readDictionaryLists } from '../dictionary/dictionary-files';
import type { ScanKit } from './scan-file';

/** Everything a scan kit is built from, as plain data (it is sent to scan workers). */
export interface ScanKitSpec {
  /** The base set and the user's lists, merged. */
  readonly set: DictionarySet;
  /** Canonical hash of the base set: a database's dictionary version, or the starter set. */
  readonly dictionaryHash: string;
  readonly dictionaryLists: readonly DictionaryListRef[];
  /** Read scanned pages and pictures by OCR. */
  readonly ocr: boolean;
  /** Most images (pages) a file sends to OCR. */
  readonly ocrPages?: number;
}

export interface ScanKitOptions {
  readonly ocr?: boolean;
  readonly ocrPages?: number;
}

/**
 * `baseSet`: the set to start from instead of the starter files — a database's active dictionary
 * version (DictionaryService.activeSet, checked against its hash before it gets here), which
 * already contains the starter set as the security officer keeps it. The user's --dict files go on
 * top either way, each recorded by name and canonical hash.
 */
export function scanKitSpec(userDictionaries: readonly string[] = [], baseSet?: DictionarySet, options: ScanKitOptions = {}): ScanKitSpec {
  const base = baseSet ?? loadDictionarySet();
  const lists = readDictionaryLists(userDictionaries);
  return {
    set: mergeDictionarySets([base, ...lists.map((l) => l.set)]),
    dictionaryHash: canonicalHash(base),
    dictionaryLists: lists.map((l) => ({ name: l.name, hash: canonicalHash(l.set) })),
    ocr: options.ocr === true,
    ...(options.ocrPages ? { ocrPages: options.ocrPages } : {}),
  };
}

/** A scan kit over a spec: the dictionary compiled here; with OCR, an engine that `close` ends. */
export function scanKitFor(spec: ScanKitSpec): ScanKit {
  const engine = spec.ocr ? new OcrEngine() : undefined;
  return {
    dictionary: compileDictionary(spec.set),
    dictionaryHash: spec.dictionaryHash,
    dictionaryLists: spec.dictionaryLists,
    segment: jiebaSegmenter,
    ...(engine ? { readOptions: { ocr: { engine, ...(spec.ocrPages ? { maxImages: spec.ocrPages } : {}) } }, close: () => engine.close() } : {}),
  };
}

export function createScanKit(userDictionaries: readonly string[] = [], baseSet?: DictionarySet, options: ScanKitOptions = {}): ScanKit {
  return scanKitFor(scanKitSpec(userDictionaries, baseSet, options));
}
