import type { PublicationInput, SignInput } from '../../../../shared/api-contract';
import { DISPOSITIONS_NEEDING_REASON, type DispositionAction, type DocumentDetail } from '../../../../shared/records';
import { call, errorMessage } from '../../api';
import { orderedFindings } from '../../review/group-findings';
import { tabOfPart } from '../../review/part-tabs';
import { mayDispose } from '../../../../shared/permissions';
import type { SliceActions } from '../types';

export interface ReviewAction {
  openDocument: (documentId: string) => Promise<void>;
  selectFinding: (findingId: string | undefined) => void;
  selectNextFinding: () => void;
  selectPreviousFinding: () => void;
  setActiveTab: (tab: string) => void;
  /** Records a disposition now, or asks for a reason first where one is required. */
  chooseDisposition: (action: DispositionAction) => Promise<void>;
  cancelDisposition: () => void;
  dispose: (findingId: string, action: DispositionAction, reason: string) => Promise<boolean>;
  /** Resolves to the proposal id; rejects with the service's message. */
  proposeAllow: (findingId: string, reason: string) => Promise<string>;
  /** Resolves to the updated document; rejects with the service's refusal. */
  sign: (input: SignInput) => Promise<DocumentDetail>;
  /** Saves the open document's 拟公开方式; rejects with the service's refusal. */
  setPublication: (input: PublicationInput) => Promise<DocumentDetail>;
  loadReviewForm: (documentId: string) => Promise<void>;
  /** Resolves to the saved path, or null when the user cancelled. */
  saveReviewFormPdf: (documentId: string) => Promise<string | null>;
}

export const createReviewActions: SliceActions<ReviewAction> = (set, get) => {
  const select = (findingId: string | undefined) => {
    const f = get().detail?.scan.findings.find((x) => x.id === findingId);
    const tab = f ? tabOfPart(f.part) : undefined;
    set({ selectedFindingId: findingId, pendingDisposition: undefined, disposeError: undefined, ...(tab ? { activeTab: tab } : {}) });
  };
  const step = (delta: 1 | -1) => {
    const list = orderedFindings(get().detail?.scan.findings ?? []);
    if (list.length === 0) return;
    const at = list.findIndex((f) => f.id === get().selectedFindingId);
    const next = at < 0 ? (delta === 1 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + delta));
    select(list[next].id);
  };

  return {
    openDocument: async (documentId) => {
      const keep = get().detail?.id === documentId;
      set({ reviewLoading: true, reviewError: undefined, ...(keep ? {} : { detail: undefined, preview: undefined, selectedFindingId: undefined, activeTab: 'body', reviewFormHtml: undefined, reviewFormError: undefined }) });
      try {
        const detail = await call('documents/get', documentId);
        const preview = await call('documents/preview', detail.latestVersion.id);
        set({ detail, preview, reviewLoading: false });
        if (!get().selectedFindingId) {
          const first = orderedFindings(detail.scan.findings)[0];
          if (first) select(first.id);
        }
      } catch (error) {
        set({ reviewLoading: false, reviewError: errorMessage(error) });
      }
    },

    selectFinding: select,
    selectNextFinding: () => step(1),
    selectPreviousFinding: () => step(-1),
    setActiveTab: (activeTab) => set({ activeTab }),

    chooseDisposition: async (action) => {
      const findingId = get().selectedFindingId;
      if (!findingId) return;
      const permission = mayDispose(get().user, get().detail);
      if (!permission.allowed) {
        set({ disposeError: permission.reason });
        return;
      }
      if (DISPOSITIONS_NEEDING_REASON.has(action)) {
        set({ pendingDisposition: { findingId, action }, disposeError: undefined });
        return;
      }
      await get().dispose(findingId, action, '');
    },

    cancelDisposition: () => set({ pendingDisposition: undefined, disposeError: undefined }),

    dispose: async (findingId, action, reason) => {
      set({ disposing: true, disposeError: undefined });
      try {
        const detail = await call('findings/dispose', findingId, action, reason);
        set({ detail, disposing: false, pendingDisposition: undefined });
        // Walk on to the next finding, as a reviewer working down the list expects.
        if (get().selectedFindingId === findingId) step(1);
        return true;
      } catch (error) {
        set({ disposing: false, disposeError: errorMessage(error) });
        return false;
      }
    },

    proposeAllow: (findingId, reason) => call('findings/propose-allow', findingId, reason),

    sign: async (input) => {
      const detail = get().detail;
      if (!detail) throw new Error('请先打开文稿。');
      const updated = await call('signoff/sign', detail.latestVersion.id, input);
      set({ detail: updated, reviewFormHtml: undefined });
      return updated;
    },

    setPublication: async (input) => {
      const detail = get().detail;
      if (!detail) throw new Error('请先打开文稿。');
      const updated = await call('documents/set-publication', detail.id, input);
      // The 审查单 shows these values: drop the old one so it is built again.
      set({ detail: updated, reviewFormHtml: undefined });
      return updated;
    },

    loadReviewForm: async (documentId) => {
      set({ reviewFormLoading: true, reviewFormError: undefined });
      try {
        const html = await call('review-form/html', documentId);
        set({ reviewFormHtml: html, reviewFormLoading: false });
      } catch (error) {
        set({ reviewFormLoading: false, reviewFormError: errorMessage(error) });
      }
    },

    saveReviewFormPdf: (documentId) => call('review-form/save-pdf', documentId),
  };
};
