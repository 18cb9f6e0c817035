// What importing a package did: the document it brought and its state now, or the refusal and why.
import { Alert, Button } from 'antd';
import type { PackageImport } from './ImportPackageButton';

export function PackageImportOutcome({ outcome, onOpen, onClose }: { outcome: PackageImport; onOpen: (documentId: string) => void; onClose: () => void }) {
  if (!outcome.ok) {
    return <Alert type="error" showIcon closable={{ onClose }} title={`未导入「${outcome.name}」`} description={outcome.message} data-testid="package-import-outcome" role="alert" style={{ marginBottom: 16 }} />;
  }
  const { result } = outcome;
  return (
    <Alert
      type="success"
      showIcon
      closable={{ onClose }}
      title={result.kind === 'review' ? '送审包已导入' : '审核决定包已导入'}
      description={result.summary}
      action={<Button size="small" onClick={() => onOpen(result.documentId)}>打开文稿</Button>}
      data-testid="package-import-outcome"
      role="alert"
      style={{ marginBottom: 16 }}
    />
  );
}
