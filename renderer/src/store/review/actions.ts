import type { ImportProgress, PublicationInput, SignInput } from '../../../../shared/api-contract';
import type { Severity } from '../../../../shared/findings';
import { DISPOSITIONS_NEEDING_REASON, type DispositionAction, type DocumentDetail } from '../../../../shared/records';
import { call, errorMessage } from '../../api';
import { viewOfFinding } from '../../review/document/views';
import { tabOfPart } from '../../review/document/part-tabs';
import { orderedFindings } from '../../review/findings/group-findings';
import { mayDispose } from '../../../../shared/permissions';
import { perfMark } from '../../perf-marks';
import { fileBytes } from '../../review/document/file-bytes';
import { keepUnchanged } from './keep-unchanged';
import type { SliceActions } from '../types';
import type { DocumentView } from './initialState';

export interface ReviewAction {
  openDocument: (documentId: string) => Promise<void>;
  selectFinding: (findingId: string | undefined) => void;
  selectNextFinding: () => void;
  selectPreviousFinding: () => void;
  /** The next finding after the selected one that nobody has disposed of yet (key n). */
  selectNextUndisposed: () => void;
  setActiveTab: (tab: string) => void;
  setDocumentView: (view: DocumentView) => void;
  setSeverityFilter: (severity: Severity | undefined) => void;
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
  /** 上传修改稿: the file becomes the open document's next version; rejects with the reason it could not. */
  uploadRevision: (file: File, onProgress: (p: ImportProgress | undefined) => void) => Promise<DocumentDetail>;
  loadReviewForm: (documentId: string) => Promise<void>;
  setReviewFormInfoAnnex: (documentId: string, infoAnnex: boolean) => Promise<void>;
  /** Resolves to the saved path, or null when the user cancelled. */
  saveReviewFormPdf: (documentId: string) => Promise<string | null>;
}

let uploads = 0;
/** The open under way, so that the route and the screen asking for the same document share one. */
let opening: { documentId: string; done: Promise<void> } | undefined;

export const createReviewActions: SliceActions<ReviewAction> = (set, get) => {
  const select = (findingId: string | undefined) => {
    const f = get().detail?.scan.findings.find((x) => x.id === findingId);
    const tab = f ? tabOfPart(f.part) : undefined;
    // The view that shows it: the page for what stands on it, the properties for what does not.
    const view = f ? viewOfFinding(f) : undefined;
    set({ selectedFindingId: findingId, pendingDisposition: undefined, disposeError: undefined, ...(tab ? { activeTab: tab } : {}), ...(view && get().documentView !== 'text' ? { documentView: view } : {}) });
  };
  /** The list as it is on screen: in j / k order, only the chosen severity when one is. */
  const visibleList = () => {
    const filter = get().severityFilter;
    return orderedFindings(get().detail?.scan.findings ?? []).filter((f) => !filter || f.severity === filter);
  };
  const step = (delta: 1 | -1) => {
    const list = visibleList();
    if (list.length === 0) return;
    const at = list.findIndex((f) => f.id === get().selectedFindingId);
    const next = at < 0 ? (delta === 1 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + delta));
    select(list[next].id);
  };
  const loadModel = async (detail: DocumentDetail) => {
    const model = await call('documents/model', detail.latestVersion.id);
    perfMark('model');
    if (get().detail?.id === detail.id) set({ model });
  };

  const openOnce = async (documentId: string) => {
    perfMark('open');
    const keep = get().detail?.id === documentId;
    // The version the workbench listed is almost always the one the record names: its file and its
    // model are asked for now, beside the record, rather than after it (one round trip, not three).
    const listed = get().documents.find((d) => d.id === documentId)?.latestVersion;
    if (listed && /\.pdf$/i.test(listed.fileName)) {
      // The file first (pdf.js's first page is the longest wait); pdf.js itself is loaded when
      // needed, as it needs a browser's canvas API as soon as it is loaded.
      void fileBytes(listed.id).catch(() => undefined);
      void import('../../review/document/pdf-document').then((m) => m.preparePdf(listed.id), () => undefined);
    }
    const keptModel = keep && get().model?.versionId === listed?.id ? get().model : undefined;
    const early = listed && !keptModel ? call('documents/model', listed.id) : undefined;
    early?.catch(() => undefined);
    set({
      reviewLoading: true,
      reviewError: undefined,
      ...(keep ? {} : { detail: undefined, model: undefined, selectedFindingId: undefined, activeTab: 'body', documentView: 'page', severityFilter: undefined, reviewFormHtml: undefined, reviewFormError: undefined }),
    });
    // The pane can be laid out from the model while the record is still on its way (a model of
    // another version than the record names is dropped when the record comes).
    void early?.then((model) => {
      perfMark('model');
      const shown = get().detail;
      if ((shown === undefined || shown.id === documentId) && get().model?.versionId !== model.versionId) set({ model });
    }, () => undefined);
    try {
      const fetched = await call('documents/get', documentId);
      perfMark('detail');
      const previous = get().detail;
      const detail = previous?.id === documentId ? keepUnchanged(previous, fetched) : fetched;
      const model = get().model;
      const stale = model && model.versionId !== detail.latestVersion.id;
      set({ detail, reviewLoading: false, ...(stale ? { model: undefined } : {}) });
      if (!get().model) {
        const asked = listed?.id === detail.latestVersion.id ? await early?.catch(() => undefined) : undefined;
        if (!asked) await loadModel(detail);
        else if (get().detail?.id === documentId && get().model?.versionId !== asked.versionId) set({ model: asked });
      }
      if (!get().selectedFindingId) {
        const first = orderedFindings(detail.scan.findings)[0];
        if (first) select(first.id);
      }
    } catch (error) {
      set({ reviewLoading: false, reviewError: errorMessage(error) });
    }
  };

  return {
    openDocument: (documentId) => {
      if (opening?.documentId === documentId) return opening.done;
      const done = openOnce(documentId).finally(() => {
        if (opening?.done === done) opening = undefined;
      });
      opening = { documentId, done };
      return done;
    },

    selectFinding: select,
    selectNextFinding: () => step(1),
    selectPreviousFinding: () => step(-1),
    selectNextUndisposed: () => {
      const list = visibleList();
      const at = list.findIndex((f) => f.id === get().selectedFindingId);
      // After the selected one, then from the top: the first one nobody has dealt with.
      const next = [...list.slice(at + 1), ...list.slice(0, at + 1)].find((f) => !f.disposition);
      if (next) select(next.id);
    },
    setActiveTab: (activeTab) => set({ activeTab }),
    setDocumentView: (documentView) => set({ documentView }),
    setSeverityFilter: (severityFilter) => set({ severityFilter }),

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
        set({ detail, disposing: false, pendingDisposition: undefined, reviewFormHtml: undefined });
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

    uploadRevision: async (file, onProgress) => {
      const detail = get().detail;
      if (!detail) throw new Error('请先打开文稿。');
      const progressToken = `revision-${++uploads}-${Date.now()}`;
      const poll = setInterval(() => {
        void call('documents/import-progress', progressToken).then((p) => p && onProgress(p), () => undefined);
      }, 300);
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const result = await call('documents/import', { name: file.name, bytes }, { documentId: detail.id, progressToken });
        if (!result.ok) throw new Error(result.message);
        const updated = await call('documents/get', detail.id);
        set({ detail: updated, model: undefined, selectedFindingId: undefined, reviewFormHtml: undefined, documentView: 'page', severityFilter: undefined });
        await loadModel(updated);
        const first = orderedFindings(updated.scan.findings)[0];
        if (first) select(first.id);
        return updated;
      } finally {
        clearInterval(poll);
        onProgress(undefined);
      }
    },

    loadReviewForm: async (documentId) => {
      set({ reviewFormLoading: true, reviewFormError: undefined });
      try {
        const html = await call('review-form/html', documentId, { infoAnnex: get().reviewFormInfoAnnex });
        set({ reviewFormHtml: html, reviewFormLoading: false });
      } catch (error) {
        set({ reviewFormLoading: false, reviewFormError: errorMessage(error) });
      }
    },

    setReviewFormInfoAnnex: async (documentId, reviewFormInfoAnnex) => {
      set({ reviewFormInfoAnnex, reviewFormHtml: undefined });
      await get().loadReviewForm(documentId);
    },

    saveReviewFormPdf: (documentId) => call('review-form/save-pdf', documentId, { infoAnnex: get().reviewFormInfoAnnex }),
  };
};
