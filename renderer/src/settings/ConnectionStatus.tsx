// Where the records are and whether they answer: a tag in the header (and on the sign-in page).
// On a department server it asks again every few seconds, so a lost connection shows before the
// next action fails, and shows again as connected once the server is back.
import { CloudServerOutlined, DesktopOutlined, DisconnectOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import type { ConnectionState } from '../../../shared/api-contract';
import { call } from '../api';

const POLL_MS = 5_000;

/** The connection state, asked at once and then every POLL_MS on a server; `refresh` changes when the records move. */
export function useConnectionState(refresh: unknown = undefined): ConnectionState | undefined {
  const [state, setState] = useState<ConnectionState>();
  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () =>
      call('connection/state').then(
        (s) => {
          if (!alive) return;
          setState(s);
          if (s.kind === 'server') timer = setTimeout(ask, POLL_MS);
        },
        () => undefined,
      );
    void ask();
    return () => {
      alive = false;
      if (timer) clearTimeout(timer);
    };
  }, [refresh]);
  return state;
}

export function ConnectionStatus({ state }: { readonly state: ConnectionState | undefined }) {
  if (!state) return null;
  const [icon, color, label] = !state.connected
    ? [<DisconnectOutlined key="i" />, 'error', state.kind === 'server' ? '与服务器的连接中断' : '数据库无法打开']
    : state.kind === 'server'
      ? [<CloudServerOutlined key="i" />, 'success', '已连接部门服务器']
      : [<DesktopOutlined key="i" />, 'default', '本机数据库'];
  return (
    <Tooltip title={state.message}>
      <Tag icon={icon} color={color} data-testid="connection-state" aria-label={`${label}：${state.message}`} style={{ marginInlineEnd: 0 }}>
        {label}
      </Tag>
    </Tooltip>
  );
}
