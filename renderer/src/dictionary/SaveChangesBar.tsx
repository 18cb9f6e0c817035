// The version in use and the unsaved changes: 保存 makes them one new version (with a note for the
// audit log), 放弃 drops them. Saving is refused if someone saved another version meanwhile.
import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Flex, Input, Modal, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { dictionarySelectors, useMishenStore } from '../store';

export function SaveChangesBar() {
  const { message } = AntApp.useApp();
  const base = useMishenStore(dictionarySelectors.base);
  const pending = useMishenStore(dictionarySelectors.pendingCount);
  const saving = useMishenStore(dictionarySelectors.saving);
  const save = useMishenStore((s) => s.saveDictionary);
  const discard = useMishenStore((s) => s.discardDictionaryChanges);
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();

  const confirm = async () => {
    setError(undefined);
    try {
      const v = await save(note);
      message.success(`已保存为词库第 ${v.number} 版（哈希 ${v.hash.slice(0, 12)}…），新的扫描将使用此版本。`);
      setAsking(false);
      setNote('');
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Flex align="center" gap={8}>
      {base && (
        <Typography.Text data-testid="dictionary-version">
          当前使用：<Tag color="blue">词库第 {base.number} 版</Tag>
          <Typography.Text type="secondary" className="mono">
            {base.hash.slice(0, 12)}…
          </Typography.Text>
        </Typography.Text>
      )}
      {pending > 0 && (
        <Tag color="gold" data-testid="unsaved-count">
          {pending} 处未保存的修改
        </Tag>
      )}
      <Popconfirm title="放弃所有未保存的修改？" okText="放弃" cancelText="取消" onConfirm={discard} disabled={pending === 0}>
        <Button icon={<UndoOutlined />} disabled={pending === 0}>
          放弃修改
        </Button>
      </Popconfirm>
      <Button type="primary" icon={<SaveOutlined />} disabled={pending === 0} onClick={() => setAsking(true)}>
        保存为新版本
      </Button>
      {asking && (
        <Modal open title="保存为新版本" okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void confirm()} onCancel={() => setAsking(false)}>
          <Typography.Paragraph>
            {pending} 处修改将合为一个新的词库版本保存，并记入审计日志。之后的每次扫描都使用新版本，并在扫描记录中注明版本号。
          </Typography.Paragraph>
          <Input.TextArea aria-label="修改说明" placeholder="修改说明（记入审计日志），例如：新增工程代号" value={note} onChange={(e) => setNote(e.target.value)} autoSize={{ minRows: 2 }} />
          {error && (
            <Typography.Paragraph type="danger" style={{ marginTop: 8, whiteSpace: 'pre-wrap' }} role="alert">
              {error}
            </Typography.Paragraph>
          )}
        </Modal>
      )}
    </Flex>
  );
}
