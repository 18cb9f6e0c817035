// Under the sign-in and first-run forms: where this desktop's records are, whether they answer,
// and the way to change it (数据库设置). A desktop whose server is away lands here and is put right here.
import { DatabaseOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex } from 'antd';
import { useState } from 'react';
import { ConnectionStatus, useConnectionState } from './ConnectionStatus';
import { DatabaseSettingsDialog } from './DatabaseSettingsDialog';

interface Props {
  /** Changes when the records move, so that the state is asked again. */
  readonly refresh: number;
  /** The records are now elsewhere: whoever shows this starts again. */
  readonly onSwitched: () => void;
}

export function DatabasePlace({ refresh, onSwitched }: Props) {
  const state = useConnectionState(refresh);
  const [open, setOpen] = useState(false);
  const { message } = App.useApp();
  return (
    <>
      {state && !state.connected && <Alert type="error" showIcon title="审查记录无法打开" description={state.message} style={{ marginTop: 16 }} role="alert" />}
      <Flex align="center" justify="space-between" gap={8} style={{ marginTop: 16 }}>
        <ConnectionStatus state={state} />
        <Button type="link" size="small" icon={<DatabaseOutlined />} onClick={() => setOpen(true)} style={{ paddingInline: 0 }}>
          数据库设置
        </Button>
      </Flex>
      <DatabaseSettingsDialog
        open={open}
        onClose={() => setOpen(false)}
        onSwitched={(s) => {
          setOpen(false);
          void message.success(s.kind === 'server' ? `已切换到部门服务器「${s.where}」，请登录。` : '已切换到本机数据库，请登录。');
          onSwitched();
        }}
      />
    </>
  );
}
