// The review of one file, as the CLI prints it in JSON and the window shows it
// (contract: ../shared/corpus/README.md beside the project).
import type { DocumentFormat, ReadError } from './document-model';
import type { Finding, ReportWarning, Verdict } from './findings';

/** A dictionary a scan used, by name and the SHA-256 of its canonical content. */
export interface DictionaryListRef {
  readonly name: string;
  readonly hash: string;
}

export interface FileReport {
  readonly file: string;
  readonly sha256: string;
  readonly format: DocumentFormat | 'unknown';
  /** An unreadable file is never 'pass': it is reported with `error` and verdict 'review'. */
  readonly verdict: Verdict;
  readonly findings: readonly Finding[];
  readonly warnings: readonly ReportWarning[];
  readonly error?: ReadError;
  /**
   * Which dictionaries the scan used, for the record: the canonical hash of the base set (the
   * database's dictionary version, or the starter set), and each of the user's --dict lists on top.
   */
  readonly dictionaryHash?: string;
  readonly dictionaryLists?: readonly DictionaryListRef[];
  readonly engineVersion?: string;
  readonly elapsedMs?: number;
}

/** 0 when every file passes, 2 when any could not be read, 1 otherwise. */
export function exitCodeOf(reports: readonly FileReport[]): number {
  if (reports.some((r) => r.error)) return 2;
  return reports.every((r) => r.verdict === 'pass') ? 0 : 1;
}
