// Several dictionary files make one set: the starter dictionaries plus a user's own lists.
import type { DictionarySet } from './types';

export function mergeDictionarySets(sets: readonly DictionarySet[]): DictionarySet {
  return {
    entries: sets.flatMap((s) => s.entries),
    allow: sets.flatMap((s) => s.allow),
    contextRules: sets.flatMap((s) => s.contextRules),
    aggregationRules: sets.flatMap((s) => s.aggregationRules),
    sources: sets.flatMap((s) => s.sources),
  };
}
