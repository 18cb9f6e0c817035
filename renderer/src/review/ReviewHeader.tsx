// The review view's header: the document (title, result, state, who and which version) and what can
// be done with it, on one line; under it one line of status — the 拟公开方式, how many findings are
// left, and why 签批 cannot be used now, said once.
import { ArrowLeftOutlined, AuditOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, Flex, Tag, Typography } from 'antd';
import { useId } from 'react';
import { STEP_LABELS, type DocumentDetail } from '../../../shared/records';
import { GuardedButton } from '../components/GuardedButton';
import { ResultTag } from '../components/VerdictTag';
import type { SignoffAvailability } from '../../../shared/permissions';
import { HeaderExportPackageButton } from '../packages/ExportPackageButton';
import { PublicationControl, publicationSummary } from './publication/PublicationControl';
import { UploadRevisionButton } from './UploadRevisionButton';

interface Props {
  readonly detail: DocumentDetail;
  readonly openCount: number;
  readonly signoff: SignoffAvailability;
  readonly onBack: () => void;
  readonly onHistory: () => void;
  readonly onSign: () => void;
}

const STATE_COLORS: Readonly<Record<string, string>> = { 已退回: 'red', 已办结: 'green' };

export function ReviewHeader({ detail, openCount, signoff, onBack, onHistory, onSign }: Props) {
  const reasonId = useId();
  const note = signoff.reason ?? (signoff.approveBlocked ? `${signoff.approveBlocked}（可以退回）` : undefined);
  return (
    <div className="review-header">
      <Flex justify="space-between" align="center" gap={12} className="review-header-main">
        <Flex align="center" gap={8} style={{ minWidth: 0, flex: 1 }}>
          <Button icon={<ArrowLeftOutlined />} onClick={onBack} aria-label="返回工作台" />
          <Typography.Title level={4} style={{ margin: 0, minWidth: 0 }} ellipsis={{ tooltip: detail.title }} data-testid="review-title">
            {detail.title}
          </Typography.Title>
          <ResultTag document={detail} />
          <Tag color={STATE_COLORS[detail.state] ?? 'blue'} data-testid="document-state">
            {detail.state}
          </Tag>
          <Typography.Text type="secondary" ellipsis={{ tooltip: true }} className="review-meta">
            {detail.division} · {detail.drafterName} · 第 {detail.latestVersion.number} 版{detail.docNumber ? ` · ${detail.docNumber}` : ''} · {detail.latestVersion.fileName}
          </Typography.Text>
        </Flex>
        <Flex align="center" gap={8} style={{ flex: 'none' }}>
          <UploadRevisionButton />
          <PublicationControl detail={detail} />
          <Button icon={<HistoryOutlined />} onClick={onHistory}>
            历史与审查单
          </Button>
          <HeaderExportPackageButton detail={detail} />
          <GuardedButton type="primary" icon={<AuditOutlined />} onClick={onSign} blockedReason={signoff.reason} reasonId={reasonId} data-testid="open-signoff">
            {signoff.step ? `签批：${STEP_LABELS[signoff.step]}` : '签批'}
          </GuardedButton>
        </Flex>
      </Flex>
      <Flex align="center" gap={16} className="review-status" wrap={false}>
        <Typography.Text type={openCount > 0 ? 'warning' : 'success'} data-testid="open-count" style={{ flex: 'none' }}>
          {openCount > 0 ? `${openCount} 处待处置` : detail.scan.findings.length > 0 ? '全部已处置' : '没有发现'}
        </Typography.Text>
        <Typography.Text type="secondary" data-testid="publication-summary" ellipsis={{ tooltip: true }} style={{ flex: 'none', maxWidth: '40%' }}>
          拟公开：{publicationSummary(detail)}
        </Typography.Text>
        {note && (
          <Typography.Text type="secondary" id={reasonId} className="signoff-note" data-testid="blocked-reason" ellipsis={{ tooltip: note }}>
            签批：{note}
          </Typography.Text>
        )}
      </Flex>
    </div>
  );
}
