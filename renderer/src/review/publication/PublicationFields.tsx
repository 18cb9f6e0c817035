// The 拟公开方式 fields (mode, channel, scope, time), inside a Form whose values are a
// PublicationInput: the 拟公开方式 dialog and the import dialog ask the same way.
import { AutoComplete, Form, Input, Radio, type FormRule } from 'antd';
import { PUBLICATION_MODES } from '../../../../shared/records';

// Common answers, offered but not imposed: the field takes any text.
const CHANNELS = ['政府门户网站', '政务新媒体', '政府公报', '新闻发布会', '政务服务场所'].map((value) => ({ value }));
const SCOPES = ['社会公众', '申请人', '特定对象'].map((value) => ({ value }));

/** Publishing on one's own initiative needs a channel and an audience; the other modes may leave them open. */
function neededWhenActive(message: string): FormRule {
  return ({ getFieldValue }) => ({
    validator: (_rule, value: unknown) => (getFieldValue('publicationMode') !== '主动公开' || String(value ?? '').trim() ? Promise.resolve() : Promise.reject(new Error(message))),
  });
}

export function PublicationFields() {
  return (
    <>
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
    </>
  );
}
