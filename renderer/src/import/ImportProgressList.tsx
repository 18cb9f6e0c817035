// One line per file of an import: waiting, reviewing (with pages read so far), done with its
// verdict, or failed with the reason in Chinese, so nothing that could not be read goes unnoticed.
import { CheckCircleFilled, ClockCircleOutlined, CloseCircleFilled, LoadingOutlined } from '@ant-design/icons';
import { Button, Flex, List, Progress, Typography } from 'antd';
import { VerdictTag } from '../components/VerdictTag';
import { formatSize } from '../format';
import type { ImportItem } from '../store/import/initialState';
import { progressPercent, progressText } from './progress-text';

interface Props {
  readonly items: readonly ImportItem[];
  readonly onOpen: (documentId: string) => void;
}

const STATUS_TEXT: Record<ImportItem['status'], string> = { waiting: '等待审查', reviewing: '正在审查…', done: '审查完成', failed: '无法导入' };

function StatusIcon({ status }: { status: ImportItem['status'] }) {
  if (status === 'waiting') return <ClockCircleOutlined style={{ color: '#8c8c8c', fontSize: 18 }} />;
  if (status === 'reviewing') return <LoadingOutlined style={{ color: '#1f4e9c', fontSize: 18 }} spin />;
  if (status === 'done') return <CheckCircleFilled style={{ color: '#389e0d', fontSize: 18 }} />;
  return <CloseCircleFilled style={{ color: '#cf1322', fontSize: 18 }} />;
}

export function ImportProgressList({ items, onOpen }: Props) {
  return (
    <List
      bordered
      dataSource={[...items]}
      locale={{ emptyText: '尚未选择文件' }}
      renderItem={(item) => (
        <List.Item
          key={item.key}
          data-testid="import-item"
          data-status={item.status}
          aria-label={`${item.name}：${STATUS_TEXT[item.status]}`}
          actions={
            item.status === 'done' && item.documentId
              ? [
                  <Button key="open" size="small" type="primary" onClick={() => onOpen(item.documentId!)}>
                    打开审查
                  </Button>,
                ]
              : []
          }
        >
          <Flex gap={12} align="flex-start" style={{ width: '100%' }}>
            <StatusIcon status={item.status} />
            <Flex vertical style={{ flex: 1, minWidth: 0 }}>
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong>{item.title}</Typography.Text>
                {item.title !== item.name && <Typography.Text type="secondary">{item.name}</Typography.Text>}
                <Typography.Text type="secondary">{formatSize(item.size)}</Typography.Text>
                <Typography.Text type={item.status === 'failed' ? 'danger' : 'secondary'}>{STATUS_TEXT[item.status]}</Typography.Text>
                {item.verdict && <VerdictTag verdict={item.verdict} />}
              </Flex>
              {item.status === 'reviewing' && item.progress && (
                <Progress percent={progressPercent(item.progress)} size="small" format={() => progressText(item.progress!)} style={{ maxWidth: 420 }} data-testid="import-progress" />
              )}
              {item.message && (
                <Typography.Text type="danger" data-testid="import-failure-reason">
                  {item.message}
                </Typography.Text>
              )}
            </Flex>
          </Flex>
        </List.Item>
      )}
    />
  );
}
