// How a verdict and a severity look everywhere in the window (tag colour, and the words of shared/labels.ts).
import type { Severity, Verdict } from '../../../shared/findings';
import { VERDICT_TAG_LABELS } from '../../../shared/labels';

export const VERDICT_TAGS: Readonly<Record<Verdict, { label: string; color: string }>> = {
  block: { label: VERDICT_TAG_LABELS.block, color: 'red' },
  review: { label: VERDICT_TAG_LABELS.review, color: 'orange' },
  pass: { label: VERDICT_TAG_LABELS.pass, color: 'green' },
};

/** Tag colour and the background used to mark a finding in the text. */
export const SEVERITY_STYLES: Readonly<Record<Severity, { color: string; mark: string; border: string }>> = {
  block: { color: 'red', mark: '#ffccc7', border: '#cf1322' },
  review: { color: 'orange', mark: '#ffe7ba', border: '#d46b08' },
  info: { color: 'blue', mark: '#d6e4ff', border: '#1d39c4' },
};
