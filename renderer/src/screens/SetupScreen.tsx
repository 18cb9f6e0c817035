// First run: the installed app has no command line to create the first user, so on an empty
// database the window asks for the administrator (who then adds the other users). The service
// refuses this once any user exists, so it cannot be used to make a second administrator.
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { call, errorMessage } from '../api';
import { BrandedPage } from '../components/BrandedPage';
import { NewPasswordFields } from '../components/NewPasswordFields';
import { useMishenStore } from '../store';

interface SetupValues {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
}

/** `footer`: where the records are and the way to change it (the sign-in page's DatabasePlace). */
export function SetupScreen({ footer }: { readonly footer?: ReactNode }) {
  const restoreSession = useMishenStore((s) => s.restoreSession);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (v: SetupValues) => {
    setPending(true);
    setError(undefined);
    try {
      await call('session/setup-admin', v.username.trim(), v.displayName.trim(), v.password);
      // The service signed the administrator in; the shell picks the session up from there.
      await restoreSession();
    } catch (e) {
      setError(errorMessage(e));
      setPending(false);
    }
  };

  return (
    <BrandedPage title="密审 · 首次使用" subtitle="数据库中尚无用户，请先设置系统管理员" cardTitle="设置系统管理员" cardWidth={440}>
      <Form<SetupValues> layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)} aria-label="设置系统管理员">
        <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
          <Input autoFocus autoComplete="username" />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: '请输入姓名' }]}>
          <Input />
        </Form.Item>
        <NewPasswordFields />
        {error && <Alert type="error" showIcon title="未能完成设置" description={error} style={{ marginBottom: 16 }} role="alert" />}
        <Button type="primary" htmlType="submit" block loading={pending}>
          创建管理员并登录
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
        管理员登录后在「用户管理」中添加起草人、处室负责人、办公室审核人和保密员。请妥善保管管理员密码。
      </Typography.Paragraph>
      {footer}
    </BrandedPage>
  );
}
