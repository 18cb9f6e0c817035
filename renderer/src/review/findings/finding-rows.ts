// The findings list as flat rows (severity heading, category heading, finding), so that a windowed
// list can show any slice of it with fixed row heights. Findings keep their place in j / k order.
import type { Severity } from '../../../../shared/findings';
import type { StoredFinding } from '../../../../shared/records';
import type { SeverityGroup } from './group-findings';

export type FindingRow =
  | { readonly kind: 'severity'; readonly key: string; readonly severity: Severity; readonly count: number }
  | { readonly kind: 'category'; readonly key: string; readonly category: string; readonly label: string; readonly count: number }
  /** ordinal: 1-based place of the finding in j / k order. */
  | { readonly kind: 'finding'; readonly key: string; readonly finding: StoredFinding; readonly ordinal: number };

export function findingRows(groups: readonly SeverityGroup[]): FindingRow[] {
  const rows: FindingRow[] = [];
  let ordinal = 0;
  for (const g of groups) {
    rows.push({ kind: 'severity', key: `s:${g.severity}`, severity: g.severity, count: g.count });
    for (const c of g.categories) {
      rows.push({ kind: 'category', key: `c:${g.severity}:${c.category}`, category: c.category, label: c.label, count: c.findings.length });
      for (const finding of c.findings) rows.push({ kind: 'finding', key: finding.id, finding, ordinal: ++ordinal });
    }
  }
  return rows;
}
