// The selected finding in full: its dispositions first (so they are on screen at 1280×720 too), then
// what matched, where, its context on one line, why it weighs as it does, what an aggregation
// combined, and what has been decided about it.
import { Card, Empty, Flex, Tag, Typography } from 'antd';
import { ROLE_LABELS as HIT_ROLE_LABELS } from '../../../../shared/dictionary/roles';
import { SEVERITY_LABELS, categoryLabel, describePlace } from '../../../../shared/labels';
import { DISPOSITION_LABELS } from '../../../../shared/records';
import { formatTime } from '../../format';
import { reviewSelectors, useMishenStore } from '../../store';
import { SEVERITY_STYLES } from '../verdict';
import { DispositionControls } from './DispositionControls';
import { ProposeAllowButton } from './ProposeAllowButton';

/** The context on one line, the match marked in it; the line is cut with … where it is too long. */
function ContextWithMatch({ context, match }: { context: string; match: string }) {
  const flat = context.replace(/\s+/g, ' ');
  const at = match ? flat.indexOf(match.replace(/\s+/g, ' ')) : -1;
  if (at < 0) return <span className="finding-context">{flat}</span>;
  return (
    <span className="finding-context">
      {flat.slice(0, at)}
      <mark className="context-match">{flat.slice(at, at + match.replace(/\s+/g, ' ').length)}</mark>
      {flat.slice(at + match.replace(/\s+/g, ' ').length)}
    </span>
  );
}

export function FindingDetail() {
  const finding = useMishenStore(reviewSelectors.selectedFinding);
  if (!finding) return <Empty description="在文中或上方列表中选择一处发现（j / k 逐条切换，n 跳到下一条待处置）。" />;

  const rows: { key: string; label: string; value: React.ReactNode }[] = [
    { key: 'place', label: '位置', value: describePlace(finding) },
    { key: 'context', label: '上下文', value: <ContextWithMatch context={finding.context} match={finding.match} /> },
    ...(finding.role ? [{ key: 'role', label: '判断依据', value: HIT_ROLE_LABELS[finding.role] }] : []),
    { key: 'why', label: '说明', value: finding.explanation },
    ...(finding.combines?.length
      ? [
          {
            key: 'combines',
            label: '汇聚内容',
            value: (
              <Flex gap={4} wrap data-testid="finding-combines">
                {finding.combines.map((c) => (
                  <Tag key={c.label}>
                    {c.label} {c.count} 项
                  </Tag>
                ))}
              </Flex>
            ),
          },
        ]
      : []),
    ...(finding.author ? [{ key: 'author', label: '作者', value: finding.author }] : []),
    ...(finding.disposition
      ? [
          {
            key: 'disposition',
            label: '处置',
            value: (
              <span data-testid="current-disposition">
                <Tag color="green">{DISPOSITION_LABELS[finding.disposition.action]}</Tag>
                {finding.disposition.reason && `${finding.disposition.reason} · `}
                {finding.disposition.userName} {formatTime(finding.disposition.createdAt)}
              </span>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      className="finding-detail"
      data-testid="finding-detail"
      title={
        <Flex gap={6} align="center" style={{ minWidth: 0 }}>
          <Tag color={SEVERITY_STYLES[finding.severity].color}>{SEVERITY_LABELS[finding.severity]}</Tag>
          <Tag>{categoryLabel(finding.category)}</Tag>
          <Typography.Text strong ellipsis={{ tooltip: finding.match }} style={{ minWidth: 0 }}>
            {finding.match}
          </Typography.Text>
        </Flex>
      }
    >
      <DispositionControls finding={finding} />
      <dl className="finding-facts">
        {rows.map((r) => (
          <div key={r.key} className="finding-fact">
            <dt>{r.label}</dt>
            <dd>{r.value}</dd>
          </div>
        ))}
      </dl>
      {finding.disposition?.action === 'false-positive' && <ProposeAllowButton finding={finding} />}
    </Card>
  );
}
