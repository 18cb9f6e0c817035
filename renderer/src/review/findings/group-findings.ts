// The findings list order: most severe first, then by category, then where they stand. The keyboard
// walks exactly this order, so "next" is always the item below the current one on screen.
import { SEVERITIES, SEVERITY_RANK, type Severity } from '../../../../shared/findings';
import { categoryRank } from '../../../../shared/finding-counts';
import { categoryLabel } from '../../../../shared/labels';
import type { StoredFinding } from '../../../../shared/records';

export interface CategoryGroup {
  readonly category: string;
  readonly label: string;
  readonly findings: readonly StoredFinding[];
}

export interface SeverityGroup {
  readonly severity: Severity;
  readonly categories: readonly CategoryGroup[];
  readonly count: number;
}


export function groupFindings(findings: readonly StoredFinding[]): SeverityGroup[] {
  const groups: SeverityGroup[] = [];
  for (const severity of SEVERITIES) {
    const ofSeverity = findings.filter((f) => f.severity === severity);
    if (ofSeverity.length === 0) continue;
    const byCategory = new Map<string, StoredFinding[]>();
    for (const f of [...ofSeverity].sort((a, b) => a.seq - b.seq)) {
      const list = byCategory.get(f.category) ?? [];
      list.push(f);
      byCategory.set(f.category, list);
    }
    const categories = [...byCategory.entries()]
      .map(([category, list]) => ({ category, label: categoryLabel(category), findings: list }))
      .sort((a, b) => categoryRank(a.category) - categoryRank(b.category) || a.label.localeCompare(b.label, 'zh-CN'));
    groups.push({ severity, categories, count: ofSeverity.length });
  }
  return groups.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
}

/** The findings flattened in list order, for next / previous. */
export function orderedFindings(findings: readonly StoredFinding[]): StoredFinding[] {
  return groupFindings(findings).flatMap((g) => g.categories.flatMap((c) => c.findings));
}
