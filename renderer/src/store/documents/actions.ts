import type { DocumentState } from '../../../../shared/records';
import { call, errorMessage } from '../../api';
import type { SliceActions } from '../types';

export interface DocumentsAction {
  loadDocuments: () => Promise<void>;
  setStateFilter: (state: DocumentState) => void;
  setSearchText: (text: string) => void;
  setDivisionFilter: (division: string) => void;
}

export const createDocumentsActions: SliceActions<DocumentsAction> = (set) => ({
  loadDocuments: async () => {
    set({ documentsLoading: true, documentsError: undefined });
    try {
      // All states at once: the tabs show a count for each, and filtering is instant.
      const documents = await call('documents/list', {});
      set({ documents, documentsLoading: false, documentsLoaded: true });
    } catch (error) {
      set({ documentsLoading: false, documentsError: errorMessage(error) });
    }
  },
  setStateFilter: (stateFilter) => set({ stateFilter }),
  setSearchText: (searchText) => set({ searchText }),
  setDivisionFilter: (divisionFilter) => set({ divisionFilter }),
});
