// How a verdict and a severity look everywhere in the window (tag colour and words).
import type { Severity, Verdict } from '../../../shared/findings';

export const VERDICT_TAGS: Readonly<Record<Verdict, { label: string; color: string }>> = {
  block: { label: '禁止发布', color: 'red' },
  review: { label: '需人工审查', color: 'orange' },
  pass: { label: '通过', color: 'green' },
};

/** Tag colour and the background used to mark a finding in the text. */
export const SEVERITY_STYLES: Readonly<Record<Severity, { color: string; mark: string; border: string }>> = {
  block: { color: 'red', mark: '#ffccc7', border: '#cf1322' },
  review: { color: 'orange', mark: '#ffe7ba', border: '#d46b08' },
  info: { color: 'blue', mark: '#d6e4ff', border: '#1d39c4' },
};
