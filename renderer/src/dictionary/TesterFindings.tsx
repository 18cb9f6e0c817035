// What the live tester found: each hit with its severity, category, place, context and the
// engine's explanation (which entry fired, after which normalisation, why this severity).
import { Empty, List, Space, Tag, Typography } from 'antd';
import type { Finding } from '../../../shared/findings';
import { PART_LABELS, SEVERITY_LABELS, categoryLabel } from '../../../shared/labels';
import { SEVERITY_COLORS } from './labels';

export function TesterFindings({ findings }: { findings: readonly Finding[] }) {
  if (findings.length === 0) return <Empty description="未发现问题" data-testid="tester-empty" />;
  return (
    <List
      size="small"
      data-testid="tester-findings"
      dataSource={findings as Finding[]}
      renderItem={(f, i) => (
        <List.Item key={`${i}-${f.ruleId}-${f.start}`} data-testid="tester-finding" data-match={f.match} data-severity={f.severity}>
          <Space direction="vertical" size={2} style={{ width: '100%' }}>
            <Space wrap size={6}>
              <Tag color={SEVERITY_COLORS[f.severity]}>{SEVERITY_LABELS[f.severity]}</Tag>
              <Typography.Text strong>{f.match}</Typography.Text>
              <Typography.Text type="secondary">
                {categoryLabel(f.category)} · {PART_LABELS[f.part]}
                {f.paragraph !== undefined ? ` 第 ${f.paragraph + 1} 段` : ''}
              </Typography.Text>
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              上下文：{f.context}
            </Typography.Text>
            <Typography.Text style={{ fontSize: 13 }} data-testid="tester-explanation">
              {f.explanation}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
