// 审查视图: the document as it looks with every finding in place (and its text, and its properties),
// the findings beside it with the selected one in full, and the sign-off for the chain's next step.
// The page itself does not scroll: the document and the list each fill the height they have.
import { Alert, App, Button, Card, Flex, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DocumentPane } from '../review/document/DocumentPane';
import { FindingsPanel } from '../review/findings/FindingsPanel';
import { ReviewHeader } from '../review/ReviewHeader';
import { ScanWarnings } from '../review/ScanWarnings';
import { SignoffDialog } from '../review/signoff/SignoffDialog';
import { useReviewKeyboard } from '../review/use-review-keyboard';
import { perfMark } from '../perf-marks';
import { reviewSelectors, useMishenStore } from '../store';

export function ReviewScreen({ documentId }: { documentId: string }) {
  const detail = useMishenStore(reviewSelectors.detail);
  const loading = useMishenStore(reviewSelectors.loading);
  const error = useMishenStore(reviewSelectors.error);
  const openCount = useMishenStore(reviewSelectors.openCount);
  const signoff = useMishenStore(useShallow(reviewSelectors.signoff));
  const openDocument = useMishenStore((s) => s.openDocument);
  const navigate = useMishenStore((s) => s.navigate);
  const [signing, setSigning] = useState(false);
  const { message } = App.useApp();
  useReviewKeyboard(!signing);

  useEffect(() => {
    if (useMishenStore.getState().detail?.id !== documentId) void openDocument(documentId);
  }, [documentId, openDocument]);
  const shown = detail?.id === documentId;
  useEffect(() => {
    if (shown) perfMark('review-shown');
  }, [shown]);

  if (error && !detail) {
    return (
      <Alert
        type="error"
        showIcon
        title="无法打开该文稿"
        description={error}
        action={
          <Flex vertical gap={4}>
            <Button size="small" onClick={() => void openDocument(documentId)}>
              重试
            </Button>
            <Button size="small" onClick={() => navigate({ screen: 'workbench' })}>
              返回工作台
            </Button>
          </Flex>
        }
      />
    );
  }
  if (!detail || detail.id !== documentId || (loading && !detail)) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }

  return (
    <div className="review-screen" data-testid="review-screen">
      <ReviewHeader
        detail={detail}
        openCount={openCount}
        signoff={signoff}
        onBack={() => navigate({ screen: 'workbench' })}
        onHistory={() => navigate({ screen: 'history', documentId })}
        onSign={() => setSigning(true)}
      />
      <ScanWarnings />
      <div className="review-columns">
        <DocumentPane />
        <FindingsPanel />
      </div>
      {signoff.step && (
        <SignoffDialog
          open={signing}
          step={signoff.step}
          approveBlocked={signoff.approveBlocked}
          onClose={() => setSigning(false)}
          onSigned={(decision) => {
            setSigning(false);
            void message.success(decision === 'return' ? '已退回，起草人修改后重新自查。' : signoff.step === 'office' ? '已签批，审查已办结。' : '已签批，已转下一步。');
          }}
        />
      )}
    </div>
  );
}
