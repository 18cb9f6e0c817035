// A password chosen now, typed twice (the first administrator's, or one the administrator resets):
// at least 8 characters, the second the same as the first. Fields `password` and `confirm` of the form.
import { Form, Input } from 'antd';

export function NewPasswordFields({ noun = '密码', autoFocus = false }: { noun?: '密码' | '新密码'; autoFocus?: boolean }) {
  return (
    <>
      <Form.Item label={noun} name="password" rules={[{ required: true, message: `请输入${noun}` }, { min: 8, message: '密码至少 8 位' }]}>
        <Input.Password autoFocus={autoFocus} autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label={`确认${noun}`}
        name="confirm"
        dependencies={['password']}
        rules={[{ required: true, message: `请再次输入${noun}` }, ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))) })]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
