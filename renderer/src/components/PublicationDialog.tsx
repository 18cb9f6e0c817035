// 拟公开方式: how the drafting division proposes to publish the document (主动公开 / 依申请公开 /
// 不予公开, channel, scope, time). The 审查单 prints these; the service checks who may set them.
import { Alert, AutoComplete, Form, Input, Modal, Radio, type FormRule } from 'antd';
import { useState } from 'react';
import type { PublicationInput } from '../../../shared/api-contract';
import { PUBLICATION_MODES, type DocumentDetail } from '../../../shared/records';
import { errorMessage } from '../api';
import { useMishenStore } from '../store';

// Common answers, offered but not imposed: the field takes any text.
const CHANNELS = ['政府门户网站', '政务新媒体', '政府公报', '新闻发布会', '政务服务场所'].map((value) => ({ value }));
const SCOPES = ['社会公众', '申请人', '特定对象'].map((value) => ({ value }));

/** Publishing on one's own initiative needs a channel and an audience; the other modes may leave them open. */
function neededWhenActive(message: string): FormRule {
  return ({ getFieldValue }) => ({
    validator: (_rule, value: unknown) => (getFieldValue('publicationMode') !== '主动公开' || String(value ?? '').trim() ? Promise.resolve() : Promise.reject(new Error(message))),
  });
}

interface Props {
  readonly open: boolean;
  readonly detail: DocumentDetail;
  readonly onClose: () => void;
  readonly onSaved: () => void;
}

export function PublicationDialog({ open, detail, onClose, onSaved }: Props) {
  const [form] = Form.useForm<PublicationInput>();
  const setPublication = useMishenStore((s) => s.setPublication);
  const [saving, setSaving] = useState(false);
  // The form is destroyed on close, so it starts from the saved values each time it opens.
  const [refusal, setRefusal] = useState<string>();

  const save = async (values: PublicationInput) => {
    setSaving(true);
    setRefusal(undefined);
    try {
      await setPublication({ publicationMode: values.publicationMode, channel: values.channel?.trim() ?? '', scope: values.scope?.trim() ?? '', publishTime: values.publishTime?.trim() ?? '' });
      onSaved();
    } catch (e) {
      setRefusal(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const close = () => {
    if (!saving) onClose();
  };
  return (
    <Modal title="拟公开方式" open={open} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} onCancel={close} afterOpenChange={(visible) => visible || setRefusal(undefined)} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} requiredMark={false} initialValues={{ publicationMode: detail.publicationMode, channel: detail.channel, scope: detail.scope, publishTime: detail.publishTime }}>
        <Form.Item name="publicationMode" label="拟公开方式">
          <Radio.Group options={PUBLICATION_MODES.map((m) => ({ value: m, label: m }))} />
        </Form.Item>
        <Form.Item name="channel" label="公开渠道" dependencies={['publicationMode']} rules={[neededWhenActive('主动公开须写明公开渠道。')]}>
          <AutoComplete options={CHANNELS} placeholder="如：政府门户网站" />
        </Form.Item>
        <Form.Item name="scope" label="公开范围" dependencies={['publicationMode']} rules={[neededWhenActive('主动公开须写明公开范围。')]}>
          <AutoComplete options={SCOPES} placeholder="如：社会公众" />
        </Form.Item>
        <Form.Item name="publishTime" label="拟公开时间">
          <Input placeholder="如：2025年7月1日；签批后 5 个工作日内" />
        </Form.Item>
      </Form>
      {refusal && <Alert type="error" showIcon title="未能保存" description={refusal} data-testid="publication-refusal" />}
    </Modal>
  );
}
