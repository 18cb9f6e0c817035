import type { DictionaryVersionContent } from '../../../../shared/dictionary-api';
import type { AllowEdit } from '../../../../shared/dictionary/edit-allow';
import type { EntryEdit } from '../../../../shared/dictionary/edit-entries';
import type { DictionarySet } from '../../../../shared/dictionary/types';
import type { Severity } from '../../../../shared/findings';

export interface EntryFilters {
  readonly search: string;
  /** '' means every category. */
  readonly category: string;
  readonly severity: Severity | '';
  /** '' means every source file (starter dictionaries, imports, 手工录入). */
  readonly source: string;
  readonly status: 'all' | 'enabled' | 'disabled' | 'changed';
}

export interface DictionaryState {
  /** The active version as last loaded: what the unsaved changes are made on. */
  readonly dictBase?: DictionaryVersionContent;
  readonly dictLoading: boolean;
  readonly dictError?: string;
  /** Unsaved changes, in order; the draft set is the base with them applied. */
  readonly pendingEntries: readonly EntryEdit[];
  readonly pendingAllow: readonly AllowEdit[];
  /** Kept in state (not derived in a selector) so 100,000 entries are not re-applied on every render. */
  readonly draftSet?: DictionarySet;
  /** Ids of entries and allow entries touched by an unsaved change. */
  readonly touchedIds: ReadonlySet<string>;
  readonly entryFilters: EntryFilters;
  readonly dictSaving: boolean;
  /** Bumped after every save, import, rollback or accepted package, so panels reload their lists. */
  readonly dictRevision: number;
}

export const dictionaryInitialState: DictionaryState = {
  dictBase: undefined,
  dictLoading: false,
  dictError: undefined,
  pendingEntries: [],
  pendingAllow: [],
  draftSet: undefined,
  touchedIds: new Set(),
  entryFilters: { search: '', category: '', severity: '', source: '', status: 'all' },
  dictSaving: false,
  dictRevision: 0,
};
