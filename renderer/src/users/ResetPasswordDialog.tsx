// The administrator sets a new password for a user who forgot theirs. Their signing key is
// renewed with it (signatures made before stay verifiable); they must sign in again.
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { UserInfo } from '../../../shared/records';
import { errorMessage } from '../api';
import { useMishenStore } from '../store';

export function ResetPasswordDialog({ user, onClose }: { user: UserInfo; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const updateUser = useMishenStore((s) => s.updateUser);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string>();

  const save = async (password: string) => {
    setSaving(true);
    setRefusal(undefined);
    try {
      await updateUser(user.id, { password });
      onClose();
    } catch (e) {
      setRefusal(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={`重置「${user.displayName}」的密码`} okText="重置" cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">重置后该用户须用新密码重新登录；其签名密钥随之更换，此前的签批和处置仍可验证。</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void save(v.password)}>
        <Form.Item name="password" label="新密码" rules={[{ required: true, message: '请输入新密码' }, { min: 8, message: '密码至少 8 位' }]}>
          <Input.Password autoFocus autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['password']}
          rules={[{ required: true, message: '请再次输入新密码' }, ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))) })]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
      {refusal && <Alert type="error" showIcon title="未能重置" description={refusal} />}
    </Modal>
  );
}
