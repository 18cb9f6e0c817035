// Reads a dictionary file's text in one of three formats (see README "词库格式"):
//   .csv   header `term,category,severity,note` (optional further columns: boundary, kind)
//   .txt   one term a line, `#` starts a comment; category `custom`, severity `review`
//   .json  the native format: { "format": "mishen-dictionary", entries, allow, contextRules, aggregationRules }
// Every problem is a DictionaryError naming the file and the line: nothing is skipped silently.
import type { Severity } from '../findings';
import { parseCsv } from './csv';
import { parseNativeDictionary } from './native';
import { DictionaryError, type DictionarySet, type TermEntry, type BoundaryMode } from './types';

export const SEVERITIES: readonly Severity[] = ['block', 'review', 'info'];
export const BOUNDARY_MODES: readonly BoundaryMode[] = ['auto', 'word', 'none'];

export function parseDictionary(fileName: string, text: string): DictionarySet {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return setOf(fileName, { entries: parseCsvDictionary(fileName, text) });
  if (lower.endsWith('.txt')) return setOf(fileName, { entries: parsePlainDictionary(fileName, text) });
  if (lower.endsWith('.json')) return parseNativeDictionary(fileName, text);
  throw new DictionaryError(fileName, 0, '不支持的词库格式：应为 .csv、.txt 或 .json（本软件词库格式）');
}

function setOf(fileName: string, part: Partial<DictionarySet>): DictionarySet {
  return {
    entries: part.entries ?? [],
    allow: part.allow ?? [],
    contextRules: part.contextRules ?? [],
    aggregationRules: part.aggregationRules ?? [],
    sources: [fileName],
  };
}

export function parseSeverity(value: string, file: string, line: number): Severity {
  const v = value.trim().toLowerCase();
  if ((SEVERITIES as readonly string[]).includes(v)) return v as Severity;
  throw new DictionaryError(file, line, `严重程度「${value}」无效，应为 block、review 或 info`);
}

export function parseBoundary(value: string | undefined, file: string, line: number): BoundaryMode {
  const v = (value ?? '').trim().toLowerCase() || 'auto';
  if ((BOUNDARY_MODES as readonly string[]).includes(v)) return v as BoundaryMode;
  throw new DictionaryError(file, line, `词边界模式「${value}」无效，应为 auto、word 或 none`);
}

const CSV_HEADER = ['term', 'category', 'severity', 'note'];

function parseCsvDictionary(file: string, text: string): TermEntry[] {
  const records = parseCsv(text);
  if (records.length === 0) throw new DictionaryError(file, 1, '文件为空，缺少表头 term,category,severity,note');
  const header = records[0].fields.map((f) => f.trim().toLowerCase());
  if (CSV_HEADER.some((name, i) => header[i] !== name)) {
    throw new DictionaryError(file, records[0].line, `表头应为 term,category,severity,note，实际为「${records[0].fields.join(',')}」`);
  }
  const extra = header.slice(CSV_HEADER.length);
  for (const name of extra) {
    if (name !== 'boundary' && name !== 'kind') throw new DictionaryError(file, records[0].line, `未知的列「${name}」（可选列只有 boundary、kind）`);
  }
  const seen = new Map<string, number>();
  return records.slice(1).map(({ line, fields }) => {
    if (fields.length !== header.length) {
      throw new DictionaryError(file, line, `应有 ${header.length} 列，实际 ${fields.length} 列（含逗号的内容请用英文双引号括起）`);
    }
    const [term, category, severity, note] = fields.map((f) => f.trim());
    const column = (name: string) => fields[header.indexOf(name)]?.trim();
    if (!term) throw new DictionaryError(file, line, '词条为空');
    if (!category) throw new DictionaryError(file, line, `词条「${term}」缺少类别（category）`);
    const key = `${term}\u0000${category}`;
    if (seen.has(key)) throw new DictionaryError(file, line, `词条「${term}」（${category}）与第 ${seen.get(key)} 行重复`);
    seen.set(key, line);
    return {
      type: 'term',
      id: `${baseName(file)}:${line}`,
      term,
      category,
      kind: column('kind') || undefined,
      severity: parseSeverity(severity, file, line),
      note,
      boundary: parseBoundary(column('boundary'), file, line),
      source: baseName(file),
      line,
    } satisfies TermEntry;
  });
}

function parsePlainDictionary(file: string, text: string): TermEntry[] {
  const entries: TermEntry[] = [];
  const seen = new Map<string, number>();
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = i + 1;
      const term = raw.replace(/#.*$/, '').trim();
      if (!term) return;
      if (seen.has(term)) throw new DictionaryError(file, line, `词条「${term}」与第 ${seen.get(term)} 行重复`);
      seen.set(term, line);
      entries.push({
        type: 'term',
        id: `${baseName(file)}:${line}`,
        term,
        category: 'custom',
        severity: 'review',
        note: '',
        boundary: 'auto',
        source: baseName(file),
        line,
      });
    });
  return entries;
}

export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
