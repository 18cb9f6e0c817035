// The current 拟公开方式 in the review header, with the button that changes it (or says who may).
import { GlobalOutlined } from '@ant-design/icons';
import { App, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DocumentDetail } from '../../../shared/records';
import { reviewSelectors, useMishenStore } from '../store';
import { GuardedButton } from './GuardedButton';
import { PublicationDialog } from './PublicationDialog';

export function publicationSummary(d: Pick<DocumentDetail, 'publicationMode' | 'channel' | 'scope' | 'publishTime'>): string {
  return [d.publicationMode, d.channel || '渠道未填', d.scope || '范围未填', d.publishTime || '时间未填'].join(' · ');
}

export function PublicationControl({ detail }: { detail: DocumentDetail }) {
  const permission = useMishenStore(useShallow(reviewSelectors.canSetPublication));
  const [open, setOpen] = useState(false);
  const { message } = App.useApp();
  return (
    <Flex align="center" gap={8}>
      <Typography.Text type="secondary" data-testid="publication-summary">
        拟公开：{publicationSummary(detail)}
      </Typography.Text>
      <GuardedButton icon={<GlobalOutlined />} blockedReason={permission.reason} onClick={() => setOpen(true)} data-testid="open-publication">
        拟公开方式
      </GuardedButton>
      <PublicationDialog
        open={open}
        detail={detail}
        onClose={() => setOpen(false)}
        onSaved={() => {
          setOpen(false);
          void message.success('已保存拟公开方式。');
        }}
      />
    </Flex>
  );
}
