// The field values every dictionary format shares: a severity, a word-boundary mode, a file's base
// name (an entry's `source`). Refusals are DictionaryErrors naming the file and the line.
import { SEVERITIES, type Severity } from '../findings';
import { BOUNDARY_MODES, DictionaryError, type BoundaryMode } from './types';

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

export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
