import type { StoredFinding } from '../../../../shared/records';
import { mayDispose, maySetPublication, mayUploadRevision, openBlockFindings, signoffAvailability } from '../../../../shared/permissions';
import type { MishenStore } from '../types';

export const reviewSelectors = {
  detail: (s: MishenStore) => s.detail,
  model: (s: MishenStore) => s.model,
  loading: (s: MishenStore) => s.reviewLoading,
  error: (s: MishenStore) => s.reviewError,
  findings: (s: MishenStore): readonly StoredFinding[] => s.detail?.scan.findings ?? [],
  warnings: (s: MishenStore) => s.detail?.scan.warnings ?? [],
  selectedFindingId: (s: MishenStore) => s.selectedFindingId,
  selectedFinding: (s: MishenStore) => s.detail?.scan.findings.find((f) => f.id === s.selectedFindingId),
  documentView: (s: MishenStore) => s.documentView,
  activeTab: (s: MishenStore) => s.activeTab,
  severityFilter: (s: MishenStore) => s.severityFilter,
  pendingDisposition: (s: MishenStore) => s.pendingDisposition,
  disposing: (s: MishenStore) => s.disposing,
  disposeError: (s: MishenStore) => s.disposeError,
  openCount: (s: MishenStore) => (s.detail?.scan.findings ?? []).filter((f) => !f.disposition).length,
  openBlockCount: (s: MishenStore) => openBlockFindings(s.detail?.scan.findings ?? []).length,
  canDispose: (s: MishenStore) => mayDispose(s.user, s.detail),
  signoff: (s: MishenStore) => signoffAvailability(s.user, s.detail),
  canSetPublication: (s: MishenStore) => maySetPublication(s.user, s.detail),
  canUploadRevision: (s: MishenStore) => mayUploadRevision(s.user, s.detail),
  reviewFormHtml: (s: MishenStore) => s.reviewFormHtml,
  reviewFormLoading: (s: MishenStore) => s.reviewFormLoading,
  reviewFormError: (s: MishenStore) => s.reviewFormError,
  reviewFormInfoAnnex: (s: MishenStore) => s.reviewFormInfoAnnex,
};
