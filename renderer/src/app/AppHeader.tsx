import { LogoutOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Flex, Layout, Menu, Tag, Typography } from 'antd';
import { ROLE_LABELS } from '../../../shared/records';
import { mayDo } from '../../../shared/permissions';
import { ConnectionStatus, useConnectionState } from '../settings/ConnectionStatus';
import { sessionSelectors, useMishenStore } from '../store';

export function AppHeader() {
  const user = useMishenStore(sessionSelectors.user);
  const route = useMishenStore(sessionSelectors.route);
  const navigate = useMishenStore((s) => s.navigate);
  const logout = useMishenStore((s) => s.logout);
  const { message } = App.useApp();
  const connection = useConnectionState();
  if (!user) return null;

  const selected = route.screen === 'import' || route.screen === 'dictionary' || route.screen === 'users' || route.screen === 'packages' ? route.screen : 'workbench';
  // Each role's menu holds its own work: drafters import, the security officer (and the
  // administrator) keep the dictionary, the administrator manages users.
  const keepsDictionary = user.role === 'security-officer' || user.role === 'admin';
  return (
    <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24 }}>
      <Flex align="center" gap={8} style={{ color: '#fff', whiteSpace: 'nowrap' }}>
        <SafetyCertificateOutlined style={{ fontSize: 22 }} />
        <Typography.Text strong style={{ color: '#fff', fontSize: 18 }}>
          密审
        </Typography.Text>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.75)' }}>政府信息公开保密审查</Typography.Text>
      </Flex>
      <Menu
        theme="dark"
        mode="horizontal"
        selectedKeys={[selected]}
        style={{ flex: 1, minWidth: 0, background: 'transparent' }}
        items={[
          { key: 'workbench', label: '工作台', onClick: () => navigate({ screen: 'workbench' }) },
          ...(mayDo(user, 'submit').allowed ? [{ key: 'import', label: '导入文稿', onClick: () => navigate({ screen: 'import' }) }] : []),
          ...(mayDo(user, 'manage-users').allowed ? [{ key: 'users', label: '用户管理', onClick: () => navigate({ screen: 'users' }) }] : []),
          // Review packages between installations that share no database: every role sends, takes or trusts some.
          { key: 'packages', label: '送审包', onClick: () => navigate({ screen: 'packages' }) },
          ...(keepsDictionary ? [{ key: 'dictionary', label: '词库管理', onClick: () => navigate({ screen: 'dictionary' }) }] : []),
        ]}
      />
      <ConnectionStatus state={connection} />
      <Flex align="center" gap={8} style={{ color: '#fff', whiteSpace: 'nowrap' }} data-testid="current-user">
        <UserOutlined />
        <span>{user.displayName}</span>
        <Tag color="gold" style={{ marginInlineEnd: 0 }}>
          {ROLE_LABELS[user.role]}
        </Tag>
        <span style={{ color: 'rgba(255,255,255,0.75)' }}>{user.division}</span>
        <Button size="small" ghost icon={<LogoutOutlined />} onClick={() => {
            // A notice about the previous user's action must not greet the next one.
            message.destroy();
            void logout();
          }}>
          退出登录
        </Button>
      </Flex>
    </Layout.Header>
  );
}
