// Findings counted by severity and by category, in the order a reviewer reads categories (marks
// first, as CATEGORY_LABELS lists them; unknown ones last): the window's chart and the 审查单's
// summary show the same numbers.
import type { Finding, Severity } from './findings';
import { CATEGORY_LABELS, categoryLabel } from './labels';

export type SeverityCounts = Record<Severity, number>;

export interface CategoryCount {
  readonly category: string;
  readonly label: string;
  readonly bySeverity: Readonly<SeverityCounts>;
  readonly total: number;
}

const CATEGORY_ORDER = Object.keys(CATEGORY_LABELS);

/** Where a category stands in reading order. */
export function categoryRank(category: string): number {
  const at = CATEGORY_ORDER.indexOf(category);
  return at < 0 ? CATEGORY_ORDER.length : at;
}

const zero = (): SeverityCounts => ({ block: 0, review: 0, info: 0 });

export function countFindings(findings: readonly Pick<Finding, 'severity' | 'category'>[]): { bySeverity: Readonly<SeverityCounts>; categories: CategoryCount[] } {
  const bySeverity = zero();
  const byCategory = new Map<string, SeverityCounts>();
  for (const f of findings) {
    bySeverity[f.severity]++;
    const c = byCategory.get(f.category) ?? zero();
    c[f.severity]++;
    byCategory.set(f.category, c);
  }
  const categories = [...byCategory.entries()]
    .map(([category, counts]) => ({ category, label: categoryLabel(category), bySeverity: counts, total: counts.block + counts.review + counts.info }))
    .sort((a, b) => categoryRank(a.category) - categoryRank(b.category) || a.label.localeCompare(b.label, 'zh-CN'));
  return { bySeverity, categories };
}
