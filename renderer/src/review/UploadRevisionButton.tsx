// 上传修改稿: the drafter hands in the corrected file; it becomes the document's next version, its
// findings are its own and its chain starts again at 待自查. Shows how far the scan has got.
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Progress } from 'antd';
import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ImportProgress } from '../../../shared/api-contract';
import { errorMessage } from '../api';
import { ACCEPTED_FILES } from '../import/accepted-files';
import { progressPercent, progressText } from '../import/progress-text';
import { reviewSelectors, useMishenStore } from '../store';

export function UploadRevisionButton() {
  const permission = useMishenStore(useShallow(reviewSelectors.canUploadRevision));
  const upload = useMishenStore((s) => s.uploadRevision);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportProgress>();
  const { message } = App.useApp();

  const send = async (file: File) => {
    setBusy(true);
    try {
      const updated = await upload(file, setProgress);
      void message.success(`已上传修改稿，作为第 ${updated.latestVersion.number} 版重新审查；签批从起草人自查重新开始。`);
    } catch (e) {
      void message.error({ content: `修改稿未能上传：${errorMessage(e)}`, duration: 8 });
    } finally {
      setBusy(false);
    }
  };

  // Offered to whom it is for (the division's drafter, before the review is finished), to no one else.
  if (!permission.allowed) return null;
  return (
    <>
      <input
        ref={input}
        type="file"
        hidden
        accept={ACCEPTED_FILES}
        aria-label="选择修改稿"
        data-testid="revision-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void send(file);
        }}
      />
      <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()} data-testid="upload-revision">
        上传修改稿
      </Button>
      {busy && progress && <Progress size="small" percent={progressPercent(progress)} format={() => progressText(progress)} style={{ width: 200 }} data-testid="revision-progress" />}
    </>
  );
}
