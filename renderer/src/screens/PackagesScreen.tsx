// 送审包: this installation's key for review packages (its fingerprint is read to the other side over
// the telephone), the other installations whose packages are taken here — trusted from their key
// file or their fingerprint, by the security officer or the administrator — and every package sent
// and taken. Reached from the workbench.
import { ArrowLeftOutlined, KeyOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Input, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { PACKAGE_KIND_LABELS, type InstallationKeyInfo, type PackageInfo, type TrustedInstallationInfo } from '../../../shared/package-api';
import { mayDo } from '../../../shared/permissions';
import { call, errorMessage } from '../api';
import { GuardedButton } from '../components/GuardedButton';
import { FilePickButton } from '../dictionary/FilePickButton';
import { downloadBytes } from '../dictionary/files';
import { formatTime } from '../format';
import { DIRECTION_LABELS } from '../packages/package-labels';
import { documentsSelectors, sessionSelectors, useMishenStore } from '../store';

const FINGERPRINT = /^[0-9a-fA-F]{64}$/;

export function PackagesScreen() {
  const user = useMishenStore(sessionSelectors.user);
  const documents = useMishenStore(documentsSelectors.allDocuments);
  const navigate = useMishenStore((s) => s.navigate);
  const { message } = App.useApp();
  const [key, setKey] = useState<InstallationKeyInfo>();
  const [keyError, setKeyError] = useState<string>();
  const [trusted, setTrusted] = useState<TrustedInstallationInfo[]>([]);
  const [sentAndTaken, setSentAndTaken] = useState<PackageInfo[]>([]);
  const [label, setLabel] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const [refusal, setRefusal] = useState<string>();
  const trust = mayDo(user, 'trust-installation');

  const loadTrusted = useCallback(async () => {
    if (trust.allowed) setTrusted(await call('packages/trusted').catch(() => []));
  }, [trust.allowed]);

  useEffect(() => {
    call('packages/installation-key').then(setKey, (e) => setKeyError(errorMessage(e)));
    call('packages/list').then(setSentAndTaken, () => setSentAndTaken([]));
    void loadTrusted();
  }, [loadTrusted]);

  const add = async (keyOrFingerprint: string) => {
    setRefusal(undefined);
    try {
      const t = await call('packages/trust', keyOrFingerprint, label);
      void message.success(`已信任「${t.label}」（指纹 ${t.fingerprint.slice(0, 16)}…）的送审包和审核决定包。`);
      setFingerprint('');
      await loadTrusted();
    } catch (e) {
      setRefusal(errorMessage(e));
    }
  };

  const fingerprintReason = !label.trim() ? '请先填写对方名称。' : !FINGERPRINT.test(fingerprint.trim()) ? '指纹应为 64 位十六进制数字。' : undefined;
  const titleOf = new Map(documents.map((d) => [d.id, d.title]));

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={10}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate({ screen: 'workbench' })} aria-label="返回工作台" />
        <Typography.Title level={4} style={{ margin: 0 }}>
          送审包：本机公钥与信任的安装
        </Typography.Title>
      </Flex>
      <Card size="small" title="本机送审包公钥" data-testid="installation-key">
        {keyError && <Alert type="error" showIcon title={keyError} />}
        {key && (
          <Flex vertical gap={8}>
            <Typography.Text>
              公钥指纹：
              <Typography.Text className="mono" copyable={{ text: key.fingerprint, tooltips: ['复制', '已复制'] }} data-testid="installation-fingerprint">
                {key.fingerprint}
              </Typography.Text>
            </Typography.Text>
            <Typography.Text type="secondary">请将公钥文件交对方保密员，并通过电话核对指纹；对方信任后，才会接受本机导出的送审包或审核决定包。</Typography.Text>
            <div>
              <Button icon={<KeyOutlined />} onClick={() => downloadBytes('密审送审包公钥.pem', key.pem)}>
                导出本机公钥文件
              </Button>
            </div>
          </Flex>
        )}
      </Card>
      <Card size="small" title="信任的安装" data-testid="trusted-installations">
        {!trust.allowed ? (
          <Typography.Text type="secondary" data-testid="blocked-reason">
            {trust.reason}
          </Typography.Text>
        ) : (
          <Flex vertical gap={12}>
            <Flex gap={8} wrap align="center">
              <Input aria-label="对方名称" placeholder="如：省政府办公厅" value={label} onChange={(e) => setLabel(e.target.value)} style={{ width: 220 }} addonBefore="对方名称" />
              <FilePickButton accept=".pem" testId="trust-installation-input" icon={<SafetyCertificateOutlined />} disabled={!label.trim()} onPick={(f) => void f.text().then(add)}>
                从公钥文件信任…
              </FilePickButton>
              <Input aria-label="对方公钥指纹" placeholder="或输入对方电话告知的 64 位指纹" value={fingerprint} onChange={(e) => setFingerprint(e.target.value)} style={{ width: 420 }} className="mono" />
              <GuardedButton onClick={() => void add(fingerprint.trim())} blockedReason={fingerprint.trim() ? fingerprintReason : undefined} disabled={!fingerprint.trim()}>
                按指纹信任
              </GuardedButton>
            </Flex>
            {refusal && <Alert type="error" showIcon title="未能信任" description={refusal} closable={{ onClose: () => setRefusal(undefined) }} data-testid="trust-refusal" />}
            <Table<TrustedInstallationInfo>
              size="small"
              rowKey="fingerprint"
              pagination={false}
              dataSource={trusted}
              locale={{ emptyText: '尚未信任任何安装：其他安装的送审包和审核决定包都会被拒绝。' }}
              columns={[
                { title: '名称', dataIndex: 'label', width: 200 },
                { title: '公钥指纹', dataIndex: 'fingerprint', render: (f: string) => <span className="mono">{f}</span> },
                { title: '方式', dataIndex: 'byFingerprintOnly', width: 110, render: (only: boolean) => (only ? <Tag>仅指纹</Tag> : <Tag color="green">公钥文件</Tag>) },
                { title: '添加时间', dataIndex: 'addedAt', width: 150, render: (t: string) => formatTime(t) },
              ]}
            />
          </Flex>
        )}
      </Card>
      <Card size="small" title="本机收发的包" data-testid="package-records">
        <Table<PackageInfo>
          size="small"
          rowKey={(p) => `${p.packageId}-${p.direction}`}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          dataSource={[...sentAndTaken].reverse()}
          locale={{ emptyText: '本机尚未收发送审包。' }}
          columns={[
            { title: '时间', dataIndex: 'recordedAt', width: 150, render: (t: string) => formatTime(t) },
            { title: '收发', dataIndex: 'direction', width: 70, render: (d: PackageInfo['direction']) => DIRECTION_LABELS[d] },
            { title: '种类', dataIndex: 'kind', width: 110, render: (k: PackageInfo['kind']) => PACKAGE_KIND_LABELS[k] },
            { title: '文稿', dataIndex: 'documentId', render: (id: string) => titleOf.get(id) ?? '（本机列表中没有该文稿）' },
          ]}
        />
      </Card>
    </Flex>
  );
}
