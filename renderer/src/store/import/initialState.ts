import type { Verdict } from '../../../../shared/findings';

export type ImportStatus = 'waiting' | 'reviewing' | 'done' | 'failed';

export interface ImportItem {
  readonly key: string;
  readonly name: string;
  readonly size: number;
  readonly status: ImportStatus;
  readonly verdict?: Verdict;
  readonly documentId?: string;
  /** Why it failed, in Chinese (from the service or from reading the file). */
  readonly message?: string;
}

export interface ImportState {
  readonly importItems: readonly ImportItem[];
  readonly importing: boolean;
}

export const importInitialState: ImportState = {
  importItems: [],
  importing: false,
};
