import { Table, Typography } from 'antd';
import type { VersionInfo } from '../../../shared/records';
import { formatSize, formatTime } from '../format';

export function VersionsTable({ versions }: { versions: readonly VersionInfo[] }) {
  return (
    <Table<VersionInfo>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...versions].sort((a, b) => b.number - a.number)}
      columns={[
        { title: '版本', dataIndex: 'number', width: 70, render: (n: number) => `第 ${n} 版` },
        { title: '文件名', dataIndex: 'fileName' },
        { title: 'SHA-256（文件指纹）', dataIndex: 'sha256', render: (h: string) => <Typography.Text className="mono" copyable={{ text: h, tooltips: ['复制', '已复制'] }}>{h}</Typography.Text> },
        { title: '大小', dataIndex: 'size', width: 90, render: (s: number) => formatSize(s) },
        { title: '导入时间', dataIndex: 'createdAt', width: 140, render: (t: string) => formatTime(t) },
      ]}
    />
  );
}
