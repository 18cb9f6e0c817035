// The button in the review header that changes the 拟公开方式, for those who may; the header's status
// line shows everyone the current one.
import { GlobalOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DocumentDetail } from '../../../../shared/records';
import { reviewSelectors, useMishenStore } from '../../store';
import { PublicationDialog } from './PublicationDialog';

export function publicationSummary(d: Pick<DocumentDetail, 'publicationMode' | 'channel' | 'scope' | 'publishTime'>): string {
  return [d.publicationMode, d.channel || '渠道未填', d.scope || '范围未填', d.publishTime || '时间未填'].join(' · ');
}

export function PublicationControl({ detail }: { detail: DocumentDetail }) {
  const permission = useMishenStore(useShallow(reviewSelectors.canSetPublication));
  const [open, setOpen] = useState(false);
  const { message } = App.useApp();
  // Only those who may fill it in see the button; the status line shows everyone what it is.
  if (!permission.allowed) return null;
  return (
    <>
      <Button icon={<GlobalOutlined />} onClick={() => setOpen(true)} data-testid="open-publication">
        拟公开方式
      </Button>
      <PublicationDialog
        open={open}
        detail={detail}
        onClose={() => setOpen(false)}
        onSaved={() => {
          setOpen(false);
          void message.success('已保存拟公开方式。');
        }}
      />
    </>
  );
}
