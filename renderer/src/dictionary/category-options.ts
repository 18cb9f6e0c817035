import { CATEGORY_LABELS, categoryLabel } from '../../../shared/labels';
import type { DictionarySet } from '../../../shared/dictionary/types';

/** The known categories and every category the set uses, each with its Chinese name. */
export function categoryOptions(set: DictionarySet | undefined): { value: string; label: string }[] {
  const names = new Set(Object.keys(CATEGORY_LABELS).filter((c) => c !== 'hidden-content' && c !== 'aggregation'));
  for (const e of set?.entries ?? []) names.add(e.category);
  return [...names].map((value) => ({ value, label: categoryLabel(value) === value ? value : `${categoryLabel(value)}（${value}）` }));
}
