// What a review reports: findings, warnings, verdict. The CLI's JSON contract
// (../shared/corpus/README.md beside the project) is a superset of these fields.
import type { SeverityRole } from './dictionary/roles';
import type { Box, Part } from './document-model';

/** Most severe first, the order findings are listed in. */
export const SEVERITIES = ['block', 'review', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, review: 1, block: 2 };

export function maxSeverity(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b;
}

export interface Finding {
  readonly category: string;
  readonly kind?: string;
  readonly severity: Severity;
  /** The role that decided the severity (../dictionary/roles.ts): ownKind, citedTitle, normative …. */
  readonly role?: SeverityRole;
  /** The text as it stands in the document. */
  readonly match: string;
  /** The surrounding text, up to 20 characters either side. */
  readonly context: string;
  readonly part: Part | 'document';
  readonly page?: number;
  readonly paragraph?: number;
  /** PDF: 1-based line on the page. */
  readonly line?: number;
  readonly start?: number;
  readonly end?: number;
  /** Where it stands on the page or image (OCR, OFD), in the units of `Box`. */
  readonly box?: Box;
  readonly ruleId: string;
  /** Chinese: which entry or rule fired, after which normalisation, why this severity. */
  readonly explanation: string;
  /** Where it stands, in words (a property name, a header file, a comment number). */
  readonly label?: string;
  readonly author?: string;
  /** Aggregation over a table: the table's 0-based index in the document, so it can be outlined. */
  readonly table?: number;
  /** Aggregation: what was combined. */
  readonly combines?: readonly { readonly label: string; readonly count: number }[];
}

export const VERDICTS = ['block', 'review', 'pass'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface ReportWarning {
  readonly code: string;
  readonly message: string;
  readonly page?: number;
}
