// 版本: every saved set with its number, hash, who saved it and why (the audit log has the same);
// a diff between any two; rollback (a new version with an old content: history is never
// rewritten); export of any version in CSV, text, Excel or the native format.
import { Alert, Button, Card, Dropdown, Flex, Popconfirm, Select, Table, Tag, Typography, App as AntApp } from 'antd';
import { useEffect, useState } from 'react';
import type { DictionaryDiff, DictionaryExportFormat, DictionaryVersionInfo } from '../../../shared/dictionary-api';
import { call, errorMessage } from '../api';
import { dictionarySelectors, useMishenStore } from '../store';
import { DiffView } from './DiffView';
import { downloadBytes } from './files';

const FORMATS: readonly { key: DictionaryExportFormat; label: string }[] = [
  { key: 'csv', label: 'CSV（词条）' },
  { key: 'txt', label: '纯文本（词条）' },
  { key: 'xlsx', label: 'Excel（词条）' },
  { key: 'json', label: '原生格式（全部内容）' },
];

export async function exportVersion(format: DictionaryExportFormat, version: number, notify: (text: string) => void): Promise<void> {
  const file = await call('dictionary/export', format, version);
  downloadBytes(file.name, file.bytes);
  notify(file.omitted ? `已导出「${file.name}」；该格式不能容纳的 ${file.omitted} 项（正则、停用条目、白名单、规则）未导出，请用原生格式导出全部内容。` : `已导出「${file.name}」。`);
}

export function VersionsPanel() {
  const { message } = AntApp.useApp();
  const revision = useMishenStore(dictionarySelectors.revision);
  const unsaved = useMishenStore(dictionarySelectors.hasUnsavedChanges);
  const changed = useMishenStore((s) => s.dictionaryChanged);
  const [versions, setVersions] = useState<DictionaryVersionInfo[]>([]);
  const [error, setError] = useState<string>();
  const [from, setFrom] = useState<number>();
  const [to, setTo] = useState<number>();
  const [diff, setDiff] = useState<{ diff: DictionaryDiff; from: number; to: number }>();

  useEffect(() => {
    call('dictionary/versions').then(
      (vs) => {
        const sorted = [...vs].sort((a, b) => b.number - a.number);
        setVersions(sorted);
        setTo(sorted[0]?.number);
        setFrom(sorted[1]?.number ?? sorted[0]?.number);
      },
      (e) => setError(errorMessage(e)),
    );
  }, [revision]);

  const compare = async (a = from, b = to) => {
    if (a === undefined || b === undefined) return;
    try {
      setDiff({ diff: await call('dictionary/diff', a, b), from: a, to: b });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const rollback = async (number: number) => {
    try {
      const v = await call('dictionary/rollback', number, '');
      message.success(`已回退：新的第 ${v.number} 版内容与第 ${number} 版相同。`);
      await changed();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const options = versions.map((v) => ({ value: v.number, label: `第 ${v.number} 版${v.active ? '（当前）' : ''}` }));
  return (
    <Flex vertical gap={12}>
      {error && <Alert type="error" showIcon title={error} />}
      <Card size="small" title="版本比较">
        <Flex gap={8} align="center">
          <Select aria-label="比较的旧版本" style={{ width: 160 }} value={from} onChange={setFrom} options={options} />
          <span>→</span>
          <Select aria-label="比较的新版本" style={{ width: 160 }} value={to} onChange={setTo} options={options} />
          <Button type="primary" onClick={() => void compare()}>
            比较
          </Button>
        </Flex>
        {diff && (
          <div style={{ marginTop: 12 }}>
            <DiffView {...diff} />
          </div>
        )}
      </Card>
      <Table<DictionaryVersionInfo>
        size="small"
        rowKey="number"
        data-testid="versions-table"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={versions}
        columns={[
          { title: '版本', dataIndex: 'number', width: 110, render: (n: number, v) => <Flex gap={4}>第 {n} 版{v.active && <Tag color="green">当前</Tag>}</Flex> },
          { title: '哈希（SHA-256）', dataIndex: 'hash', width: 170, render: (h: string) => <Typography.Text className="mono" copyable={{ text: h }}>{h.slice(0, 16)}…</Typography.Text> },
          { title: '说明', dataIndex: 'note', ellipsis: true, render: (n: string, v) => (v.issuer ? `${n}（签发：${v.issuer}）` : n) },
          { title: '保存人', dataIndex: 'createdBy', width: 110 },
          { title: '时间', dataIndex: 'createdAt', width: 180, render: (t: string) => new Date(t).toLocaleString('zh-CN') },
          {
            title: '操作',
            key: 'actions',
            width: 250,
            render: (_, v) => {
              // Numbers may jump (a package keeps its issuer's number): the previous one in the list.
              const previous = versions.find((x) => x.number < v.number);
              return (
              <Flex gap={4}>
                <Button size="small" type="link" onClick={() => previous && void compare(previous.number, v.number)} disabled={!previous}>
                  与上一版比较
                </Button>
                <Dropdown menu={{ items: FORMATS.map((f) => ({ key: f.key, label: f.label })), onClick: ({ key }) => void exportVersion(key as DictionaryExportFormat, v.number, (t) => message.success(t)).catch((e) => message.error(errorMessage(e))) }}>
                  <Button size="small" type="link">
                    导出
                  </Button>
                </Dropdown>
                {!v.active && (
                  <Popconfirm title={`回退到第 ${v.number} 版？`} description="将以该版内容生成一个新版本，历史版本不会被改写。" okText="回退" cancelText="取消" disabled={unsaved} onConfirm={() => rollback(v.number)}>
                    <Button size="small" type="link" danger disabled={unsaved} title={unsaved ? '请先保存或放弃未保存的修改' : undefined}>
                      回退到此版
                    </Button>
                  </Popconfirm>
                )}
              </Flex>
              );
            },
          },
        ]}
      />
    </Flex>
  );
}
