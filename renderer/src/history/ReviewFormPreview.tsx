// The 审查单 as it will print. Shown in a sandboxed iframe (no scripts run in it); same-origin only
// so the window can call print() on it and size it to its content. The 提示 findings are a count
// unless the annex is asked for; exporting says how far it has got.
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Flex, Progress, Skeleton } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api';
import { reviewSelectors, useMishenStore } from '../store';

/** A PDF of a long 审查单 takes seconds; the bar moves with time until it is written. */
function useElapsed(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) return setSeconds(0);
    const started = Date.now();
    const timer = setInterval(() => setSeconds((Date.now() - started) / 1000), 200);
    return () => clearInterval(timer);
  }, [running]);
  return seconds;
}

export function ReviewFormPreview({ documentId }: { documentId: string }) {
  const html = useMishenStore(reviewSelectors.reviewFormHtml);
  const loading = useMishenStore(reviewSelectors.reviewFormLoading);
  const error = useMishenStore(reviewSelectors.reviewFormError);
  const infoAnnex = useMishenStore(reviewSelectors.reviewFormInfoAnnex);
  const loadReviewForm = useMishenStore((s) => s.loadReviewForm);
  const setInfoAnnex = useMishenStore((s) => s.setReviewFormInfoAnnex);
  const savePdf = useMishenStore((s) => s.saveReviewFormPdf);
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(900);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<{ ok: boolean; text: string }>();
  const elapsed = useElapsed(saving);

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

  return (
    <Card
      size="small"
      title="保密审查单"
      extra={
        <Flex gap={8} align="center">
          <Checkbox checked={infoAnnex} onChange={(e) => void setInfoAnnex(documentId, e.target.checked)} data-testid="info-annex">
            附「提示」类发现清单
          </Checkbox>
          {/* Not yet: the form is being built (a second or two), which the skeleton below shows. */}
          <Button icon={<PrinterOutlined />} disabled={!html} onClick={() => frame.current?.contentWindow?.print()}>
            打印
          </Button>
          <Button type="primary" icon={<FilePdfOutlined />} disabled={!html} loading={saving} onClick={() => void exportPdf()}>
            导出 PDF
          </Button>
        </Flex>
      }
    >
      {saving && (
        <div data-testid="pdf-progress" style={{ marginBottom: 12 }}>
          <Progress percent={Math.min(95, Math.round(100 * (1 - Math.exp(-elapsed / 4))))} status="active" format={() => `正在生成 PDF（${Math.floor(elapsed)} 秒）`} />
        </div>
      )}
      {saved && <Alert type={saved.ok ? 'success' : 'error'} showIcon title={saved.ok ? '导出 PDF' : '导出 PDF 失败'} description={saved.text} style={{ marginBottom: 12 }} data-testid="pdf-result" closable />}
      {error && (
        <Alert type="error" showIcon title="无法生成审查单" description={error} action={<Button size="small" onClick={() => void loadReviewForm(documentId)}>重试</Button>} />
      )}
      {loading && !html && (
        <Skeleton active paragraph={{ rows: 12 }} />
      )}
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
