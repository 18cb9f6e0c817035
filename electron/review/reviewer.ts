// Builds what a scan needs once per process: the dictionary set compiled, its hash, the segmenter.
import { compileDictionary } from '../../shared/dictionary/compile';
import { jiebaSegmenter } from '../segment/jieba-segmenter';
import { loadDictionarySet } from './dictionary-files';
import { hashDictionarySet, type Reviewer } from './scan-file';

export function createReviewer(userDictionaries: readonly string[] = []): Reviewer {
  const dictionary = compileDictionary(loadDictionarySet(userDictionaries));
  return { dictionary, dictionaryHash: hashDictionarySet(dictionary), segment: jiebaSegmenter };
}
