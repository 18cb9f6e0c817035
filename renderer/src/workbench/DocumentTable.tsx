import { Button, Space, Table, Tag, type TableColumnsType } from 'antd';
import type { DocumentSummary } from '../../../shared/records';
import { ResultTag } from '../components/VerdictTag';
import { formatTime } from '../format';

interface Props {
  readonly documents: readonly DocumentSummary[];
  readonly loading: boolean;
  readonly onOpen: (documentId: string) => void;
  readonly onHistory: (documentId: string) => void;
}

export function DocumentTable({ documents, loading, onOpen, onHistory }: Props) {
  const columns: TableColumnsType<DocumentSummary> = [
    {
      title: '标题',
      dataIndex: 'title',
      render: (title: string, d) => (
        <Button type="link" style={{ padding: 0, height: 'auto', textAlign: 'left', whiteSpace: 'normal' }} onClick={() => onOpen(d.id)}>
          {title}
        </Button>
      ),
    },
    { title: '文号', dataIndex: 'docNumber', width: 140, render: (v: string) => v || '—' },
    { title: '处室', dataIndex: 'division', width: 110 },
    { title: '起草人', dataIndex: 'drafterName', width: 90 },
    { title: '版本', width: 70, render: (_, d) => `第 ${d.latestVersion.number} 版` },
    { title: '审查结论', dataIndex: 'verdict', width: 110, render: (_, d) => <ResultTag document={d} /> },
    { title: '状态', dataIndex: 'state', width: 120, render: (state: string) => <Tag color={state === '已退回' ? 'red' : state === '已办结' ? 'green' : 'blue'}>{state}</Tag> },
    { title: '导入时间', dataIndex: 'createdAt', width: 150, render: (v: string) => formatTime(v) },
    {
      title: '操作',
      width: 150,
      render: (_, d) => (
        <Space size={4}>
          <Button size="small" type="primary" onClick={() => onOpen(d.id)} aria-label={`审查「${d.title}」`}>
            审查
          </Button>
          <Button size="small" onClick={() => onHistory(d.id)} aria-label={`「${d.title}」的历史与审查单`}>
            历史
          </Button>
        </Space>
      ),
    },
  ];
  return <Table<DocumentSummary> rowKey="id" size="middle" columns={columns} dataSource={[...documents]} loading={loading} pagination={{ pageSize: 20, hideOnSinglePage: true }} />;
}
