// The selected finding in full: what matched, its context, why it was flagged, what an aggregation
// combined, and what has been decided about it.
import { Card, Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import { SEVERITY_LABELS, categoryLabel } from '../../../shared/labels';
import { DISPOSITION_LABELS } from '../../../shared/records';
import { findingPlace } from '../review/finding-place';
import { formatTime } from '../review/format';
import { SEVERITY_STYLES } from '../review/verdict';
import { reviewSelectors, useMishenStore } from '../store';
import { DispositionControls } from './DispositionControls';
import { ProposeAllowButton } from './ProposeAllowButton';

function ContextWithMatch({ context, match }: { context: string; match: string }) {
  const at = match ? context.indexOf(match) : -1;
  if (at < 0) return <>{context}</>;
  return (
    <>
      {context.slice(0, at)}
      <Typography.Text mark strong>
        {match}
      </Typography.Text>
      {context.slice(at + match.length)}
    </>
  );
}

export function FindingDetail() {
  const finding = useMishenStore(reviewSelectors.selectedFinding);
  if (!finding) return <Empty description="在左侧文中或上方列表中选择一处发现（j / k 逐条切换）。" />;

  const items = [
    { key: 'place', label: '位置', children: findingPlace(finding) },
    { key: 'context', label: '上下文', children: <ContextWithMatch context={finding.context} match={finding.match} /> },
    { key: 'why', label: '说明', children: finding.explanation },
    ...(finding.combines?.length
      ? [
          {
            key: 'combines',
            label: '汇聚内容',
            children: (
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
    ...(finding.author ? [{ key: 'author', label: '作者', children: finding.author }] : []),
    ...(finding.disposition
      ? [
          {
            key: 'disposition',
            label: '处置',
            children: (
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
      data-testid="finding-detail"
      title={
        <Flex gap={6} align="center" wrap>
          <Tag color={SEVERITY_STYLES[finding.severity].color}>{SEVERITY_LABELS[finding.severity]}</Tag>
          <Tag>{categoryLabel(finding.category)}</Tag>
          <Typography.Text strong>{finding.match}</Typography.Text>
        </Flex>
      }
      extra={<ProposeAllowButton finding={finding} />}
    >
      <Descriptions size="small" column={1} items={items} styles={{ label: { width: 72 } }} />
      <div style={{ marginTop: 10 }}>
        <DispositionControls finding={finding} />
      </div>
    </Card>
  );
}
