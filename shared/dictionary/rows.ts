// The one reader of dictionary files, row by row (see README "词库格式"):
//   .csv / Excel  a table with a header row: term,category,severity,note (or 词条,类别,严重程度,说明),
//                 optional boundary and kind (词边界, 种类), in any order; severities and categories
//                 by their code (block) or their Chinese name (禁止发布), as people write them in Excel
//   .txt          one term a line, `#` starts a comment; category `custom`, severity `review`
//   .json         the native format, element by element (./native.ts)
// What spoils the whole file (an unknown format, a wrong header, broken JSON) is a DictionaryError;
// a row that cannot be read is kept with its error. `mishen scan --dict` refuses the file at the
// first such row (./parse.ts); the import screen lists every row with what it would do.
import { CATEGORY_LABELS, SEVERITY_LABELS } from '../labels';
import { parseCsv } from './csv';
import { readNativeElements, type NativeElement } from './native';
import { DictionaryError } from './types';

/** A row of a table (CSV, Excel) or a line of a plain list, its fields as written. */
export interface TableRow {
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

export type NativeRow = NativeElement & { readonly kind: 'native' };

export type DictionaryRow = TableRow | NativeRow;

/** The extensions readDictionaryRows reads from text; Excel is a table too, read from its bytes (electron/dictionary/xlsx.ts). */
export const TEXT_DICTIONARY_FORMATS = ['.csv', '.txt', '.json'] as const;

export function isTextDictionaryFile(fileName: string): boolean {
  return TEXT_DICTIONARY_FORMATS.some((ext) => fileName.toLowerCase().endsWith(ext));
}

/** Every row of a .csv, .txt or .json dictionary file. */
export function readDictionaryRows(fileName: string, text: string): DictionaryRow[] {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.json')) return readNativeElements(fileName, text).map((e) => ({ ...e, kind: 'native' as const }));
  const body = text.replace(/^\uFEFF/, '');
  if (lower.endsWith('.txt')) return readPlainRows(body);
  if (lower.endsWith('.csv')) {
    const [head, ...rows] = parseCsv(body);
    if (!head) throw new DictionaryError(fileName, 1, '文件为空，缺少表头 term,category,severity,note');
    return readTableRows(fileName, head.fields, head.line, rows, { padShortRows: false });
  }
  throw new DictionaryError(fileName, 0, '不支持的词库格式：应为 .csv、.txt 或 .json（本软件词库格式）');
}

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

/** block/review/info in any case, or their Chinese names (禁止发布 …). */
function severityOf(value: string): string {
  const v = value.trim();
  return SEVERITY_BY_LABEL.get(v) ?? v.toLowerCase();
}

function categoryOf(value: string): string {
  const v = value.trim();
  return CATEGORY_BY_LABEL.get(v) ?? v;
}

/**
 * The rows of a table under its header. `padShortRows`: Excel leaves trailing empty cells out, so
 * a short row is padded; in a CSV a row with the wrong count of fields is a broken row.
 */
export function readTableRows(
  fileName: string,
  header: readonly string[],
  headerLine: number,
  rows: readonly { readonly line: number; readonly fields: readonly string[] }[],
  { padShortRows }: { readonly padShortRows: boolean },
): TableRow[] {
  const columns = header.map((h) => COLUMN_NAMES[h.trim().toLowerCase()] ?? COLUMN_NAMES[h.trim()]);
  const missing = REQUIRED.filter((name) => !columns.includes(name));
  const unknown = header.filter((h, i) => h.trim() && !columns[i]);
  if (missing.length > 0 || unknown.length > 0) {
    throw new DictionaryError(
      fileName,
      headerLine,
      `表头应为 term,category,severity,note（或 词条,类别,严重程度,说明），可选 boundary、kind；实际为「${header.join(',')}」${unknown.length > 0 ? `，未知的列：${unknown.join('、')}` : ''}`,
    );
  }
  return rows.map(({ line, fields }) => {
    const cells = padShortRows ? [...fields, ...Array<string>(Math.max(0, header.length - fields.length)).fill('')] : fields;
    const at = (name: string) => (cells[columns.indexOf(name)] ?? '').trim();
    const base = { kind: 'table' as const, line, term: at('term'), category: categoryOf(at('category')), severity: severityOf(at('severity')), note: at('note') };
    if (cells.length !== header.length) return { ...base, error: `应有 ${header.length} 列，实际 ${cells.length} 列（含逗号的内容请用英文双引号括起）` };
    return { ...base, boundary: at('boundary') || undefined, entryKind: at('kind') || undefined };
  });
}

function readPlainRows(text: string): TableRow[] {
  return text.split(/\r?\n/).flatMap((raw, i) => {
    const term = raw.replace(/#.*$/, '').trim();
    return term ? [{ kind: 'table' as const, line: i + 1, term, category: 'custom', severity: 'review', note: '' }] : [];
  });
}
