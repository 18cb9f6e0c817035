import type { MishenStore } from '../types';

export const dictionarySelectors = {
  base: (s: MishenStore) => s.dictBase,
  draftSet: (s: MishenStore) => s.draftSet,
  loading: (s: MishenStore) => s.dictLoading,
  error: (s: MishenStore) => s.dictError,
  saving: (s: MishenStore) => s.dictSaving,
  filters: (s: MishenStore) => s.entryFilters,
  touchedIds: (s: MishenStore) => s.touchedIds,
  revision: (s: MishenStore) => s.dictRevision,
  pendingCount: (s: MishenStore) => s.pendingEntries.length + s.pendingAllow.length,
  hasUnsavedChanges: (s: MishenStore) => s.pendingEntries.length + s.pendingAllow.length > 0,
};
