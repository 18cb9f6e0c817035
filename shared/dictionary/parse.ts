// Reads a dictionary file given with `mishen scan --dict`: the rows as the one row reader reads
// them (./rows.ts, the same the import screen uses), refused at the first row that cannot become an
// entry, with the same field checks the import and a save apply (./validate-entry.ts). Every
// problem is a DictionaryError naming the file and the line: nothing is skipped silently.
import { baseName, parseBoundary } from './fields';
import { parseNativeDictionary } from './native';
import { readDictionaryRows, type TableRow } from './rows';
import { DictionaryError, type DictionarySet, type TermEntry } from './types';
import { createEntryChecker } from './validate-entry';
import { normalizeTerm } from '../text/normalize';
import type { Severity } from '../findings';

export function parseDictionary(fileName: string, text: string): DictionarySet {
  // A native file is refused element by element, and by its ids, in parseNativeDictionary.
  if (fileName.toLowerCase().endsWith('.json')) return parseNativeDictionary(fileName, text);
  const rows = readDictionaryRows(fileName, text) as TableRow[];
  return { entries: termEntries(fileName, rows), allow: [], contextRules: [], aggregationRules: [], sources: [fileName] };
}

function termEntries(file: string, rows: readonly TableRow[]): TermEntry[] {
  const check = createEntryChecker({ entries: [], allow: [] });
  const source = baseName(file);
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const { line, term, category } = row;
    if (row.error) throw new DictionaryError(file, line, row.error);
    const problem = check({ type: 'term', term, category, severity: row.severity, boundary: row.boundary }).find((p) => p.level === 'error');
    if (problem) throw new DictionaryError(file, line, term ? `词条「${term}」：${problem.message}` : problem.message);
    const key = `${normalizeTerm(term)}\u0000${category}`;
    if (seen.has(key)) throw new DictionaryError(file, line, `词条「${term}」（${category}）与第 ${seen.get(key)} 行重复`);
    seen.set(key, line);
    return {
      type: 'term',
      id: `${source}:${line}`,
      term,
      category,
      kind: row.entryKind,
      severity: row.severity as Severity,
      note: row.note,
      boundary: parseBoundary(row.boundary, file, line),
      source,
      line,
    } satisfies TermEntry;
  });
}
