// The native dictionary format (JSON), the one the starter set in dictionaries/ is written in:
// {
//   "format": "mishen-dictionary", "name": "…",
//   "entries": [ { "id", "type": "term"|"pattern", "term" | "terms" | "pattern", "category", "kind"?,
//                  "severity", "note", "boundary"?, "validator"?, "severityByRole"?, "context"?,
//                  "standaloneOnly"?, "headOnly"?, "enabled"? } ],
//   "allow": [ { "id", "term" | "terms", "categories"?, "note" } ],
//   "contextRules": [ { "id", "before", "after", "assertion"?, "mentionByDefault"?, "severity", "explanation" } ],
//   "aggregationRules": [ { "id", "title", "signals": [{ "label", "kinds", "min", "required"?, "weight"? }],
//                           "minSignals", "blockScore", "explanation" } ]
// }
// An entry with "terms" stands for one term entry per listed term (ids `id:1`, `id:2`, …).
// Each element of the lists is read on its own (readNativeElements), so that an import can report
// every bad element; parseNativeDictionary refuses the file at the first one.
import { baseName, parseBoundary, parseSeverity } from './fields';
import { elementLines, lineOfParseError } from './json-lines';
import { isSeverityRole, SEVERITY_ROLES } from './roles';
import {
  DictionaryError,
  type AggregationRule,
  type AllowEntry,
  type ContextRule,
  type DictionaryEntry,
  type DictionarySet,
  type SeverityByRole,
  type ValidatorName,
  VALIDATOR_NAMES,
} from './types';

type Json = Record<string, unknown>;

/** One item an element of a native file stands for (an entry with "terms" stands for several). */
export type NativeItem =
  | { readonly kind: 'entry'; readonly item: DictionaryEntry }
  | { readonly kind: 'allow'; readonly item: AllowEntry }
  | { readonly kind: 'context-rule'; readonly item: ContextRule }
  | { readonly kind: 'aggregation-rule'; readonly item: AggregationRule };

/** An element of one of the lists, read on its own: its items, or why it cannot be read. */
export interface NativeElement {
  readonly line: number;
  /** The element's "id", when it has one. */
  readonly id?: string;
  /** What the element is called, for a report: its term, pattern, title or id. */
  readonly label: string;
  readonly items: readonly NativeItem[];
  readonly error?: string;
}

const LISTS = [
  ['entries', 'entry'],
  ['allow', 'allow'],
  ['contextRules', 'context-rule'],
  ['aggregationRules', 'aggregation-rule'],
] as const;

/**
 * Every element of the file's lists, in order. What spoils the whole file (broken JSON, not this
 * format, a list that is not a list) is a DictionaryError; a bad element only carries its error.
 */
export function readNativeElements(file: string, text: string): NativeElement[] {
  let doc: Json;
  const body = text.replace(/^\uFEFF/, ''); // positions in parse errors count from after the BOM
  try {
    doc = JSON.parse(body) as Json;
  } catch (e) {
    throw new DictionaryError(file, lineOfParseError(body, e), `JSON 格式错误：${(e as Error).message}`);
  }
  if (!doc || typeof doc !== 'object' || doc.format !== 'mishen-dictionary') {
    throw new DictionaryError(file, 1, '不是本软件的词库文件：缺少 "format": "mishen-dictionary"');
  }
  const lines = elementLines(text);
  const source = baseName(file);
  const out: NativeElement[] = [];
  for (const [key, kind] of LISTS) {
    const list = doc[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw new DictionaryError(file, 1, `"${key}" 应为数组`);
    list.forEach((element: unknown, i: number) => {
      const line = lines.get(key)?.[i] ?? 1;
      const e = (element && typeof element === 'object' ? element : {}) as Json;
      const named = { line, ...(typeof e.id === 'string' ? { id: e.id } : {}), label: String(e.term ?? e.pattern ?? e.title ?? e.id ?? '') };
      try {
        out.push({ ...named, items: readElement(kind, e, file, source, line) });
      } catch (err) {
        if (!(err instanceof DictionaryError)) throw err;
        out.push({ ...named, items: [], error: err.reason });
      }
    });
  }
  return out;
}

function readElement(kind: (typeof LISTS)[number][1], e: Json, file: string, source: string, line: number): NativeItem[] {
  switch (kind) {
    case 'entry':
      return readEntry(e, file, source, line).map((item) => ({ kind, item }));
    case 'allow':
      return readAllow(e, file, source, line).map((item) => ({ kind, item }));
    case 'context-rule':
      return [{ kind, item: readContextRule(e, file, line) }];
    case 'aggregation-rule':
      return [{ kind, item: readAggregationRule(e, file, source, line) }];
  }
}

/** The whole file, refused at its first bad element or at an "id" used twice. */
export function parseNativeDictionary(file: string, text: string): DictionarySet {
  const set = { entries: [] as DictionaryEntry[], allow: [] as AllowEntry[], contextRules: [] as ContextRule[], aggregationRules: [] as AggregationRule[] };
  const ids = new Map<string, number>();
  for (const element of readNativeElements(file, text)) {
    if (element.error !== undefined) throw new DictionaryError(file, element.line, element.error);
    const id = element.id!; // an element without one has an error
    if (ids.has(id)) throw new DictionaryError(file, element.line, `"id" 为「${id}」的条目与第 ${ids.get(id)} 行重复`);
    ids.set(id, element.line);
    for (const x of element.items) {
      if (x.kind === 'entry') set.entries.push(x.item);
      else if (x.kind === 'allow') set.allow.push(x.item);
      else if (x.kind === 'context-rule') set.contextRules.push(x.item);
      else set.aggregationRules.push(x.item);
    }
  }
  return { ...set, sources: [file] };
}

function idOf(e: Json, file: string, line: number): string {
  if (typeof e.id !== 'string' || !e.id.trim()) throw new DictionaryError(file, line, '缺少 "id"');
  return e.id;
}

function text(v: unknown, what: string, file: string, line: number, required = true): string {
  if (v === undefined && !required) return '';
  if (typeof v !== 'string' || (required && !v.trim())) throw new DictionaryError(file, line, `缺少或无效的 "${what}"（应为非空文字）`);
  return v;
}

function termsOf(e: Json, file: string, line: number): string[] {
  if (Array.isArray(e.terms)) {
    const terms = e.terms.map((t) => text(t, 'terms', file, line));
    if (terms.length === 0) throw new DictionaryError(file, line, '"terms" 为空');
    return terms;
  }
  return [text(e.term, 'term', file, line)];
}

function readEntry(e: Json, file: string, source: string, line: number): DictionaryEntry[] {
  const id = idOf(e, file, line);
  const common = {
    category: text(e.category, 'category', file, line),
    kind: e.kind === undefined ? undefined : text(e.kind, 'kind', file, line),
    severity: parseSeverity(text(e.severity, 'severity', file, line), file, line),
    note: text(e.note, 'note', file, line, false),
    severityByRole: readSeverityByRole(e, file, line),
    context: e.context === undefined ? undefined : text(e.context, 'context', file, line),
    enabled: e.enabled === undefined ? true : e.enabled === true,
    source,
    line,
  };
  if (e.type === 'pattern') {
    const pattern = text(e.pattern, 'pattern', file, line);
    try {
      new RegExp(pattern, 'gu');
    } catch (err) {
      throw new DictionaryError(file, line, `正则表达式无法编译：${(err as Error).message}`);
    }
    if (new RegExp(pattern, 'u').test('')) throw new DictionaryError(file, line, `正则表达式「${pattern}」能匹配空文字，会到处命中`);
    let validator: ValidatorName | undefined;
    if (e.validator !== undefined) {
      if (!(VALIDATOR_NAMES as readonly unknown[]).includes(e.validator)) {
        throw new DictionaryError(file, line, `未知的校验器「${String(e.validator)}」，可用：${VALIDATOR_NAMES.join('、')}`);
      }
      validator = e.validator as ValidatorName;
    }
    return [{ ...common, type: 'pattern', id, pattern, validator, standaloneOnly: e.standaloneOnly === true, headOnly: e.headOnly === true }];
  }
  if (e.type !== 'term' && e.type !== undefined) throw new DictionaryError(file, line, `"type" 应为 term 或 pattern，实际为「${String(e.type)}」`);
  const boundary = parseBoundary(e.boundary === undefined ? undefined : text(e.boundary, 'boundary', file, line), file, line);
  const terms = termsOf(e, file, line);
  return terms.map((term, i) => ({ ...common, type: 'term' as const, id: Array.isArray(e.terms) ? `${id}:${i + 1}` : id, term, boundary }));
}

/**
 * "severityByRole", or "severityByPlace" as dictionaries written before roles named it (its keys
 * head, standalone, header, footer, running are roles too); both given are merged.
 */
function readSeverityByRole(e: Json, file: string, line: number): SeverityByRole | undefined {
  if (e.severityByRole === undefined && e.severityByPlace === undefined) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of ['severityByPlace', 'severityByRole'] as const) {
    const v = e[key];
    if (v === undefined) continue;
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new DictionaryError(file, line, `"${key}" 应为对象`);
    for (const [role, sev] of Object.entries(v as Json)) {
      if (!isSeverityRole(role)) {
        throw new DictionaryError(file, line, `"${key}" 中未知的角色「${role}」（可用 ${SEVERITY_ROLES.join('、')}）`);
      }
      out[role] = parseSeverity(String(sev), file, line);
    }
  }
  return out as SeverityByRole;
}

function readAllow(e: Json, file: string, source: string, line: number): AllowEntry[] {
  const id = idOf(e, file, line);
  const categories = e.categories === undefined ? [] : (e.categories as unknown[]).map((c) => text(c, 'categories', file, line));
  const note = text(e.note, 'note', file, line, false);
  return termsOf(e, file, line).map((term, i) => ({
    type: 'allow' as const,
    id: Array.isArray(e.terms) ? `${id}:${i + 1}` : id,
    term,
    categories,
    note,
    source,
    line,
  }));
}

function stringList(v: unknown, what: string, file: string, line: number): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new DictionaryError(file, line, `"${what}" 应为文字数组`);
  return v.map((s) => text(s, what, file, line));
}

function readContextRule(e: Json, file: string, line: number): ContextRule {
  return {
    id: idOf(e, file, line),
    before: stringList(e.before, 'before', file, line),
    after: stringList(e.after, 'after', file, line),
    assertion: stringList(e.assertion, 'assertion', file, line),
    mentionByDefault: e.mentionByDefault === true,
    severity: parseSeverity(text(e.severity, 'severity', file, line), file, line),
    explanation: text(e.explanation, 'explanation', file, line),
  };
}

function readAggregationRule(e: Json, file: string, source: string, line: number): AggregationRule {
  const id = idOf(e, file, line);
  if (!Array.isArray(e.signals) || e.signals.length === 0) throw new DictionaryError(file, line, `汇聚规则「${id}」缺少 "signals"`);
  const signals = (e.signals as Json[]).map((s) => {
    const min = Number(s.min);
    if (!Number.isInteger(min) || min < 1) throw new DictionaryError(file, line, `汇聚规则「${id}」的信号 "min" 应为正整数`);
    return {
      label: text(s.label, 'label', file, line),
      kinds: stringList(s.kinds, 'kinds', file, line),
      min,
      required: s.required === true,
      weight: s.weight === undefined ? 1 : Number(s.weight),
      ...(s.columns === undefined ? {} : { columns: readColumns(s.columns, id, file, line) }),
    };
  });
  const minSignals = Number(e.minSignals);
  if (!Number.isInteger(minSignals) || minSignals < 1 || minSignals > signals.length) {
    throw new DictionaryError(file, line, `汇聚规则「${id}」的 "minSignals" 应为 1 到 ${signals.length} 之间的整数`);
  }
  const blockScore = Number(e.blockScore);
  if (!Number.isFinite(blockScore) || blockScore <= 0) throw new DictionaryError(file, line, `汇聚规则「${id}」的 "blockScore" 应为正数`);
  return { id, title: text(e.title, 'title', file, line), signals, minSignals, blockScore, explanation: text(e.explanation, 'explanation', file, line), source };
}

function readColumns(v: unknown, rule: string, file: string, line: number): { header?: string; cell?: string } {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new DictionaryError(file, line, `汇聚规则「${rule}」的 "columns" 应为对象`);
  const out: { header?: string; cell?: string } = {};
  for (const key of ['header', 'cell'] as const) {
    const pattern = (v as Json)[key];
    if (pattern === undefined) continue;
    const source = text(pattern, `columns.${key}`, file, line);
    try {
      new RegExp(source, 'u');
    } catch (err) {
      throw new DictionaryError(file, line, `汇聚规则「${rule}」的 "columns.${key}" 正则表达式无法编译：${(err as Error).message}`);
    }
    out[key] = source;
  }
  return out;
}
