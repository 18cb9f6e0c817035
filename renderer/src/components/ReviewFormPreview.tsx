// The 审查单 as it will print. Shown in a sandboxed iframe (no scripts run in it); same-origin only
// so the window can call print() on it and size it to its content.
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Skeleton } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api';
import { reviewSelectors, useMishenStore } from '../store';
import { GuardedButton } from './GuardedButton';

export function ReviewFormPreview({ documentId }: { documentId: string }) {
  const html = useMishenStore(reviewSelectors.reviewFormHtml);
  const loading = useMishenStore(reviewSelectors.reviewFormLoading);
  const error = useMishenStore(reviewSelectors.reviewFormError);
  const loadReviewForm = useMishenStore((s) => s.loadReviewForm);
  const savePdf = useMishenStore((s) => s.saveReviewFormPdf);
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(900);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<{ ok: boolean; text: string }>();

  useEffect(() => {
    void loadReviewForm(documentId);
  }, [documentId, loadReviewForm]);

  const exportPdf = async () => {
    setSaving(true);
    setSaved(undefined);
    try {
      const path = await savePdf(documentId);
      setSaved(path ? { ok: true, text: `已保存到：${path}` } : { ok: true, text: '已取消导出。' });
    } catch (e) {
      setSaved({ ok: false, text: errorMessage(e) });
    } finally {
      setSaving(false);
    }
  };

  const notReady = html ? undefined : '审查单尚未生成，请稍候。';
  return (
    <Card
      size="small"
      title="保密审查单"
      extra={
        <Flex gap={8}>
          <GuardedButton icon={<PrinterOutlined />} blockedReason={notReady} onClick={() => frame.current?.contentWindow?.print()}>
            打印
          </GuardedButton>
          <GuardedButton type="primary" icon={<FilePdfOutlined />} blockedReason={notReady} loading={saving} onClick={() => void exportPdf()}>
            导出 PDF
          </GuardedButton>
        </Flex>
      }
    >
      {saved && <Alert type={saved.ok ? 'success' : 'error'} showIcon title={saved.ok ? '导出 PDF' : '导出 PDF 失败'} description={saved.text} style={{ marginBottom: 12 }} data-testid="pdf-result" closable />}
      {error && (
        <Alert type="error" showIcon title="无法生成审查单" description={error} action={<Button size="small" onClick={() => void loadReviewForm(documentId)}>重试</Button>} />
      )}
      {loading && !html && <Skeleton active paragraph={{ rows: 12 }} />}
      {html && (
        <iframe
          ref={frame}
          title="保密审查单预览"
          sandbox="allow-same-origin allow-modals"
          srcDoc={html}
          data-testid="review-form-frame"
          style={{ width: '100%', height, border: '1px solid #d9d9d9', background: '#fff' }}
          onLoad={() => {
            const doc = frame.current?.contentDocument;
            if (doc) setHeight(Math.max(600, doc.documentElement.scrollHeight + 24));
          }}
        />
      )}
    </Card>
  );
}
