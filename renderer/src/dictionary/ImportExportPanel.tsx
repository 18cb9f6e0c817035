// 导入导出: import CSV, plain text, Excel or the native format after a row-by-row preview; export
// the active version in any of them.
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import type { ImportFile } from '../../../shared/api-contract';
import type { DictionaryExportFormat, DictionaryImportPreview } from '../../../shared/dictionary-api';
import { call, errorMessage } from '../api';
import { dictionarySelectors, useMishenStore } from '../store';
import { FilePickButton } from './FilePickButton';
import { ImportPreviewDialog } from './ImportPreviewDialog';
import { importFileOf } from './files';
import { exportVersion } from './VersionsPanel';

const EXPORTS: readonly [DictionaryExportFormat, string][] = [
  ['csv', 'CSV'],
  ['txt', '纯文本'],
  ['xlsx', 'Excel'],
  ['json', '原生格式'],
];

export function ImportExportPanel() {
  const { message } = AntApp.useApp();
  const base = useMishenStore(dictionarySelectors.base);
  const unsaved = useMishenStore(dictionarySelectors.hasUnsavedChanges);
  const changed = useMishenStore((s) => s.dictionaryChanged);
  const [file, setFile] = useState<ImportFile>();
  const [preview, setPreview] = useState<DictionaryImportPreview>();
  const [applying, setApplying] = useState(false);
  const [error, setError] = useState<string>();

  const pick = async (picked: File) => {
    setError(undefined);
    try {
      const f = await importFileOf(picked);
      setPreview(await call('dictionary/import-preview', f));
      setFile(f);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const apply = async () => {
    if (!file || !preview) return;
    setApplying(true);
    try {
      const { version } = await call('dictionary/import-apply', file, '', preview.baseVersion);
      message.success(`已导入「${preview.fileName}」：新增 ${preview.counts.add} 条、修改 ${preview.counts.change} 条，保存为词库第 ${version.number} 版。`);
      setPreview(undefined);
      setFile(undefined);
      await changed();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setApplying(false);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Card size="small" title="导入词库">
        <Typography.Paragraph type="secondary">
          支持 CSV（表头 term,category,severity,note）、纯文本（一行一个词条）、Excel .xlsx（首个工作表，表头可用「词条/类别/严重程度/说明」）和密审原生 JSON。导入前逐行列出将新增、修改、因重复跳过和因无效拒绝的条目，确认后才生成新版本；导入从不删除条目。
        </Typography.Paragraph>
        {unsaved && <Alert type="warning" showIcon title="有未保存的修改，请先保存或放弃，再导入。" style={{ marginBottom: 8 }} />}
        <FilePickButton accept=".csv,.txt,.xlsx,.json" testId="dictionary-import-input" icon={<UploadOutlined />} disabled={unsaved} onPick={(f) => void pick(f)}>
          选择要导入的文件…
        </FilePickButton>
        {error && !preview && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} role="alert" />}
      </Card>
      <Card size="small" title={`导出当前版本${base ? `（第 ${base.number} 版）` : ''}`}>
        <Flex gap={8}>
          {EXPORTS.map(([format, label]) => (
            <Button key={format} icon={<DownloadOutlined />} disabled={!base} onClick={() => base && void exportVersion(format, base.number, (t) => message.success(t)).catch((e) => message.error(errorMessage(e)))}>
              {label}
            </Button>
          ))}
        </Flex>
      </Card>
      {preview && <ImportPreviewDialog preview={preview} applying={applying} error={error} onApply={() => void apply()} onCancel={() => (setPreview(undefined), setError(undefined))} />}
    </Flex>
  );
}
