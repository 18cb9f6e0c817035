import type { DictionaryVersionInfo } from '../../../../shared/dictionary-api';
import { applyAllowEdits, type AllowEdit, type NewAllowEntry } from '../../../../shared/dictionary/edit-allow';
import { applyEntryEdits, type EntryEdit, type NewEntry } from '../../../../shared/dictionary/edit-entries';
import { call, errorMessage } from '../../api';
import type { SliceActions } from '../types';
import type { DictionaryState, EntryFilters } from './initialState';

export interface DictionaryAction {
  loadDictionary: () => Promise<void>;
  /** `entry.id` must be set (the editor picks a free one) so the row can be marked as unsaved. */
  addEntry: (entry: NewEntry & { id: string }) => void;
  updateEntry: (id: string, change: Extract<EntryEdit, { op: 'update' }>['change']) => void;
  setEntryEnabled: (id: string, enabled: boolean) => void;
  addAllow: (allow: NewAllowEntry & { id: string }) => void;
  removeAllow: (id: string) => void;
  discardDictionaryChanges: () => void;
  /** Saves the unsaved changes as one version; resolves to it, or throws the service's refusal. */
  saveDictionary: (note: string) => Promise<DictionaryVersionInfo>;
  setEntryFilters: (change: Partial<EntryFilters>) => void;
  /** After a change made elsewhere (import, rollback, package, proposal): reload the active version. */
  dictionaryChanged: () => Promise<void>;
}

type Pending = Pick<DictionaryState, 'pendingEntries' | 'pendingAllow' | 'dictBase' | 'touchedIds'>;

/** The base with the unsaved changes applied; recomputed only when a change is made. */
function withDraft(s: Pending, entries: readonly EntryEdit[], allow: readonly AllowEdit[], touched: string): Partial<DictionaryState> {
  if (!s.dictBase) return {};
  const draftSet = applyAllowEdits(applyEntryEdits(s.dictBase.set, entries), allow);
  return { pendingEntries: entries, pendingAllow: allow, draftSet, touchedIds: new Set([...s.touchedIds, touched]) };
}

export const createDictionaryActions: SliceActions<DictionaryAction> = (set, get) => ({
  loadDictionary: async () => {
    set({ dictLoading: true, dictError: undefined });
    try {
      const base = await call('dictionary/active');
      set({ dictBase: base, draftSet: base.set, pendingEntries: [], pendingAllow: [], touchedIds: new Set(), dictLoading: false });
    } catch (error) {
      set({ dictLoading: false, dictError: errorMessage(error) });
    }
  },

  addEntry: (entry) => {
    const s = get();
    set(withDraft(s, [...s.pendingEntries, { op: 'add', entry }], s.pendingAllow, entry.id));
  },
  updateEntry: (id, change) => {
    const s = get();
    set(withDraft(s, [...s.pendingEntries, { op: 'update', id, change }], s.pendingAllow, id));
  },
  setEntryEnabled: (id, enabled) => {
    const s = get();
    set(withDraft(s, [...s.pendingEntries, { op: enabled ? 'enable' : 'disable', id }], s.pendingAllow, id));
  },
  addAllow: (allow) => {
    const s = get();
    set(withDraft(s, s.pendingEntries, [...s.pendingAllow, { op: 'add', allow }], allow.id));
  },
  removeAllow: (id) => {
    const s = get();
    set(withDraft(s, s.pendingEntries, [...s.pendingAllow, { op: 'remove', id }], id));
  },

  discardDictionaryChanges: () => {
    const base = get().dictBase;
    set({ pendingEntries: [], pendingAllow: [], touchedIds: new Set(), draftSet: base?.set });
  },

  saveDictionary: async (note) => {
    const s = get();
    if (!s.dictBase) throw new Error('词库尚未载入。');
    set({ dictSaving: true });
    try {
      const version = await call('dictionary/apply-edits', { entries: s.pendingEntries, allow: s.pendingAllow }, note, s.dictBase.number);
      set({ dictSaving: false, dictRevision: s.dictRevision + 1 });
      await get().loadDictionary();
      return version;
    } catch (error) {
      set({ dictSaving: false });
      throw new Error(errorMessage(error));
    }
  },

  setEntryFilters: (change) => set({ entryFilters: { ...get().entryFilters, ...change } }),

  dictionaryChanged: async () => {
    set({ dictRevision: get().dictRevision + 1 });
    await get().loadDictionary();
  },
});
