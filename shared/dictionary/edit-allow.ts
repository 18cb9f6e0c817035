// Edits to a set's allow list (add a phrase, remove one) as data, applied purely, like
// edit-entries.ts: the window shows the unsaved result, the service saves it as a new version.
import { normalizeTerm } from '../text/normalize';
import type { AllowEntry, DictionarySet } from './types';
import { MANUAL_SOURCE } from './edit-entries';

export interface NewAllowEntry {
  /** Left out: made from the categories and the phrase (`allow/classification-mark/数据机密性`). */
  readonly id?: string;
  readonly term: string;
  /** Empty: the phrase silences hits of every category. */
  readonly categories: readonly string[];
  readonly note?: string;
}

export type AllowEdit = { readonly op: 'add'; readonly allow: NewAllowEntry } | { readonly op: 'remove'; readonly id: string };

/** The id an allow entry would get: the same scheme the service uses for accepted proposals. */
export function allowIdFor(a: NewAllowEntry): string {
  return `allow/${a.categories.length ? a.categories.join('+') : 'all'}/${normalizeTerm(a.term)}`;
}

export function applyAllowEdits(set: DictionarySet, edits: readonly AllowEdit[]): DictionarySet {
  if (edits.length === 0) return set;
  let allow = [...set.allow];
  const taken = new Set([...set.entries, ...set.allow, ...set.contextRules, ...set.aggregationRules].map((x) => x.id));
  for (const edit of edits) {
    if (edit.op === 'remove') {
      allow = allow.filter((a) => a.id !== edit.id);
      taken.delete(edit.id);
      continue;
    }
    const wanted = edit.allow.id?.trim() || allowIdFor(edit.allow);
    let id = wanted;
    for (let n = 2; taken.has(id); n++) id = `${wanted}~${n}`;
    taken.add(id);
    const entry: AllowEntry = { type: 'allow', id, term: edit.allow.term.trim(), categories: [...edit.allow.categories], note: edit.allow.note?.trim() ?? '', source: MANUAL_SOURCE, line: 0 };
    allow.push(entry);
  }
  return { ...set, allow };
}
