import type { DocumentModel } from '../../../../shared/api-contract';
import type { Severity } from '../../../../shared/findings';
import type { DispositionAction, DocumentDetail } from '../../../../shared/records';

/** The document pane's views: the document as it looks, its text by part, its properties and annotations. */
export type DocumentView = 'page' | 'text' | 'properties';

export interface ReviewState {
  readonly detail?: DocumentDetail;
  /** What the scan read from the file, as kept with it: the document pane is drawn from this. */
  readonly model?: DocumentModel;
  readonly reviewLoading: boolean;
  readonly reviewError?: string;
  readonly selectedFindingId?: string;
  readonly documentView: DocumentView;
  /** Which part tab the text view shows (see review/document/part-tabs.ts). */
  readonly activeTab: string;
  /** The findings list shows only this severity, when set. */
  readonly severityFilter?: Severity;
  /** A disposition that needs a written reason, waiting for it (误报, 保留并说明). */
  readonly pendingDisposition?: { readonly findingId: string; readonly action: DispositionAction };
  readonly disposing: boolean;
  readonly disposeError?: string;
  readonly reviewFormHtml?: string;
  readonly reviewFormLoading: boolean;
  readonly reviewFormError?: string;
  /** Whether the 审查单 carries the 提示 findings as an annex. */
  readonly reviewFormInfoAnnex: boolean;
}

export const reviewInitialState: ReviewState = {
  detail: undefined,
  model: undefined,
  reviewLoading: false,
  reviewError: undefined,
  selectedFindingId: undefined,
  documentView: 'page',
  activeTab: 'body',
  severityFilter: undefined,
  pendingDisposition: undefined,
  disposing: false,
  disposeError: undefined,
  reviewFormHtml: undefined,
  reviewFormLoading: false,
  reviewFormError: undefined,
  reviewFormInfoAnnex: false,
};
