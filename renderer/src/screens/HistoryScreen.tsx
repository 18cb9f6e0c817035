// 历史: every version bound by its SHA-256, the sign-off chain, and the 审查单 to print or export.
import { ArrowLeftOutlined, FileSearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import { ResultTag } from '../components/VerdictTag';
import { ReviewFormPreview } from '../history/ReviewFormPreview';
import { VersionsTable } from '../history/VersionsTable';
import { DocumentPackagesCard } from '../packages/DocumentPackagesCard';
import { useDocumentPackages } from '../packages/use-document-packages';
import { SignoffChain } from '../review/signoff/SignoffChain';
import { reviewSelectors, useMishenStore } from '../store';

export function HistoryScreen({ documentId }: { documentId: string }) {
  const detail = useMishenStore(reviewSelectors.detail);
  const error = useMishenStore(reviewSelectors.error);
  const openDocument = useMishenStore((s) => s.openDocument);
  const navigate = useMishenStore((s) => s.navigate);
  const packages = useDocumentPackages(documentId, detail?.id === documentId ? detail.latestVersion.id : '');

  useEffect(() => {
    if (useMishenStore.getState().detail?.id !== documentId) void openDocument(documentId);
  }, [documentId, openDocument]);

  if (error && !detail) return <Alert type="error" showIcon title="无法打开该文稿" description={error} action={<Button onClick={() => navigate({ screen: 'workbench' })}>返回工作台</Button>} />;
  if (!detail || detail.id !== documentId) return <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>;

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Flex align="center" gap={10}>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate({ screen: 'workbench' })} aria-label="返回工作台" />
          <Typography.Title level={4} style={{ margin: 0 }}>
            历史与审查单：{detail.title}
          </Typography.Title>
          <ResultTag document={detail} />
        </Flex>
        <Button icon={<FileSearchOutlined />} onClick={() => navigate({ screen: 'review', documentId })}>
          返回审查视图
        </Button>
      </Flex>
      <Row gutter={16}>
        <Col span={10}>
          <Flex vertical gap={16}>
            <Card size="small" title="版本">
              <VersionsTable versions={detail.versions} />
            </Card>
            <Card size="small" title={`签批流程（第 ${detail.latestVersion.number} 版）`}>
              <SignoffChain signoffs={detail.signoffs} />
            </Card>
            <DocumentPackagesCard detail={detail} packages={packages} />
          </Flex>
        </Col>
        <Col span={14}>
          <ReviewFormPreview documentId={documentId} />
        </Col>
      </Row>
    </>
  );
}
