// The review of one file, as the CLI prints it in JSON and the window shows it
// (contract: ../shared/corpus/README.md beside the project).
import type { DocumentFormat, ReadError } from './document-model';
import type { Finding, ReportWarning, Verdict } from './findings';

export interface FileReport {
  readonly file: string;
  readonly sha256: string;
  readonly format: DocumentFormat | 'unknown';
  /** An unreadable file is never 'pass': it is reported with `error` and verdict 'review'. */
  readonly verdict: Verdict;
  readonly findings: readonly Finding[];
  readonly warnings: readonly ReportWarning[];
  readonly error?: ReadError;
  /** Which dictionaries the scan used, and the engine version, for the record. */
  readonly dictionaryHash?: string;
  readonly engineVersion?: string;
  readonly elapsedMs?: number;
}

/** 0 when every file passes, 2 when any could not be read, 1 otherwise. */
export function exitCodeOf(reports: readonly FileReport[]): number {
  if (reports.some((r) => r.error)) return 2;
  return reports.every((r) => r.verdict === 'pass') ? 0 : 1;
}
