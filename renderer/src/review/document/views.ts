// Which view of the document pane shows a finding: the document as it looks for everything that
// stands in it (the body and what hides in it, pages and pictures), the properties view for what
// travels with the file beside the text (document properties, annotations, attachments).
import type { DocumentFormat, Part } from '../../../../shared/document-model';
import type { Finding } from '../../../../shared/findings';
import type { DocumentView } from '../../store/review/initialState';

/** Parts shown beside the document rather than in it. */
export const PROPERTY_PARTS: ReadonlySet<Part | 'document'> = new Set(['metadata', 'annotation', 'attachment']);

export function viewOfFinding(f: Pick<Finding, 'part'>): DocumentView {
  return PROPERTY_PARTS.has(f.part) ? 'properties' : 'page';
}

/** Findings a paged view draws as boxes on its pages. */
export function boxedOnPage(f: Pick<Finding, 'box' | 'page' | 'part'>): boolean {
  return f.box !== undefined && f.page !== undefined && !PROPERTY_PARTS.has(f.part);
}

export const isPaged = (format: DocumentFormat): boolean => format === 'pdf' || format === 'ofd';
