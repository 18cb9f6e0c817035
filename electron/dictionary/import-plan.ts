// Decides, row by row, what an import would do to the active dictionary set: add, change (which
// fields), duplicate (nothing would change) or invalid (why), and computes the set that applying
// the add and change rows gives. Pure: the service shows the rows (preview) or saves the set (apply).
//
// Matching: a native element by id, else (terms) by normalised term + category, as the engine
// sees them; a table row by normalised term + category. An empty note in a table row keeps the
// note already in the dictionary (a plain list has no notes at all). An import never removes.
import { normalizeTerm } from '../../shared/text/normalize';
import { aggregationRuleToNative, allowToNative, contextRuleToNative, entryToNative } from '../../shared/dictionary/serialize';
import { createEntryChecker } from '../../shared/dictionary/validate-entry';
import { baseName } from '../../shared/dictionary/fields';
import type { AggregationRule, AllowEntry, BoundaryMode, ContextRule, DictionaryEntry, DictionarySet, TermEntry } from '../../shared/dictionary/types';
import type { Severity } from '../../shared/findings';
import type { ImportPreviewRow, ImportRowAction } from '../../shared/dictionary-api';
import type { DictionaryRow, TableRow } from '../../shared/dictionary/rows';
import type { NativeItem } from '../../shared/dictionary/native';

/** The rows are what the window shows (shared/dictionary-api.ts). */
export type ImportAction = ImportRowAction;
export type ImportRow = ImportPreviewRow;

export interface ImportPlan {
  readonly rows: readonly ImportRow[];
  readonly counts: Readonly<Record<ImportAction, number>>;
  /** The active set with every add and change row applied. */
  readonly result: DictionarySet;
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  id: '编号', type: '类型', term: '词条', pattern: '正则表达式', category: '类别', kind: '种类', severity: '严重程度', note: '说明',
  boundary: '词边界', validator: '校验器', severityByRole: '按角色的严重程度', context: '语境规则', standaloneOnly: '仅独占一行',
  headOnly: '仅文首', enabled: '启用状态', categories: '适用类别', before: '前置提示词', after: '后置提示词', assertion: '自指提示词',
  mentionByDefault: '默认视为提及', explanation: '解释', title: '标题', signals: '信号', minSignals: '最少信号数', blockScore: '禁止发布分值',
};

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

function describeChange(fields: readonly string[], before: Record<string, unknown>, after: Record<string, unknown>): string {
  return fields
    .map((f) => {
      const label = FIELD_LABELS[f] ?? f;
      if (f === 'severity') return `${label} ${String(before[f])} → ${String(after[f])}`;
      if (f === 'enabled') return after[f] === false ? '停用' : '重新启用';
      if (f === 'note') return `${label}改为「${String(after[f] ?? '')}」`;
      return `${label}已改`;
    })
    .join('；');
}

const termKey = (term: string, category: string) => `${normalizeTerm(term)}\u0000${category}`;

/** One line of the report: a table row, an item of a native element, or a native element that cannot be read. */
type Candidate = TableRow | (NativeItem & { readonly line: number }) | { readonly kind: 'native-error'; readonly line: number; readonly id?: string; readonly label: string; readonly error: string };

function candidatesOf(rows: readonly DictionaryRow[]): Candidate[] {
  return rows.flatMap((r): Candidate[] => {
    if (r.kind === 'table') return [r];
    if (r.error !== undefined) return [{ kind: 'native-error', line: r.line, id: r.id, label: r.label, error: r.error }];
    return r.items.map((x) => ({ ...x, line: r.line }));
  });
}

export function planImport(fileName: string, active: DictionarySet, fileRows: readonly DictionaryRow[]): ImportPlan {
  const candidates = candidatesOf(fileRows);
  const source = baseName(fileName);
  const entries = [...active.entries];
  const allow = [...active.allow];
  const contextRules = [...active.contextRules];
  const aggregationRules = [...active.aggregationRules];
  const fileAllow = candidates.flatMap((c) => (c.kind === 'allow' ? [c.item] : []));
  const fileRules = candidates.flatMap((c) => (c.kind === 'context-rule' ? [c.item] : []));
  // Field checks only: duplicates are what this plan decides, so the checker sees no entries.
  const check = createEntryChecker({ entries: [], allow: [...active.allow, ...fileAllow], contextRules: [...active.contextRules, ...fileRules] });
  const errorsOf = (draft: Parameters<typeof check>[0]) =>
    check(draft)
      .filter((p) => p.level === 'error')
      .map((p) => p.message)
      .join('；');

  const entryIndex = new Map(entries.map((e, i) => [e.id, i]));
  const termIndex = new Map<string, number>();
  entries.forEach((e, i) => e.type === 'term' && termIndex.set(termKey(e.term, e.category), i));
  const takenIds = new Set([...entries, ...allow, ...contextRules, ...aggregationRules].map((x) => x.id));
  const seenInFile = new Map<string, number>();
  const rows: ImportRow[] = [];

  const uniqueId = (wanted: string) => {
    let id = wanted;
    for (let n = 2; takenIds.has(id); n++) id = `${wanted}~${n}`;
    takenIds.add(id);
    return id;
  };

  /** Shared tail of every entry row: duplicate in the file, same as existing, changed, or new. */
  const placeEntry = (line: number, next: DictionaryEntry, existingAt: number | undefined, fileKey: string): Omit<ImportRow, 'line' | 'item' | 'term' | 'category' | 'severity'> => {
    const earlier = seenInFile.get(fileKey);
    if (earlier !== undefined) return { action: 'duplicate', reason: `与本文件第 ${earlier} 行重复` };
    seenInFile.set(fileKey, line);
    if (existingAt !== undefined) {
      const prev = entries[existingAt];
      const merged = { ...next, id: prev.id } as DictionaryEntry;
      const before = entryToNative(prev);
      const after = entryToNative(merged);
      const fields = changedFields(before, after);
      if (fields.length === 0) return { id: prev.id, action: 'duplicate', reason: `词库中已有相同条目「${prev.id}」` };
      entries[existingAt] = merged;
      return { id: prev.id, action: 'change', reason: `修改条目「${prev.id}」：${describeChange(fields, before, after)}` };
    }
    const id = takenIds.has(next.id) ? uniqueId(next.id) : (takenIds.add(next.id), next.id);
    const added = { ...next, id } as DictionaryEntry;
    entryIndex.set(id, entries.push(added) - 1);
    if (added.type === 'term') termIndex.set(termKey(added.term, added.category), entryIndex.get(id)!);
    return { id, action: 'add', reason: added.type === 'term' ? '新增词条' : '新增正则规则' };
  };

  const tableRow = (c: TableRow): ImportRow => {
    const shown = { line: c.line, item: 'entry' as const, term: c.term, category: c.category, severity: c.severity };
    if (c.error) return { ...shown, action: 'invalid', reason: c.error };
    const problems = errorsOf({ type: 'term', term: c.term, category: c.category, severity: c.severity, boundary: c.boundary });
    if (problems) return { ...shown, action: 'invalid', reason: problems };
    const key = termKey(c.term, c.category);
    const existingAt = termIndex.get(key);
    const prev = existingAt === undefined ? undefined : (entries[existingAt] as TermEntry);
    const next: TermEntry = {
      type: 'term',
      id: prev?.id ?? `${c.category}/${normalizeTerm(c.term)}`,
      term: prev?.term ?? c.term,
      category: c.category,
      kind: c.entryKind ?? prev?.kind,
      severity: c.severity as Severity,
      note: c.note || prev?.note || '',
      boundary: (c.boundary as BoundaryMode | undefined) ?? prev?.boundary ?? 'auto',
      severityByRole: prev?.severityByRole,
      context: prev?.context,
      enabled: true,
      source: prev?.source ?? source,
      line: prev?.line ?? c.line,
    };
    return { ...shown, ...placeEntry(c.line, next, existingAt, key) };
  };

  const nativeEntryRow = (c: Extract<Candidate, { kind: 'entry' }>): ImportRow => {
    const e = c.item;
    const shown = { line: c.line, item: 'entry' as const, term: e.type === 'term' ? e.term : e.pattern, category: e.category, severity: e.severity };
    const problems = errorsOf(e);
    if (problems) return { ...shown, action: 'invalid', reason: problems };
    const existingAt = entryIndex.get(e.id) ?? (e.type === 'term' ? termIndex.get(termKey(e.term, e.category)) : undefined);
    return { ...shown, ...placeEntry(c.line, e, existingAt, `id:${e.id}`) };
  };

  /** Allow entries and rules: matched by id (allow entries also by phrase and categories). */
  function byId<T extends { id: string }>(
    c: { line: number; item: T },
    list: T[],
    item: ImportRow['item'],
    toNative: (x: T) => Record<string, unknown>,
    shown: { term: string; category: string; severity: string },
    findTwin: (x: T) => number = () => -1,
  ): ImportRow {
    const base = { line: c.line, item, ...shown };
    const fileKey = `${item}:${c.item.id}`;
    const earlier = seenInFile.get(fileKey);
    if (earlier !== undefined) return { ...base, action: 'duplicate', reason: `与本文件第 ${earlier} 行重复` };
    seenInFile.set(fileKey, c.line);
    let at = list.findIndex((x) => x.id === c.item.id);
    if (at < 0) at = findTwin(c.item);
    if (at >= 0) {
      const next = { ...c.item, id: list[at].id };
      const before = toNative(list[at]);
      const after = toNative(next);
      const fields = changedFields(before, after);
      if (fields.length === 0) return { ...base, id: list[at].id, action: 'duplicate', reason: `词库中已有相同条目「${list[at].id}」` };
      list[at] = next;
      return { ...base, id: list[at].id, action: 'change', reason: `修改「${list[at].id}」：${describeChange(fields, before, after)}` };
    }
    const id = takenIds.has(c.item.id) ? uniqueId(c.item.id) : (takenIds.add(c.item.id), c.item.id);
    list.push({ ...c.item, id });
    return { ...base, id, action: 'add', reason: item === 'allow' ? '新增白名单' : item === 'context-rule' ? '新增语境规则' : '新增汇聚规则' };
  }

  for (const c of candidates) {
    if (c.kind === 'table') rows.push(tableRow(c));
    else if (c.kind === 'entry') rows.push(nativeEntryRow(c));
    else if (c.kind === 'allow') {
      const a = c.item;
      const cats = (x: AllowEntry) => [...x.categories].sort().join(',');
      rows.push(
        byId(c, allow, 'allow', allowToNative, { term: a.term, category: a.categories.join('、'), severity: '' }, (x) =>
          allow.findIndex((y) => normalizeTerm(y.term) === normalizeTerm(x.term) && cats(y) === cats(x)),
        ),
      );
    } else if (c.kind === 'context-rule') rows.push(byId<ContextRule>(c, contextRules, 'context-rule', contextRuleToNative, { term: c.item.id, category: '', severity: c.item.severity }));
    else if (c.kind === 'aggregation-rule') rows.push(byId<AggregationRule>(c, aggregationRules, 'aggregation-rule', aggregationRuleToNative, { term: c.item.title, category: '', severity: '' }));
    else rows.push({ line: c.line, item: 'entry', id: c.id, term: c.label, category: '', severity: '', action: 'invalid', reason: c.error });
  }

  const counts = { add: 0, change: 0, duplicate: 0, invalid: 0 };
  for (const r of rows) counts[r.action]++;
  return { rows, counts, result: { entries, allow, contextRules, aggregationRules, sources: active.sources } };
}
