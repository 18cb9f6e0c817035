import { DOCUMENT_STATES, type DocumentState, type DocumentSummary } from '../../../../shared/records';
import type { MishenStore } from '../types';

function matchesSearch(d: DocumentSummary, search: string): boolean {
  const q = search.trim();
  return !q || `${d.title} ${d.docNumber} ${d.division} ${d.drafterName} ${d.latestVersion.fileName}`.includes(q);
}

/** Documents after search and division filter, before the state tab (so each tab can count). */
function filtered(s: MishenStore): DocumentSummary[] {
  return s.documents.filter((d) => matchesSearch(d, s.searchText) && (!s.divisionFilter || d.division === s.divisionFilter));
}

export const documentsSelectors = {
  allDocuments: (s: MishenStore) => s.documents,
  loading: (s: MishenStore) => s.documentsLoading,
  loaded: (s: MishenStore) => s.documentsLoaded,
  error: (s: MishenStore) => s.documentsError,
  stateFilter: (s: MishenStore) => s.stateFilter,
  searchText: (s: MishenStore) => s.searchText,
  divisionFilter: (s: MishenStore) => s.divisionFilter,
  visibleDocuments: (s: MishenStore) => filtered(s).filter((d) => d.state === s.stateFilter),
  countsByState: (s: MishenStore): Record<DocumentState, number> => {
    const counts = Object.fromEntries(DOCUMENT_STATES.map((st) => [st, 0])) as Record<DocumentState, number>;
    for (const d of filtered(s)) counts[d.state] += 1;
    return counts;
  },
  divisions: (s: MishenStore) => [...new Set(s.documents.map((d) => d.division))].sort((a, b) => a.localeCompare(b, 'zh-CN')),
};
