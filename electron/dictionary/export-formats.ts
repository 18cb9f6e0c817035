// Writes a dictionary set for people and other tools: CSV, plain text and Excel carry the enabled
// term entries (what those formats can say); the native JSON carries everything. What a format
// leaves out is counted, so the caller can say so rather than lose it silently.
import { toNativeJson } from '../../shared/dictionary/serialize';
import type { DictionaryExportFormat } from '../../shared/dictionary-api';
import type { DictionarySet, TermEntry } from '../../shared/dictionary/types';
import { writeSheet } from './xlsx';


/** What an exported version is called (inside the file, and in its suggested name). */
export function versionTitle(number: number): string {
  return `密审词库第${number}版`;
}

export interface ExportedDictionary {
  readonly bytes: Buffer;
  /** Patterns, disabled entries, allow entries and rules the format cannot carry. */
  readonly omitted: number;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export async function exportDictionary(set: DictionarySet, format: DictionaryExportFormat, name?: string): Promise<ExportedDictionary> {
  if (format === 'json') return { bytes: Buffer.from(toNativeJson(set, name), 'utf8'), omitted: 0 };
  const terms = set.entries.filter((e): e is TermEntry => e.type === 'term' && e.enabled !== false);
  const omitted = set.entries.length - terms.length + set.allow.length + set.contextRules.length + set.aggregationRules.length;
  const rows = terms.map((t) => [t.term, t.category, t.severity, t.note, t.boundary, t.kind ?? '']);
  if (format === 'csv') {
    const lines = [['term', 'category', 'severity', 'note', 'boundary', 'kind'], ...rows].map((r) => r.map(csvField).join(','));
    // A BOM so that Excel on Chinese Windows opens it as UTF-8 rather than GBK.
    return { bytes: Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8'), omitted };
  }
  if (format === 'txt') {
    const unique = [...new Set(terms.map((t) => t.term))];
    return { bytes: Buffer.from(['# 密审词库导出：每行一个词条', ...unique].join('\n') + '\n', 'utf8'), omitted: omitted + terms.length - unique.length };
  }
  return { bytes: await writeSheet(['词条', '类别', '严重程度', '说明', '词边界', '种类'], rows), omitted };
}
