import type { DocumentState, DocumentSummary } from '../../../../shared/records';

export interface DocumentsState {
  readonly documents: readonly DocumentSummary[];
  readonly documentsLoading: boolean;
  readonly documentsLoaded: boolean;
  readonly documentsError?: string;
  readonly stateFilter: DocumentState;
  readonly searchText: string;
  /** '' means every division. */
  readonly divisionFilter: string;
}

export const documentsInitialState: DocumentsState = {
  documents: [],
  documentsLoading: false,
  documentsLoaded: false,
  documentsError: undefined,
  stateFilter: '待自查',
  searchText: '',
  divisionFilter: '',
};
