// Builds what a scan needs once per process: the dictionary set compiled, its hash, the segmenter.
import { compileDictionary } from '../../shared/dictionary/compile';
import { mergeDictionarySets } from '../../shared/dictionary/merge';
import type { DictionarySet } from '../../shared/dictionary/types';
import { jiebaSegmenter } from '../segment/jieba-segmenter';
import { loadDictionarySet } from './dictionary-files';
import { hashDictionarySet, type Reviewer } from './scan-file';

/**
 * `baseSet`: the set to start from instead of the starter files — a database's active dictionary
 * version (DictionaryService.activeSet), which already contains the starter set as the security
 * officer keeps it. The user's --dict files go on top either way.
 */
export function createReviewer(userDictionaries: readonly string[] = [], baseSet?: DictionarySet): Reviewer {
  return reviewerFor(reviewerSet(userDictionaries, baseSet));
}

/** The dictionary set a reviewer is built from (parsed here, so a malformed file is reported once, by its line). */
export function reviewerSet(userDictionaries: readonly string[] = [], baseSet?: DictionarySet): DictionarySet {
  return baseSet ? mergeDictionarySets([baseSet, loadDictionarySet(userDictionaries, false)]) : loadDictionarySet(userDictionaries);
}

/** A reviewer over a set already parsed: what each scan worker builds from the set it is sent. */
export function reviewerFor(set: DictionarySet): Reviewer {
  const dictionary = compileDictionary(set);
  return { dictionary, dictionaryHash: hashDictionarySet(dictionary), segment: jiebaSegmenter };
}
