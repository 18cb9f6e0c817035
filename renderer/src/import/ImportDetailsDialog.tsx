// Before files are reviewed: what each is to be recorded as — its 标题 (the file name unless the
// drafter writes the real one) and 文号 — and how the division proposes to publish them. The
// 审查单 prints these; they can still be changed later (拟公开方式 in the review view).
import { Form, Input, Modal, Table, Typography } from 'antd';
import { useEffect } from 'react';
import type { PublicationInput } from '../../../shared/api-contract';
import { PublicationFields } from '../review/publication/PublicationFields';
import type { ImportRequest } from '../store/import/initialState';

interface Props {
  readonly files: readonly File[];
  readonly onCancel: () => void;
  readonly onConfirm: (requests: ImportRequest[]) => void;
}

interface Values extends PublicationInput {
  readonly files: { title: string; docNumber: string }[];
}

/** The file's name without its extension: what the title is until the drafter writes the real one. */
export const titleOf = (name: string) => name.replace(/\.[^.]+$/, '');

export function ImportDetailsDialog({ files, onCancel, onConfirm }: Props) {
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    form.setFieldsValue({ files: files.map((f) => ({ title: titleOf(f.name), docNumber: '' })), publicationMode: '主动公开', channel: '政府门户网站', scope: '社会公众', publishTime: '' });
  }, [files, form]);

  const confirm = (v: Values) =>
    onConfirm(
      files.map((file, i) => ({
        file,
        options: {
          title: v.files[i]?.title?.trim() || titleOf(file.name),
          docNumber: v.files[i]?.docNumber?.trim() ?? '',
          publicationMode: v.publicationMode,
          channel: v.channel?.trim() ?? '',
          scope: v.scope?.trim() ?? '',
          publishTime: v.publishTime?.trim() ?? '',
        },
      })),
    );

  return (
    <Modal open title={`导入 ${files.length} 个文件`} okText="开始审查" cancelText="取消" onOk={() => form.submit()} onCancel={onCancel} width={760} destroyOnHidden data-testid="import-details">
      <Form form={form} layout="vertical" onFinish={confirm} requiredMark={false}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          标题默认取文件名，请改为文稿的正式标题；文号没有可以不填。拟公开方式按最常见的填好，请按实际修改。这些信息印在保密审查单上。
        </Typography.Paragraph>
        <Table
          size="small"
          pagination={false}
          rowKey={(_, i) => String(i)}
          dataSource={files.map((f, i) => ({ f, i }))}
          scroll={{ y: 240 }}
          columns={[
            { title: '文件', width: 180, ellipsis: true, render: (_, r) => r.f.name },
            {
              title: '标题',
              render: (_, r) => (
                <Form.Item name={['files', r.i, 'title']} style={{ margin: 0 }} rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
                  <Input aria-label={`「${r.f.name}」的标题`} />
                </Form.Item>
              ),
            },
            {
              title: '文号',
              width: 180,
              render: (_, r) => (
                <Form.Item name={['files', r.i, 'docNumber']} style={{ margin: 0 }}>
                  <Input aria-label={`「${r.f.name}」的文号`} placeholder="如：综〔2025〕12号" />
                </Form.Item>
              ),
            },
          ]}
        />
        <div className="import-publication">
          <PublicationFields />
        </div>
      </Form>
    </Modal>
  );
}
