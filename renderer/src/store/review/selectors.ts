import type { StoredFinding } from '../../../../shared/records';
import { mayDispose, maySetPublication, signoffAvailability } from '../../../../shared/permissions';
import type { MishenStore } from '../types';

export const reviewSelectors = {
  detail: (s: MishenStore) => s.detail,
  preview: (s: MishenStore) => s.preview,
  loading: (s: MishenStore) => s.reviewLoading,
  error: (s: MishenStore) => s.reviewError,
  findings: (s: MishenStore): readonly StoredFinding[] => s.detail?.scan.findings ?? [],
  warnings: (s: MishenStore) => s.detail?.scan.warnings ?? [],
  selectedFindingId: (s: MishenStore) => s.selectedFindingId,
  selectedFinding: (s: MishenStore) => s.detail?.scan.findings.find((f) => f.id === s.selectedFindingId),
  activeTab: (s: MishenStore) => s.activeTab,
  pendingDisposition: (s: MishenStore) => s.pendingDisposition,
  disposing: (s: MishenStore) => s.disposing,
  disposeError: (s: MishenStore) => s.disposeError,
  openCount: (s: MishenStore) => (s.detail?.scan.findings ?? []).filter((f) => !f.disposition).length,
  canDispose: (s: MishenStore) => mayDispose(s.user, s.detail),
  signoff: (s: MishenStore) => signoffAvailability(s.user, s.detail),
  canSetPublication: (s: MishenStore) => maySetPublication(s.user, s.detail),
  reviewFormHtml: (s: MishenStore) => s.reviewFormHtml,
  reviewFormLoading: (s: MishenStore) => s.reviewFormLoading,
  reviewFormError: (s: MishenStore) => s.reviewFormError,
};
