// 审查视图: the file by part with every finding marked in place, the findings list beside it, and
// the sign-off for the chain's next step.
import { Alert, App, Button, Card, Col, Flex, Row, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DocumentPartTabs } from '../components/DocumentPartTabs';
import { FindingDetail } from '../components/FindingDetail';
import { FindingsList } from '../components/FindingsList';
import { KeyboardHints } from '../components/KeyboardHints';
import { ReviewHeader } from '../components/ReviewHeader';
import { ScanWarnings } from '../components/ScanWarnings';
import { SignoffDialog } from '../components/SignoffDialog';
import { useReviewKeyboard } from '../review/use-review-keyboard';
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
    <>
      <ReviewHeader
        detail={detail}
        openCount={openCount}
        signoff={signoff}
        onBack={() => navigate({ screen: 'workbench' })}
        onHistory={() => navigate({ screen: 'history', documentId })}
        onSign={() => setSigning(true)}
      />
      <ScanWarnings />
      <Row gutter={16}>
        <Col span={14}>
          <Card size="small" styles={{ body: { paddingTop: 0 } }}>
            <DocumentPartTabs />
          </Card>
        </Col>
        <Col span={10}>
          <Flex vertical gap={12}>
            <Card size="small" title={`审查发现（${detail.scan.findings.length}）`} data-testid="findings-card">
              <FindingsList />
              <div style={{ marginTop: 8 }}>
                <KeyboardHints />
              </div>
            </Card>
            {detail.scan.findings.length > 0 && <FindingDetail />}
          </Flex>
        </Col>
      </Row>
      {signoff.step && (
        <SignoffDialog
          open={signing}
          step={signoff.step}
          onClose={() => setSigning(false)}
          onSigned={() => {
            setSigning(false);
            void message.success('已签批。');
          }}
        />
      )}
    </>
  );
}
