import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { BrandedPage } from '../components/BrandedPage';
import { DatabasePlace } from '../settings/DatabasePlace';
import { sessionSelectors, useMishenStore } from '../store';
import { SetupScreen } from './SetupScreen';
import { useNeedsSetup } from './use-needs-setup';

interface LoginValues {
  username: string;
  password: string;
}

export function LoginScreen() {
  const pending = useMishenStore(sessionSelectors.loginPending);
  const error = useMishenStore(sessionSelectors.loginError);
  const login = useMishenStore((s) => s.login);
  // Bumped when the desktop is switched to other records (数据库设置): everything is asked again.
  const [place, setPlace] = useState(0);
  const databasePlace = <DatabasePlace refresh={place} onSwitched={() => setPlace((n) => n + 1)} />;
  // An empty database: create the first administrator instead (the app has no command line).
  if (useNeedsSetup(place)) return <SetupScreen footer={databasePlace} />;

  return (
    <BrandedPage title="密审 · 保密审查" subtitle="政府信息公开前的离线保密审查（先审查、后公开）" cardTitle="用户登录" cardWidth={400}>
      <Form<LoginValues> layout="vertical" requiredMark={false} onFinish={(v) => void login(v.username ?? '', v.password ?? '')} aria-label="登录">
        <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
          <Input prefix={<UserOutlined />} autoFocus autoComplete="username" placeholder="请输入用户名" />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" placeholder="请输入密码" />
        </Form.Item>
        {error && <Alert type="error" showIcon title="登录失败" description={error} style={{ marginBottom: 16 }} role="alert" />}
        <Button type="primary" htmlType="submit" block loading={pending}>
          登录
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
        本程序不连接互联网，文稿只保存在本机或单位内网的部门服务器上。忘记密码请联系系统管理员重置。
      </Typography.Paragraph>
      {databasePlace}
    </BrandedPage>
  );
}
