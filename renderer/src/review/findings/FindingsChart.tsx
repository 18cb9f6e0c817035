// The findings at a glance: how many of each severity, and per category a bar split by severity.
// Clicking a severity shows only those findings in the list.
import { Typography } from 'antd';
import { useMemo } from 'react';
import { countFindings } from '../../../../shared/finding-counts';
import { SEVERITIES, type Severity } from '../../../../shared/findings';
import { PART_LABELS, SEVERITY_LABELS } from '../../../../shared/labels';
import type { StoredFinding } from '../../../../shared/records';


interface Props {
  readonly findings: readonly StoredFinding[];
  readonly onFilter: (severity: Severity) => void;
}

export function FindingsChart({ findings, onFilter }: Props) {
  const counts = useMemo(() => countFindings(findings), [findings]);
  const widest = Math.max(1, ...counts.categories.map((c) => c.total));
  // Where they stand: the body, or the parts a reader of the printed page does not see.
  const parts = useMemo(() => {
    const by = new Map<string, number>();
    for (const f of findings) by.set(f.part, (by.get(f.part) ?? 0) + 1);
    return [...by.entries()].sort((a, b) => b[1] - a[1]);
  }, [findings]);
  const mostInPart = Math.max(1, ...parts.map(([, n]) => n));
  const open = findings.filter((f) => !f.disposition).length;
  if (findings.length === 0) return <Typography.Text type="secondary">没有发现。</Typography.Text>;
  return (
    <div className="findings-chart" data-testid="findings-chart">
      <div className="chart-totals">
        {SEVERITIES.map((s) => (
          <button type="button" key={s} className={`chart-total severity-${s}`} onClick={() => onFilter(s)} data-severity={s}>
            <span className="chart-total-count">{counts.bySeverity[s]}</span>
            <span>{SEVERITY_LABELS[s]}</span>
          </button>
        ))}
        <div className="chart-total open">
          <span className="chart-total-count">{open}</span>
          <span>待处置</span>
        </div>
      </div>
      <div className="chart-title">按类别</div>
      {counts.categories.map((c) => (
        <div key={c.category} className="chart-row" data-category={c.category}>
          <span className="chart-label" title={c.label}>
            {c.label}
          </span>
          <span className="chart-bar" style={{ width: `${(c.total / widest) * 100}%` }}>
            {SEVERITIES.filter((s) => c.bySeverity[s] > 0).map((s) => (
              <span key={s} className={`chart-segment severity-${s}`} style={{ flexGrow: c.bySeverity[s] }} title={`${SEVERITY_LABELS[s]} ${c.bySeverity[s]} 处`} />
            ))}
          </span>
          <span className="chart-count">{c.total}</span>
        </div>
      ))}
      <div className="chart-title">按所在部分</div>
      {parts.map(([part, n]) => (
        <div key={part} className="chart-row" data-part={part}>
          <span className="chart-label">{PART_LABELS[part as keyof typeof PART_LABELS]}</span>
          <span className="chart-bar" style={{ width: `${(n / mostInPart) * 100}%` }}>
            <span className="chart-segment part" style={{ flexGrow: 1 }} />
          </span>
          <span className="chart-count">{n}</span>
        </div>
      ))}
      <div className="chart-legend">
        {SEVERITIES.map((s) => (
          <span key={s}>
            <span className={`chart-swatch severity-${s}`} /> {SEVERITY_LABELS[s]}
          </span>
        ))}
      </div>
    </div>
  );
}
