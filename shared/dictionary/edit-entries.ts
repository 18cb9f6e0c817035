// Edits to a dictionary set as data (add, update, disable, enable, remove an entry), applied
// purely: the service saves the result as a new version, the window can show it beforehand.
import type { Severity } from '../findings';
import { normalizeTerm } from '../text/normalize';
import type { BoundaryMode, DictionaryEntry, DictionarySet, SeverityByRole, ValidatorName } from './types';

/** An entry as the window's form or the CLI gives it; defaults fill the rest. */
export interface NewEntry {
  readonly type?: 'term' | 'pattern';
  /** Left out: made from category and term (`project-codename/青松工程`). */
  readonly id?: string;
  readonly term?: string;
  readonly pattern?: string;
  readonly category: string;
  readonly severity: Severity;
  readonly note?: string;
  readonly kind?: string;
  readonly boundary?: BoundaryMode;
  readonly validator?: ValidatorName;
  readonly context?: string;
  readonly severityByRole?: SeverityByRole;
  readonly standaloneOnly?: boolean;
  readonly headOnly?: boolean;
}

export type EntryEdit =
  | { readonly op: 'add'; readonly entry: NewEntry }
  | { readonly op: 'update'; readonly id: string; readonly change: Partial<Omit<NewEntry, 'type' | 'id'>> }
  | { readonly op: 'disable' | 'enable' | 'remove'; readonly id: string };

export class EntryEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EntryEditError';
  }
}

/** Where entries made by hand say they came from, in explanations of findings. */
export const MANUAL_SOURCE = '手工录入';

export function toEntry(e: NewEntry, id: string): DictionaryEntry {
  const common = {
    id,
    category: e.category.trim(),
    kind: e.kind?.trim() || undefined,
    severity: e.severity,
    note: e.note?.trim() ?? '',
    severityByRole: e.severityByRole,
    context: e.context || undefined,
    enabled: true,
    source: MANUAL_SOURCE,
    line: 0,
  };
  if (e.type === 'pattern') {
    return { ...common, type: 'pattern', pattern: e.pattern ?? '', validator: e.validator, standaloneOnly: e.standaloneOnly === true, headOnly: e.headOnly === true };
  }
  return { ...common, type: 'term', term: (e.term ?? '').trim(), boundary: e.boundary ?? 'auto' };
}

export function applyEntryEdits(set: DictionarySet, edits: readonly EntryEdit[]): DictionarySet {
  const entries = [...set.entries];
  const taken = new Set([...entries, ...set.allow, ...set.contextRules, ...set.aggregationRules].map((x) => x.id));
  const indexOf = (id: string) => {
    const i = entries.findIndex((e) => e.id === id);
    if (i < 0) throw new EntryEditError(`词库中没有编号为「${id}」的条目`);
    return i;
  };
  for (const edit of edits) {
    if (edit.op === 'add') {
      const wanted = edit.entry.id?.trim() || `${edit.entry.category.trim()}/${normalizeTerm(edit.entry.term ?? edit.entry.pattern ?? '')}`;
      if (edit.entry.id && taken.has(wanted)) throw new EntryEditError(`编号「${wanted}」已被使用`);
      let id = wanted;
      for (let n = 2; taken.has(id); n++) id = `${wanted}~${n}`;
      taken.add(id);
      entries.push(toEntry(edit.entry, id));
    } else if (edit.op === 'remove') {
      entries.splice(indexOf(edit.id), 1);
    } else if (edit.op === 'update') {
      const i = indexOf(edit.id);
      const prev = entries[i];
      const defined = Object.fromEntries(Object.entries(edit.change).filter(([, v]) => v !== undefined));
      entries[i] = { ...prev, ...defined } as DictionaryEntry;
    } else {
      const i = indexOf(edit.id);
      entries[i] = { ...entries[i], enabled: edit.op === 'enable' };
    }
  }
  return { ...set, entries };
}
