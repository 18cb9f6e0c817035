// 分发: the security office signs a version into a package and carries it to the divisions on
// removable media; a division's installation takes it only if the key is trusted, the signature
// holds, the content matches its hash and the version is newer. A refusal says which of these failed.
import { DownloadOutlined, KeyOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Flex, Input, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { TrustedKeyInfo } from '../../../shared/dictionary-api';
import { call, errorMessage } from '../api';
import { dictionarySelectors, useMishenStore } from '../store';
import { FilePickButton } from './FilePickButton';
import { downloadBytes, importFileOf } from './files';

type Outcome = { ok: true; text: string } | { ok: false; text: string };

export function PackagePanel() {
  const { message } = AntApp.useApp();
  const base = useMishenStore(dictionarySelectors.base);
  const unsaved = useMishenStore(dictionarySelectors.hasUnsavedChanges);
  const revision = useMishenStore(dictionarySelectors.revision);
  const changed = useMishenStore((s) => s.dictionaryChanged);
  const [outcome, setOutcome] = useState<Outcome>();
  const [keys, setKeys] = useState<TrustedKeyInfo[]>([]);
  const [label, setLabel] = useState('省保密办');
  const [fingerprint, setFingerprint] = useState<string>();

  useEffect(() => {
    call('dictionary/trusted-keys').then(setKeys, () => setKeys([]));
  }, [revision]);

  const exportPackage = async () => {
    try {
      const file = await call('dictionary/package-export');
      downloadBytes(file.name, file.bytes);
      message.success(`已导出签名词库包「${file.name}」。`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const importPackage = async (picked: File) => {
    setOutcome(undefined);
    try {
      const v = await call('dictionary/package-import', await importFileOf(picked));
      setOutcome({ ok: true, text: `已接受词库包：词库第 ${v.number} 版（${v.issuer ?? ''} 签发）现为当前版本。` });
      await changed();
    } catch (e) {
      setOutcome({ ok: false, text: errorMessage(e) });
    }
  };

  const exportKey = async () => {
    try {
      const key = await call('dictionary/public-key');
      setFingerprint(key.fingerprint);
      downloadBytes('密审词库签名公钥.pem', key.pem);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const trustKey = async (picked: File) => {
    try {
      const key = await call('dictionary/trust-key', await picked.text(), label);
      message.success(`已信任公钥「${key.label}」（指纹 ${key.fingerprint.slice(0, 16)}…）。`);
      setKeys(await call('dictionary/trusted-keys'));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Flex vertical gap={12}>
      <Card size="small" title="签发（保密办）">
        <Flex gap={8} wrap>
          <Button type="primary" icon={<DownloadOutlined />} onClick={() => void exportPackage()} disabled={!base}>
            导出签名词库包（第 {base?.number ?? '—'} 版）
          </Button>
          <Button icon={<KeyOutlined />} onClick={() => void exportKey()}>
            导出本机签名公钥
          </Button>
        </Flex>
        {fingerprint && (
          <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
            公钥指纹：<Typography.Text className="mono" copyable>{fingerprint}</Typography.Text>（请各处室核对后再信任）
          </Typography.Paragraph>
        )}
      </Card>
      <Card size="small" title="接收（处室）">
        <Flex gap={8} wrap align="center">
          <FilePickButton accept=".json" testId="package-import-input" icon={<UploadOutlined />} disabled={unsaved} onPick={(f) => void importPackage(f)}>
            导入词库包…
          </FilePickButton>
          <Input aria-label="公钥名称" value={label} onChange={(e) => setLabel(e.target.value)} style={{ width: 160 }} addonBefore="名称" />
          <FilePickButton accept=".pem" testId="trust-key-input" icon={<KeyOutlined />} onPick={(f) => void trustKey(f)}>
            信任公钥文件…
          </FilePickButton>
        </Flex>
        {outcome && <Alert style={{ marginTop: 8 }} type={outcome.ok ? 'success' : 'error'} showIcon title={outcome.ok ? '词库包已接受' : '词库包被拒绝'} description={outcome.text} data-testid="package-outcome" role="alert" />}
        <Table<TrustedKeyInfo>
          style={{ marginTop: 12 }}
          size="small"
          rowKey="fingerprint"
          pagination={false}
          dataSource={keys}
          locale={{ emptyText: '尚未信任任何公钥（本机自己的签名公钥始终受信任）' }}
          columns={[
            { title: '名称', dataIndex: 'label', width: 160 },
            { title: '指纹', dataIndex: 'fingerprint', render: (f: string) => <span className="mono">{f}</span> },
            { title: '添加人', dataIndex: 'addedBy', width: 100 },
            { title: '时间', dataIndex: 'addedAt', width: 180, render: (t: string) => new Date(t).toLocaleString('zh-CN') },
          ]}
        />
      </Card>
    </Flex>
  );
}
