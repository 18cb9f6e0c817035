// Builds what a scan needs once per process: the dictionary set compiled, its hashes, the segmenter.
import { compileDictionary } from '../../shared/dictionary/compile';
import { mergeDictionarySets } from '../../shared/dictionary/merge';
import type { DictionarySet } from '../../shared/dictionary/types';
import { canonicalHash } from '../dictionary/canonical-hash';
import { jiebaSegmenter } from '../segment/jieba-segmenter';
import { loadDictionarySet, readDictionaryLists } from './dictionary-files';
import type { Reviewer } from './scan-file';

/**
 * `baseSet`: the set to start from instead of the starter files — a database's active dictionary
 * version (DictionaryService.activeSet, checked against its hash before it gets here), which
 * already contains the starter set as the security officer keeps it. The user's --dict files go on
 * top either way, each recorded by name and canonical hash.
 */
export function createReviewer(userDictionaries: readonly string[] = [], baseSet?: DictionarySet): Reviewer {
  const base = baseSet ?? loadDictionarySet();
  const lists = readDictionaryLists(userDictionaries);
  const dictionary = compileDictionary(mergeDictionarySets([base, ...lists.map((l) => l.set)]));
  return {
    dictionary,
    dictionaryHash: canonicalHash(base),
    dictionaryLists: lists.map((l) => ({ name: l.name, hash: canonicalHash(l.set) })),
    segment: jiebaSegmenter,
  };
}
