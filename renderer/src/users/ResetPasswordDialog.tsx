// The administrator sets a new password for a user who forgot theirs. Their signing key is
// renewed with it (signatures made before stay verifiable); they must sign in again.
import { Alert, Form, Modal, Typography } from 'antd';
import type { UserInfo } from '../../../shared/records';
import { NewPasswordFields } from '../components/NewPasswordFields';
import { useSave } from '../components/use-save';
import { useMishenStore } from '../store';

export function ResetPasswordDialog({ user, onClose }: { user: UserInfo; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const updateUser = useMishenStore((s) => s.updateUser);
  const { saving, refusal, run } = useSave();

  const save = (password: string) =>
    run(async () => {
      await updateUser(user.id, { password });
      onClose();
    });

  return (
    <Modal open title={`重置「${user.displayName}」的密码`} okText="重置" cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">重置后该用户须用新密码重新登录；其签名密钥随之更换，此前的签批和处置仍可验证。</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void save(v.password)}>
        <NewPasswordFields noun="新密码" autoFocus />
      </Form>
      {refusal && <Alert type="error" showIcon title="未能重置" description={refusal} />}
    </Modal>
  );
}
