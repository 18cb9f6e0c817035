// Adding a user, or changing one's role and division: the role chosen from the list, the division
// from the divisions in use or a new one typed in. A new user's first password is set here; they
// sign in with it (the administrator tells them, in person).
import { Alert, AutoComplete, Form, Input, Modal, Select } from 'antd';
import { useShallow } from 'zustand/react/shallow';
import { ROLES, ROLE_LABELS, type Role, type UserInfo } from '../../../shared/records';
import { useSave } from '../components/use-save';
import { useMishenStore, usersSelectors } from '../store';

interface Props {
  /** The user to change; absent: a new one. */
  readonly user?: UserInfo;
  readonly onClose: () => void;
}

interface Values {
  username: string;
  displayName: string;
  role: Role;
  division: string;
  password: string;
}

export function UserDialog({ user, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const divisions = useMishenStore(useShallow(usersSelectors.divisions));
  const createUser = useMishenStore((s) => s.createUser);
  const updateUser = useMishenStore((s) => s.updateUser);
  const me = useMishenStore((s) => s.user);
  const { saving, refusal, run } = useSave();

  const save = (v: Values) =>
    run(async () => {
      if (user) await updateUser(user.id, { ...(v.role !== user.role ? { role: v.role } : {}), ...(v.division.trim() !== user.division ? { division: v.division.trim() } : {}) });
      else await createUser({ username: v.username.trim(), displayName: v.displayName.trim(), role: v.role, division: v.division.trim(), password: v.password });
      onClose();
    });

  return (
    <Modal open title={user ? `修改「${user.displayName}」` : '新增用户'} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden data-testid="user-dialog">
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void save(v)} initialValues={user ? { role: user.role, division: user.division } : { role: 'drafter' }}>
        {!user && (
          <>
            <Form.Item name="username" label="用户名（登录用）" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
              <Input autoFocus autoComplete="off" />
            </Form.Item>
            <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
              <Input />
            </Form.Item>
          </>
        )}
        <Form.Item name="role" label="角色">
          <Select aria-label="角色" disabled={user?.id === me?.id} options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        </Form.Item>
        <Form.Item name="division" label="处室" rules={[{ required: true, whitespace: true, message: '请填写处室' }]}>
          <AutoComplete aria-label="处室" options={divisions.map((d) => ({ value: d }))} placeholder="选择已有处室，或输入新处室名称" />
        </Form.Item>
        {!user && (
          <Form.Item name="password" label="初始密码" rules={[{ required: true, message: '请设置初始密码' }, { min: 8, message: '密码至少 8 位' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
      {refusal && <Alert type="error" showIcon title="未能保存" description={refusal} data-testid="user-refusal" />}
    </Modal>
  );
}
