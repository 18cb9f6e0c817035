import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { GuardedButton } from '../components/GuardedButton';
import { ImportDetailsDialog } from '../import/ImportDetailsDialog';
import { ImportDropZone } from '../import/ImportDropZone';
import { ImportProgressList } from '../import/ImportProgressList';
import { mayDo } from '../../../shared/permissions';
import { importSelectors, sessionSelectors, useMishenStore } from '../store';

export function ImportScreen() {
  const user = useMishenStore(sessionSelectors.user);
  const items = useMishenStore(importSelectors.items);
  const importing = useMishenStore(importSelectors.importing);
  const importFiles = useMishenStore((s) => s.importFiles);
  const clearFinished = useMishenStore((s) => s.clearFinishedImports);
  const navigate = useMishenStore((s) => s.navigate);
  const [chosen, setChosen] = useState<readonly File[]>();
  const permission = mayDo(user, 'submit');
  const done = items.filter((i) => i.status === 'done').length;
  const failed = items.filter((i) => i.status === 'failed').length;

  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>导入文稿</Typography.Title>} extra={<Button onClick={() => navigate({ screen: 'workbench' })}>返回工作台</Button>}>
      <Flex vertical gap={16}>
        {!permission.allowed && <Alert type="info" showIcon title="当前账号不能导入" description={permission.reason} />}
        <ImportDropZone onFiles={setChosen} blockedReason={permission.reason} />
        {items.length > 0 && (
          <Flex justify="space-between" align="center">
            <Typography.Text data-testid="import-summary">
              共 {items.length} 个文件：已完成 {done} 个{failed > 0 ? `，${failed} 个无法导入` : ''}
              {importing ? '，正在逐个审查…' : ''}
            </Typography.Text>
            <GuardedButton size="small" blockedReason={importing ? '正在逐个审查，全部完成后才能清除列表。' : undefined} onClick={clearFinished}>
              清除已完成
            </GuardedButton>
          </Flex>
        )}
        {items.length > 0 && <ImportProgressList items={items} onOpen={(id) => navigate({ screen: 'review', documentId: id })} />}
      </Flex>
      {chosen && (
        <ImportDetailsDialog
          files={chosen}
          onCancel={() => setChosen(undefined)}
          onConfirm={(requests) => {
            setChosen(undefined);
            void importFiles(requests);
          }}
        />
      )}
    </Card>
  );
}
