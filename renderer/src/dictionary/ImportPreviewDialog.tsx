// What an import would do, row by row, before anything changes: add, change (which fields),
// duplicate (skipped) or invalid (rejected, with the reason). 确认导入 applies the add and change
// rows as one version; the preview names the version it was made on, so a stale one is refused.
import { Alert, Modal, Space, Table, Tag, Typography } from 'antd';
import type { DictionaryImportPreview, ImportPreviewRow, ImportRowAction } from '../../../shared/dictionary-api';
import { categoryLabel } from '../../../shared/labels';
import { IMPORT_ACTION_LABELS } from './labels';

export interface ImportPreviewDialogProps {
  readonly preview: DictionaryImportPreview;
  readonly applying: boolean;
  readonly error?: string;
  readonly onApply: () => void;
  readonly onCancel: () => void;
}

const ORDER: readonly ImportRowAction[] = ['add', 'change', 'duplicate', 'invalid'];

export function ImportPreviewDialog({ preview, applying, error, onApply, onCancel }: ImportPreviewDialogProps) {
  const applicable = preview.counts.add + preview.counts.change;
  return (
    <Modal
      open
      width={960}
      title={`导入预览：${preview.fileName}`}
      okText={applicable ? `确认导入（${applicable} 条）` : '没有可导入的条目'}
      cancelText="取消"
      okButtonProps={{ disabled: applicable === 0, loading: applying }}
      onOk={onApply}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Space wrap style={{ marginBottom: 12 }} data-testid="import-counts">
        <Typography.Text>基于词库第 {preview.baseVersion} 版：</Typography.Text>
        {ORDER.map((a) => (
          <Tag key={a} color={IMPORT_ACTION_LABELS[a].color} data-testid={`import-count-${a}`}>
            {IMPORT_ACTION_LABELS[a].label} {preview.counts[a]}
          </Tag>
        ))}
      </Space>
      {preview.counts.invalid > 0 && <Alert type="warning" showIcon title={`有 ${preview.counts.invalid} 行无效，导入时将被拒绝；其余各行不受影响。`} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      <Table<ImportPreviewRow>
        size="small"
        data-testid="import-preview-table"
        rowKey={(r) => `${r.line}-${r.item}-${r.id ?? r.term}`}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        dataSource={preview.rows as ImportPreviewRow[]}
        rowClassName={(r) => `import-row-${r.action}`}
        columns={[
          { title: '行', dataIndex: 'line', width: 60 },
          { title: '处理', dataIndex: 'action', width: 110, render: (a: ImportRowAction) => <Tag color={IMPORT_ACTION_LABELS[a].color}>{IMPORT_ACTION_LABELS[a].label}</Tag> },
          { title: '词条', dataIndex: 'term', width: 180, ellipsis: true },
          { title: '类别', dataIndex: 'category', width: 160, render: (c: string) => (c ? categoryLabel(c) : '') },
          { title: '严重程度', dataIndex: 'severity', width: 90 },
          { title: '说明', dataIndex: 'reason' },
        ]}
      />
    </Modal>
  );
}
