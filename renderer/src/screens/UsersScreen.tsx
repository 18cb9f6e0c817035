// 用户管理 (administrator): every user with their role and division; add one, change a role or a
// division, disable or enable an account, reset a password. Each change is written with its audit
// entry by the service; the changes so far are listed under the table, people by name.
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { mayChangeUser } from '../../../shared/permissions';
import { ROLE_LABELS, type UserInfo } from '../../../shared/records';
import { errorMessage } from '../api';
import { formatTime } from '../format';
import { sessionSelectors, useMishenStore, usersSelectors } from '../store';
import { ResetPasswordDialog } from '../users/ResetPasswordDialog';
import { UserDialog } from '../users/UserDialog';
import { describeUserChange, personName } from '../users/user-changes';

type Editing = { kind: 'new' } | { kind: 'edit'; user: UserInfo } | { kind: 'password'; user: UserInfo };

export function UsersScreen() {
  const me = useMishenStore(sessionSelectors.user);
  const users = useMishenStore(usersSelectors.users);
  const loading = useMishenStore(usersSelectors.loading);
  const error = useMishenStore(usersSelectors.error);
  const audit = useMishenStore(usersSelectors.audit);
  const loadUsers = useMishenStore((s) => s.loadUsers);
  const updateUser = useMishenStore((s) => s.updateUser);
  const [editing, setEditing] = useState<Editing>();
  const { message } = App.useApp();

  useEffect(() => {
    void loadUsers();
  }, [loadUsers]);

  const toggle = async (u: UserInfo) => {
    try {
      await updateUser(u.id, { disabled: !u.disabled });
      void message.success(`已${u.disabled ? '启用' : '停用'}「${u.displayName}」。`);
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  return (
    <Flex vertical gap={16}>
      <Card
        title={<Typography.Title level={4} style={{ margin: 0 }}>用户管理</Typography.Title>}
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={() => void loadUsers()} loading={loading}>
              刷新
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'new' })} data-testid="add-user">
              新增用户
            </Button>
          </Space>
        }
      >
        {error && <Alert type="error" showIcon title="无法读取用户" description={error} style={{ marginBottom: 12 }} />}
        <Table<UserInfo>
          rowKey="id"
          data-testid="users-table"
          size="middle"
          loading={loading && users.length === 0}
          dataSource={[...users]}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          rowClassName={(u) => (u.disabled ? 'user-disabled' : '')}
          columns={[
            { title: '姓名', dataIndex: 'displayName', width: 120 },
            { title: '用户名', dataIndex: 'username', width: 140 },
            { title: '角色', dataIndex: 'role', width: 140, render: (r: UserInfo['role']) => <Tag color={r === 'admin' ? 'gold' : 'blue'}>{ROLE_LABELS[r]}</Tag> },
            { title: '处室', dataIndex: 'division', width: 140 },
            { title: '状态', dataIndex: 'disabled', width: 90, render: (d: boolean) => (d ? <Tag>已停用</Tag> : <Tag color="green">正常</Tag>) },
            {
              title: '操作',
              render: (_, u) => {
                const refusal = mayChangeUser(me, u.id, { disabled: !u.disabled }).reason;
                return (
                  <Space size={4} wrap>
                    <Button size="small" onClick={() => setEditing({ kind: 'edit', user: u })} aria-label={`修改「${u.displayName}」的角色和处室`}>
                      修改角色与处室
                    </Button>
                    <Button size="small" onClick={() => setEditing({ kind: 'password', user: u })} aria-label={`重置「${u.displayName}」的密码`}>
                      重置密码
                    </Button>
                    <Button size="small" danger={!u.disabled} disabled={!!refusal} title={refusal} onClick={() => void toggle(u)} aria-label={`${u.disabled ? '启用' : '停用'}「${u.displayName}」`}>
                      {u.disabled ? '启用' : '停用'}
                    </Button>
                    {refusal && <Typography.Text type="secondary">（{refusal.replace(/。$/, '')}）</Typography.Text>}
                  </Space>
                );
              },
            },
          ]}
        />
      </Card>
      <Card size="small" title="用户变更记录（审计日志）" data-testid="user-audit">
        <Table
          size="small"
          rowKey="seq"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={audit.filter((e) => e.action !== 'user.key')}
          locale={{ emptyText: '尚无变更。' }}
          columns={[
            { title: '时间', dataIndex: 'at', width: 160, render: (t: string) => formatTime(t) },
            { title: '操作人', dataIndex: 'actor', width: 120, render: (a: string) => personName(a, users) },
            { title: '内容', render: (_, e) => describeUserChange(e, users) },
            { title: '审计记录', dataIndex: 'seq', width: 100, render: (n: number) => `第 ${n} 条` },
          ]}
        />
      </Card>
      {editing?.kind === 'new' && <UserDialog onClose={() => setEditing(undefined)} />}
      {editing?.kind === 'edit' && <UserDialog user={editing.user} onClose={() => setEditing(undefined)} />}
      {editing?.kind === 'password' && <ResetPasswordDialog user={editing.user} onClose={() => setEditing(undefined)} />}
    </Flex>
  );
}
