// A false positive the dictionary keeps producing is proposed to the security officer as an
// allow-list entry; the officer decides, the drafter cannot change the dictionary. Offered once the
// finding has been disposed of as 误报.
import { Alert, App, Button, Input, Modal } from 'antd';
import { useState } from 'react';
import type { StoredFinding } from '../../../../shared/records';
import { useSave } from '../../components/use-save';
import { useMishenStore } from '../../store';

export function ProposeAllowButton({ finding }: { finding: StoredFinding }) {
  const proposeAllow = useMishenStore((s) => s.proposeAllow);
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { saving, refusal: error, clear, run } = useSave();

  const submit = () =>
    run(async () => {
      await proposeAllow(finding.id, reason);
      setOpen(false);
      void message.success(`已将「${finding.match}」作为白名单建议提交给保密员审定。`);
    });

  return (
    <>
      <Button
        size="small"
        style={{ marginTop: 8 }}
        onClick={() => {
          setReason(finding.disposition?.reason ?? '');
          clear();
          setOpen(true);
        }}
      >
        建议保密员将此类用法加入白名单
      </Button>
      <Modal title={`建议将「${finding.match}」加入白名单`} open={open} okText="提交给保密员" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={() => setOpen(false)} destroyOnHidden>
        <p>保密员审定后，词库将不再把这类用法报为问题。请说明为什么这是误报：</p>
        <Input.TextArea autoFocus rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="例如：此处为技术术语，不是密级标志" />
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      </Modal>
    </>
  );
}
