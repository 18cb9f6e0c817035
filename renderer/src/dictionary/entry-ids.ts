// The id a new entry gets, chosen in the window so the unsaved row can be marked and edited again
// before saving: the same scheme as shared/dictionary/edit-entries.ts (category/normalised term).
import type { DictionarySet } from '../../../shared/dictionary/types';
import { normalizeTerm } from '../../../shared/text/normalize';

export function freeId(set: DictionarySet, wanted: string): string {
  const taken = new Set<string>();
  for (const list of [set.entries, set.allow, set.contextRules, set.aggregationRules]) for (const x of list) taken.add(x.id);
  let id = wanted;
  for (let n = 2; taken.has(id); n++) id = `${wanted}~${n}`;
  return id;
}

export const entryIdFor = (category: string, text: string) => `${category.trim()}/${normalizeTerm(text)}`;
