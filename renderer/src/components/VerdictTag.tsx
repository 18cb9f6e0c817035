import { Tag } from 'antd';
import type { Verdict } from '../../../shared/findings';
import { VERDICT_TAGS } from '../review/verdict';

export function VerdictTag({ verdict }: { verdict: Verdict }) {
  const t = VERDICT_TAGS[verdict];
  return (
    <Tag color={t.color} data-verdict={verdict}>
      {t.label}
    </Tag>
  );
}
