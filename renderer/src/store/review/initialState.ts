import type { DocumentPreview } from '../../../../shared/api-contract';
import type { DispositionAction, DocumentDetail } from '../../../../shared/records';

export interface ReviewState {
  readonly detail?: DocumentDetail;
  readonly preview?: DocumentPreview;
  readonly reviewLoading: boolean;
  readonly reviewError?: string;
  readonly selectedFindingId?: string;
  /** Which part tab the document pane shows (see review/part-tabs.ts). */
  readonly activeTab: string;
  /** A disposition that needs a written reason, waiting for it (误报, 保留并说明). */
  readonly pendingDisposition?: { readonly findingId: string; readonly action: DispositionAction };
  readonly disposing: boolean;
  readonly disposeError?: string;
  readonly reviewFormHtml?: string;
  readonly reviewFormLoading: boolean;
  readonly reviewFormError?: string;
}

export const reviewInitialState: ReviewState = {
  detail: undefined,
  preview: undefined,
  reviewLoading: false,
  reviewError: undefined,
  selectedFindingId: undefined,
  activeTab: 'body',
  pendingDisposition: undefined,
  disposing: false,
  disposeError: undefined,
  reviewFormHtml: undefined,
  reviewFormLoading: false,
  reviewFormError: undefined,
};
