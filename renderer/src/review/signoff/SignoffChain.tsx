// The sign-off chain of the latest version: where it stands (steps) and every signature so far,
// returns included, since a return restarts the chain.
import { Empty, Steps, Tag, Timeline, Typography } from 'antd';
import { ROLE_LABELS, SIGNOFF_STEPS, STEP_LABELS, chainState, type SignoffRecord } from '../../../../shared/records';
import { formatTime } from '../../format';

export function SignoffChain({ signoffs }: { signoffs: readonly SignoffRecord[] }) {
  const { next } = chainState(signoffs);
  const current = next === undefined ? SIGNOFF_STEPS.length : SIGNOFF_STEPS.indexOf(next);
  const lastApproval = (step: string) => [...signoffs].reverse().find((s) => s.step === step && s.decision === 'approve');

  return (
    <>
      <Steps
        size="small"
        current={current}
        style={{ marginBottom: 20 }}
        items={SIGNOFF_STEPS.map((step, i) => {
          const s = i < current ? lastApproval(step) : undefined;
          return { title: STEP_LABELS[step], content: s ? `${s.userName} ${formatTime(s.signedAt)}` : i === current ? '待签批' : '' };
        })}
      />
      {signoffs.length === 0 ? (
        <Empty description="尚无签批。起草人处置完所有发现后，在审查视图中点击「签批」。" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          items={signoffs.map((s) => ({
            color: s.decision === 'return' ? 'red' : 'green',
            title: (
              <span>
                <Typography.Text strong>{STEP_LABELS[s.step]}</Typography.Text> · {s.userName}（{ROLE_LABELS[s.role]}）· {formatTime(s.signedAt)}
              </span>
            ),
            content: (
              <div data-testid="signoff-record">
                <Tag color={s.decision === 'return' ? 'red' : 'green'}>{s.decision === 'return' ? '退回' : '同意'}</Tag>
                {s.outcome && <Tag color="blue">{s.outcome}</Tag>}
                {s.opinion}
                {s.legalBasis && <div>依据：{s.legalBasis}</div>}
              </div>
            ),
          }))}
        />
      )}
    </>
  );
}
