// What changed between two dictionary versions, item by item (matched by id): added, removed, and
// changed with the names of the fields that differ. Fields are compared in their native form
// (./serialize.ts), so where an entry was read from (source, line) is never a change.
import { aggregationRuleToNative, allowToNative, contextRuleToNative, entryToNative } from './serialize';
import type { AggregationRule, AllowEntry, ContextRule, DictionaryEntry, DictionarySet } from './types';

export interface ChangedItem<T> {
  readonly id: string;
  readonly before: T;
  readonly after: T;
  /** Native field names that differ, e.g. ['severity', 'note']. */
  readonly fields: readonly string[];
}

export interface ItemDiff<T> {
  readonly added: readonly T[];
  readonly removed: readonly T[];
  readonly changed: readonly ChangedItem<T>[];
}

export interface DictionaryDiff {
  readonly entries: ItemDiff<DictionaryEntry>;
  readonly allow: ItemDiff<AllowEntry>;
  readonly contextRules: ItemDiff<ContextRule>;
  readonly aggregationRules: ItemDiff<AggregationRule>;
  /** Number of added, removed and changed items over all four lists. */
  readonly total: number;
}

function diffItems<T extends { readonly id: string }>(a: readonly T[], b: readonly T[], toNative: (item: T) => Record<string, unknown>): ItemDiff<T> {
  const before = new Map(a.map((item) => [item.id, item]));
  const after = new Map(b.map((item) => [item.id, item]));
  const changed: ChangedItem<T>[] = [];
  for (const [id, next] of after) {
    const prev = before.get(id);
    if (!prev) continue;
    const p = toNative(prev);
    const n = toNative(next);
    const fields = [...new Set([...Object.keys(p), ...Object.keys(n)])].filter((k) => JSON.stringify(p[k]) !== JSON.stringify(n[k]));
    if (fields.length > 0) changed.push({ id, before: prev, after: next, fields });
  }
  return {
    added: b.filter((item) => !before.has(item.id)),
    removed: a.filter((item) => !after.has(item.id)),
    changed,
  };
}

export function diffDictionarySets(a: DictionarySet, b: DictionarySet): DictionaryDiff {
  const entries = diffItems(a.entries, b.entries, entryToNative);
  const allow = diffItems(a.allow, b.allow, allowToNative);
  const contextRules = diffItems(a.contextRules, b.contextRules, contextRuleToNative);
  const aggregationRules = diffItems(a.aggregationRules, b.aggregationRules, aggregationRuleToNative);
  const size = (d: ItemDiff<unknown>) => d.added.length + d.removed.length + d.changed.length;
  return { entries, allow, contextRules, aggregationRules, total: size(entries) + size(allow) + size(contextRules) + size(aggregationRules) };
}
