// 拟公开方式: how the drafting division proposes to publish the document (主动公开 / 依申请公开 /
// 不予公开, channel, scope, time). The 审查单 prints these; the service checks who may set them.
import { Alert, Form, Modal } from 'antd';
import type { PublicationInput } from '../../../../shared/api-contract';
import type { DocumentDetail } from '../../../../shared/records';
import { useSave } from '../../components/use-save';
import { useMishenStore } from '../../store';
import { PublicationFields } from './PublicationFields';

interface Props {
  readonly open: boolean;
  readonly detail: DocumentDetail;
  readonly onClose: () => void;
  readonly onSaved: () => void;
}

export function PublicationDialog({ open, detail, onClose, onSaved }: Props) {
  const [form] = Form.useForm<PublicationInput>();
  const setPublication = useMishenStore((s) => s.setPublication);
  // The form is destroyed on close, so it starts from the saved values each time it opens.
  const { saving, refusal, clear, run } = useSave();

  const save = (values: PublicationInput) =>
    run(async () => {
      await setPublication({ publicationMode: values.publicationMode, channel: values.channel?.trim() ?? '', scope: values.scope?.trim() ?? '', publishTime: values.publishTime?.trim() ?? '' });
      onSaved();
    });

  const close = () => {
    if (!saving) onClose();
  };
  return (
    <Modal title="拟公开方式" open={open} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} onCancel={close} afterOpenChange={(visible) => visible || clear()} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} requiredMark={false} initialValues={{ publicationMode: detail.publicationMode, channel: detail.channel, scope: detail.scope, publishTime: detail.publishTime }}>
        <PublicationFields />
      </Form>
      {refusal && <Alert type="error" showIcon title="未能保存" description={refusal} data-testid="publication-refusal" />}
    </Modal>
  );
}
