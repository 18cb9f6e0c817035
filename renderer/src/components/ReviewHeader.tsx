import { ArrowLeftOutlined, AuditOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, Flex, Tag, Typography } from 'antd';
import { STEP_LABELS, type DocumentDetail } from '../../../shared/records';
import type { SignoffAvailability } from '../../../shared/permissions';
import { GuardedButton } from './GuardedButton';
import { PublicationControl } from './PublicationControl';
import { VerdictTag } from './VerdictTag';

interface Props {
  readonly detail: DocumentDetail;
  readonly openCount: number;
  readonly signoff: SignoffAvailability;
  readonly onBack: () => void;
  readonly onHistory: () => void;
  readonly onSign: () => void;
}

export function ReviewHeader({ detail, openCount, signoff, onBack, onHistory, onSign }: Props) {
  return (
    <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
      <Flex align="center" gap={10} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={onBack} aria-label="返回工作台" />
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="review-title">
          {detail.title}
        </Typography.Title>
        <VerdictTag verdict={detail.verdict} />
        <Tag color={detail.state === '已退回' ? 'red' : detail.state === '已办结' ? 'green' : 'blue'} data-testid="document-state">
          {detail.state}
        </Tag>
        <Typography.Text type="secondary">
          {detail.division} · {detail.drafterName} · 第 {detail.latestVersion.number} 版 · {detail.latestVersion.fileName}
        </Typography.Text>
      </Flex>
      <Flex align="center" gap={8}>
        <Typography.Text type={openCount > 0 ? 'warning' : 'success'} data-testid="open-count">
          {openCount > 0 ? `${openCount} 处待处置` : '全部已处置'}
        </Typography.Text>
        <PublicationControl detail={detail} />
        <Button icon={<HistoryOutlined />} onClick={onHistory}>
          历史与审查单
        </Button>
        <GuardedButton type="primary" icon={<AuditOutlined />} onClick={onSign} blockedReason={signoff.reason} data-testid="open-signoff">
          {signoff.step ? `签批：${STEP_LABELS[signoff.step]}` : '签批'}
        </GuardedButton>
      </Flex>
    </Flex>
  );
}
