// 数据库设置: where this desktop keeps its records — its own file, or the department's PostgreSQL
// server. Opened from the sign-in page (the users live in the database, so it is chosen before
// anyone signs in). 测试连接 tries without saving; 保存并切换 opens the new place first and saves
// only once it opens, so a wrong address or password leaves the desktop as it was.
import { Alert, Button, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ConnectionState, DatabaseSettings, DatabaseSettingsView } from '../../../shared/api-contract';
import { call } from '../api';

interface Props {
  readonly open: boolean;
  readonly onClose: () => void;
  /** The records are now elsewhere: the page starts again (sign-in or first administrator). */
  readonly onSwitched: (state: ConnectionState) => void;
}

interface Values {
  kind: 'file' | 'server';
  url: string;
  password: string;
  caFile: string;
}

const URL_HINT = 'postgres://用户名@服务器地址:5432/数据库名';

export function DatabaseSettingsDialog({ open, onClose, onSwitched }: Props) {
  const [form] = Form.useForm<Values>();
  const [view, setView] = useState<DatabaseSettingsView>();
  const [loadError, setLoadError] = useState<string>();
  const [result, setResult] = useState<{ ok: boolean; message: string }>();
  const [busy, setBusy] = useState<'test' | 'save'>();
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    if (!open) return;
    setResult(undefined);
    call('settings/database').then(
      (v) => {
        setView(v);
        setLoadError(undefined);
        form.setFieldsValue({ kind: v.settings.kind, url: v.settings.kind === 'server' ? v.settings.url : '', caFile: v.settings.kind === 'server' ? (v.settings.caFile ?? '') : '', password: '' });
      },
      (e: Error) => setLoadError(e.message),
    );
  }, [open, form]);

  const settingsOf = (v: Values): DatabaseSettings =>
    v.kind === 'file' ? { kind: 'file' } : { kind: 'server', url: v.url.trim(), ...(v.caFile.trim() ? { caFile: v.caFile.trim() } : {}) };

  async function run(what: 'test' | 'save') {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    setBusy(what);
    setResult(undefined);
    const password = v.kind === 'server' && v.password ? v.password : undefined;
    try {
      if (what === 'test') setResult(await call('settings/database-test', settingsOf(v), password));
      else onSwitched(await call('settings/database-save', settingsOf(v), password));
    } catch (e) {
      setResult({ ok: false, message: (e as Error).message });
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <Modal
      open={open}
      title="数据库设置"
      onCancel={onClose}
      width={560}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button onClick={() => void run('test')} loading={busy === 'test'} disabled={busy === 'save'}>
            测试连接
          </Button>
          <Button type="primary" onClick={() => void run('save')} loading={busy === 'save'} disabled={busy === 'test'}>
            保存并切换
          </Button>
        </Space>
      }
    >
      {loadError && <Alert type="error" showIcon title="无法读取数据库设置" description={loadError} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} name="database-settings" layout="vertical" requiredMark={false} initialValues={{ kind: 'file', url: '', password: '', caFile: '' }} aria-label="数据库设置">
        <Form.Item name="kind" label="审查记录保存在">
          <Radio.Group
            options={[
              { value: 'file', label: '本机（单机使用）' },
              { value: 'server', label: '部门服务器（PostgreSQL，多台电脑共用）' },
            ]}
          />
        </Form.Item>
        {kind === 'file' && view && (
          <Typography.Paragraph type="secondary">本机数据库文件：{view.localFile}</Typography.Paragraph>
        )}
        {kind === 'server' && (
          <>
            <Form.Item
              name="url"
              label="服务器地址"
              extra={`格式：${URL_HINT}；加密连接可在末尾加 ?sslmode=verify-full。地址中不要写密码。`}
              rules={[
                { required: true, message: '请输入服务器地址' },
                { pattern: /^postgres(ql)?:\/\/[^/:@\s]+@[^/\s]+\/\S+$/, message: `地址应为 ${URL_HINT}` },
              ]}
            >
              <Input placeholder={URL_HINT} autoComplete="off" spellCheck={false} />
            </Form.Item>
            <Form.Item name="password" label="数据库密码" extra={view?.passwordSaved ? '本机已保存密码；不修改请留空。' : '保存在本机仅本账户可读的文件中。'}>
              <Input.Password placeholder={view?.passwordSaved ? '已保存（不修改请留空）' : '请输入数据库密码'} autoComplete="off" />
            </Form.Item>
            <Form.Item name="caFile" label="CA 证书文件（可选）" extra="服务器使用加密连接时，用于核验其证书的 CA 证书文件的完整路径。">
              <Input placeholder="例如 C:\证书\部门CA.pem" autoComplete="off" spellCheck={false} />
            </Form.Item>
          </>
        )}
      </Form>
      {result && <Alert type={result.ok ? 'success' : 'error'} showIcon title={result.ok ? '连接成功' : '连接失败'} description={result.message} role="status" />}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
        切换后需重新登录。原来的记录不会被删除：切换回来即可继续使用。把本机记录迁移到服务器请由管理员按说明操作。
      </Typography.Paragraph>
    </Modal>
  );
}
