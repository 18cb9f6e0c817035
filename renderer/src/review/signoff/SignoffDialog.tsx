// Signs the chain's next step (起草人自查 → 处室负责人审核 → 办公室审核). The service has the last
// word: when it refuses (open 禁止发布 findings, reviewer is the drafter, wrong role …) its sentence
// is shown here, prominently, so the user knows what to do.
import { Alert, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { isWithholding } from '../../../../shared/permissions';
import { LEGAL_BASES, OUTCOMES, STEP_LABELS, type Outcome, type SignDecision, type SignoffStep } from '../../../../shared/records';
import { useSave } from '../../components/use-save';
import { reviewSelectors, useMishenStore } from '../../store';

interface SignValues {
  decision: SignDecision;
  opinion: string;
  outcome?: Outcome;
  legalBasis?: string;
}

interface Props {
  readonly open: boolean;
  readonly step: SignoffStep;
  /** Why 同意 cannot be given now (open 禁止发布 findings): the dialog then offers only 退回. */
  readonly approveBlocked?: string;
  readonly onClose: () => void;
  readonly onSigned: (decision: SignDecision) => void;
}

export function SignoffDialog({ open, step, approveBlocked, onClose, onSigned }: Props) {
  const detail = useMishenStore(reviewSelectors.detail);
  const sign = useMishenStore((s) => s.sign);
  const [form] = Form.useForm<SignValues>();
  const { saving, refusal, clear, run } = useSave();
  const decision = Form.useWatch('decision', form);
  const outcome = Form.useWatch('outcome', form);

  useEffect(() => {
    if (!open) return;
    clear();
    if (approveBlocked) form.setFieldValue('decision', 'return');
  }, [open, approveBlocked, form, clear]);

  const submit = (values: SignValues) =>
    run(async () => {
      const office = step === 'office' && values.decision === 'approve';
      await sign({
        step,
        decision: values.decision,
        opinion: values.opinion ?? '',
        outcome: office ? values.outcome : undefined,
        legalBasis: office && isWithholding(values.outcome) ? values.legalBasis : undefined,
      });
      form.resetFields();
      onSigned(values.decision);
    });

  return (
    <Modal
      title={`签批：${STEP_LABELS[step]}`}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={decision === 'return' ? '退回' : '确认签批'}
      okButtonProps={{ danger: decision === 'return', 'aria-label': decision === 'return' ? '退回' : '确认签批' } as never}
      cancelText="取消"
      confirmLoading={saving}
      width={560}
      destroyOnHidden
      data-testid="signoff-dialog"
    >
      {refusal && (
        <Alert type="error" showIcon role="alert" title="签批未成功" description={refusal} style={{ marginBottom: 16, fontSize: 15 }} data-testid="signoff-refusal" />
      )}
      {approveBlocked && !refusal && <Alert type="warning" showIcon title={`${approveBlocked}现在只能退回。`} style={{ marginBottom: 16 }} data-testid="approve-blocked" />}
      <Typography.Paragraph type="secondary">
        文稿：{detail?.title}（第 {detail?.latestVersion.number} 版，SHA-256 {detail?.latestVersion.sha256.slice(0, 16)}…）
      </Typography.Paragraph>
      <Form<SignValues> form={form} layout="vertical" initialValues={{ decision: 'approve', opinion: '' }} onFinish={(v) => void submit(v)} requiredMark>
        <Form.Item name="decision" label="决定">
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'approve', label: step === 'office' ? '同意（给出结论）' : '同意，提交下一步', disabled: !!approveBlocked },
              { value: 'return', label: '退回修改' },
            ]}
          />
        </Form.Item>
        <Form.Item name="opinion" label="审查意见" rules={[{ required: true, whitespace: true, message: '请填写审查意见' }]}>
          <Input.TextArea rows={3} autoFocus placeholder={decision === 'return' ? '请写明退回的原因和需要修改的地方' : '例如：已逐项核对，所有问题已处置，同意公开'} />
        </Form.Item>
        {step === 'office' && decision === 'approve' && (
          <Form.Item name="outcome" label="审查结论" rules={[{ required: true, message: '请选择审查结论' }]}>
            <Select placeholder="请选择" options={OUTCOMES.map((o) => ({ value: o, label: o }))} aria-label="审查结论" />
          </Form.Item>
        )}
        {step === 'office' && decision === 'approve' && isWithholding(outcome) && (
          <Form.Item name="legalBasis" label="不予公开的法律依据" rules={[{ required: true, message: '结论不予公开或删除后公开时须写明法律依据' }]}>
            <Select placeholder="请选择" options={LEGAL_BASES.map((b) => ({ value: b, label: b }))} aria-label="法律依据" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
