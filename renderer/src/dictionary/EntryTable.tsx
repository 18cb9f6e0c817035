// The entries of the unsaved set, virtualised (antd Table `virtual`): only the visible rows are
// rendered, so 100,000 entries scroll and filter without freezing the window.
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { DictionaryEntry } from '../../../shared/dictionary/types';
import { SEVERITY_LABELS, categoryLabel } from '../../../shared/labels';
import { entryText } from './entry-filter';
import { SEVERITY_COLORS } from './labels';

export interface EntryTableProps {
  readonly entries: readonly DictionaryEntry[];
  readonly touched: ReadonlySet<string>;
  readonly height: number;
  readonly onEdit: (entry: DictionaryEntry) => void;
  readonly onToggle: (entry: DictionaryEntry) => void;
}

export function EntryTable({ entries, touched, height, onEdit, onToggle }: EntryTableProps) {
  const columns: ColumnsType<DictionaryEntry> = [
    {
      title: '词条 / 正则',
      key: 'text',
      width: 260,
      render: (_, e) => (
        <Space size={4}>
          {e.type === 'pattern' && <Tag color="purple">正则</Tag>}
          <Typography.Text className={e.type === 'pattern' ? 'mono' : undefined} delete={e.enabled === false} ellipsis={{ tooltip: entryText(e) }} style={{ maxWidth: 200 }}>
            {entryText(e)}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '类别', dataIndex: 'category', width: 170, render: (c: string) => categoryLabel(c) },
    { title: '严重程度', dataIndex: 'severity', width: 110, render: (s: DictionaryEntry['severity']) => <Tag color={SEVERITY_COLORS[s]}>{SEVERITY_LABELS[s]}</Tag> },
    { title: '说明', dataIndex: 'note', ellipsis: true },
    { title: '来源', dataIndex: 'source', width: 150, ellipsis: true },
    {
      title: '状态',
      key: 'status',
      width: 130,
      render: (_, e) => (
        <Space size={2}>
          {e.enabled === false ? <Tag>已停用</Tag> : <Tag color="green">启用</Tag>}
          {touched.has(e.id) && <Tag color="gold">未保存</Tag>}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 130,
      render: (_, e) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => onEdit(e)} aria-label={`编辑「${entryText(e)}」`}>
            编辑
          </Button>
          <Tooltip title={e.enabled === false ? '重新启用后，扫描会再报告它' : '停用后保留在词库中，但扫描不再报告'}>
            <Button type="link" size="small" danger={e.enabled !== false} onClick={() => onToggle(e)} aria-label={`${e.enabled === false ? '启用' : '停用'}「${entryText(e)}」`}>
              {e.enabled === false ? '启用' : '停用'}
            </Button>
          </Tooltip>
        </Space>
      ),
    },
  ];
  return (
    <Table<DictionaryEntry>
      data-testid="entry-table"
      size="small"
      rowKey="id"
      virtual
      scroll={{ x: 1080, y: height }}
      pagination={false}
      columns={columns}
      dataSource={entries as DictionaryEntry[]}
      rowClassName={(e) => (touched.has(e.id) ? 'entry-row-touched' : '')}
      locale={{ emptyText: '没有符合条件的条目' }}
    />
  );
}
