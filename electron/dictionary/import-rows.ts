// Reads a file brought for import into candidate items, one per row or native element, each
// with the line (or Excel row) it came from. A row that cannot be read is kept with its error,
// so that the report shows every row: nothing is skipped silently. File-level problems (unknown
// format, wrong header, broken JSON) are a ServiceError.
import { parseCsv } from '../../shared/dictionary/csv';
import { elementLines, lineOfParseError } from '../../shared/dictionary/json-lines';
import { parseNativeDictionary } from '../../shared/dictionary/native';
import { baseName } from '../../shared/dictionary/parse';
import type { AggregationRule, AllowEntry, ContextRule, DictionaryEntry } from '../../shared/dictionary/types';
import { CATEGORY_LABELS, SEVERITY_LABELS } from '../../shared/labels';
import { ServiceError } from '../../shared/records';
import { readFirstSheet } from './xlsx';

/** A row of a table (CSV, Excel) or a line of a plain list, its fields as written. */
export interface TableCandidate {
  readonly kind: 'table';
  readonly line: number;
  readonly term: string;
  readonly category: string;
  readonly severity: string;
  readonly note: string;
  readonly boundary?: string;
  readonly entryKind?: string;
  /** The row could not be read at all (wrong number of columns). */
  readonly error?: string;
}

/** An element of a native file, parsed by the native reader (or its error). */
export type NativeCandidate =
  | { readonly kind: 'entry'; readonly line: number; readonly item: DictionaryEntry }
  | { readonly kind: 'allow'; readonly line: number; readonly item: AllowEntry }
  | { readonly kind: 'context-rule'; readonly line: number; readonly item: ContextRule }
  | { readonly kind: 'aggregation-rule'; readonly line: number; readonly item: AggregationRule }
  | { readonly kind: 'native-error'; readonly line: number; readonly id?: string; readonly label: string; readonly error: string };

export type ImportCandidate = TableCandidate | NativeCandidate;

const COLUMN_NAMES: Readonly<Record<string, string>> = {
  term: 'term', 词条: 'term', 词语: 'term',
  category: 'category', 类别: 'category',
  severity: 'severity', 严重程度: 'severity',
  note: 'note', 说明: 'note', 备注: 'note',
  boundary: 'boundary', 词边界: 'boundary',
  kind: 'kind', 种类: 'kind',
};
const REQUIRED = ['term', 'category', 'severity', 'note'];

const SEVERITY_BY_LABEL = new Map(Object.entries(SEVERITY_LABELS).map(([k, v]) => [v, k]));
const CATEGORY_BY_LABEL = new Map(Object.entries(CATEGORY_LABELS).map(([k, v]) => [v, k]));

/** block/review/info in any case, or their Chinese names (禁止发布 …), as written in Excel. */
function severityOf(value: string): string {
  const v = value.trim();
  return SEVERITY_BY_LABEL.get(v) ?? v.toLowerCase();
}

function categoryOf(value: string): string {
  const v = value.trim();
  return CATEGORY_BY_LABEL.get(v) ?? v;
}

export async function readImportFile(fileName: string, bytes: Uint8Array): Promise<ImportCandidate[]> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) {
    const sheet = await readFirstSheet(bytes, fileName);
    return tableRows(fileName, sheet.header, sheet.headerLine, sheet.rows.map((r) => ({ line: r.line, fields: [...r.cells] })), true);
  }
  const text = Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, '');
  if (lower.endsWith('.csv')) {
    const [head, ...rows] = parseCsv(text);
    if (!head) throw new ServiceError('invalid', `文件「${baseName(fileName)}」为空，缺少表头 term,category,severity,note`);
    return tableRows(fileName, head.fields, head.line, rows, false);
  }
  if (lower.endsWith('.txt')) return plainRows(text);
  if (lower.endsWith('.json')) return nativeRows(fileName, text);
  throw new ServiceError('invalid', `不支持的导入格式「${baseName(fileName)}」：应为 .csv、.txt、.xlsx 或 .json（本软件词库格式）`);
}

function tableRows(fileName: string, header: readonly string[], headerLine: number, rows: { line: number; fields: string[] }[], padShortRows: boolean): TableCandidate[] {
  const columns = header.map((h) => COLUMN_NAMES[h.trim().toLowerCase()] ?? COLUMN_NAMES[h.trim()]);
  const missing = REQUIRED.filter((name) => !columns.includes(name));
  const unknown = header.filter((h, i) => h.trim() && !columns[i]);
  if (missing.length > 0 || unknown.length > 0) {
    throw new ServiceError(
      'invalid',
      `「${baseName(fileName)}」第 ${headerLine} 行表头应为 term,category,severity,note（或 词条,类别,严重程度,说明），可选 boundary、kind；实际为「${header.join(',')}」`,
    );
  }
  return rows.map(({ line, fields }) => {
    // Excel leaves trailing empty cells out; a CSV row with the wrong count is a broken row.
    const cells = padShortRows ? [...fields, ...Array(Math.max(0, header.length - fields.length)).fill('')] : fields;
    const at = (name: string) => (cells[columns.indexOf(name)] ?? '').trim();
    const base = { kind: 'table' as const, line, term: at('term'), category: categoryOf(at('category')), severity: severityOf(at('severity')), note: at('note') };
    if (cells.length !== header.length) return { ...base, error: `应有 ${header.length} 列，实际 ${cells.length} 列（含逗号的内容请用英文双引号括起）` };
    return { ...base, boundary: at('boundary') || undefined, entryKind: at('kind') || undefined };
  });
}

function plainRows(text: string): TableCandidate[] {
  return text.split(/\r?\n/).flatMap((raw, i) => {
    const term = raw.replace(/#.*$/, '').trim();
    return term ? [{ kind: 'table' as const, line: i + 1, term, category: 'custom', severity: 'review', note: '' }] : [];
  });
}

const NATIVE_LISTS = [
  ['entries', 'entry'],
  ['allow', 'allow'],
  ['contextRules', 'context-rule'],
  ['aggregationRules', 'aggregation-rule'],
] as const;

/** Each element is read by the native reader on its own, so one bad element does not hide the rest. */
function nativeRows(fileName: string, text: string): NativeCandidate[] {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new ServiceError('invalid', `「${baseName(fileName)}」第 ${lineOfParseError(text, e)} 行：JSON 格式错误：${(e as Error).message}`);
  }
  if (!doc || doc.format !== 'mishen-dictionary') throw new ServiceError('invalid', `「${baseName(fileName)}」不是本软件的词库文件：缺少 "format": "mishen-dictionary"`);
  const lines = elementLines(text);
  const out: NativeCandidate[] = [];
  for (const [key, kind] of NATIVE_LISTS) {
    const list = doc[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw new ServiceError('invalid', `「${baseName(fileName)}」中 "${key}" 应为数组`);
    list.forEach((element: unknown, i: number) => {
      const line = lines.get(key)?.[i] ?? 1;
      const e = (element ?? {}) as Record<string, unknown>;
      const label = String(e.term ?? e.pattern ?? e.title ?? e.id ?? '');
      try {
        const set = parseNativeDictionary(fileName, JSON.stringify({ format: 'mishen-dictionary', [key]: [element] }));
        const items = kind === 'entry' ? set.entries : kind === 'allow' ? set.allow : kind === 'context-rule' ? set.contextRules : set.aggregationRules;
        for (const item of items) out.push({ kind, line, item: { ...item, ...('line' in item ? { line, source: baseName(fileName) } : {}) } } as NativeCandidate);
      } catch (err) {
        out.push({ kind: 'native-error', line, id: typeof e.id === 'string' ? e.id : undefined, label, error: (err as { reason?: string }).reason ?? (err as Error).message });
      }
    });
  }
  return out;
}
