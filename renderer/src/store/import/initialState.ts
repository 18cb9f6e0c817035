import type { ImportOptions, ImportProgress } from '../../../../shared/api-contract';
import type { Verdict } from '../../../../shared/findings';

export type ImportStatus = 'waiting' | 'reviewing' | 'done' | 'failed';

export interface ImportItem {
  readonly key: string;
  readonly name: string;
  readonly size: number;
  readonly status: ImportStatus;
  /** What the user gave at import: 标题, 文号, 拟公开方式. */
  readonly title: string;
  /** How far the scan has got, while it runs. */
  readonly progress?: ImportProgress;
  readonly verdict?: Verdict;
  readonly documentId?: string;
  /** Why it failed, in Chinese (from the service or from reading the file). */
  readonly message?: string;
}

/** One file to import and what it is to be recorded as. */
export interface ImportRequest {
  readonly file: File;
  readonly options: Omit<ImportOptions, 'progressToken' | 'documentId'>;
}

export interface ImportState {
  readonly importItems: readonly ImportItem[];
  readonly importing: boolean;
}

export const importInitialState: ImportState = {
  importItems: [],
  importing: false,
};
