import { Tag } from 'antd';
import type { Verdict } from '../../../shared/findings';
import type { DocumentSummary } from '../../../shared/records';
import { VERDICT_TAGS } from '../review/verdict';

export function VerdictTag({ verdict }: { verdict: Verdict }) {
  const t = VERDICT_TAGS[verdict];
  return (
    <Tag color={t.color} data-verdict={verdict}>
      {t.label}
    </Tag>
  );
}

/** Outcomes that publish, in whole or in part, and those that do not. */
const OUTCOME_COLORS: Readonly<Record<string, string>> = { 可以公开: 'green', 删除后公开: 'cyan', 修改后复审: 'orange', 不予公开: 'volcano', 报保密部门审定: 'purple' };

/**
 * Where a document stands in words a reader of the workbench needs: the office's conclusion once the
 * review is finished (a finished document no longer carries the scan's red 「禁止发布」), the scan's
 * verdict until then.
 */
export function ResultTag({ document }: { document: Pick<DocumentSummary, 'verdict' | 'outcome' | 'state'> }) {
  if (document.state === '已办结' && document.outcome) {
    return (
      <Tag color={OUTCOME_COLORS[document.outcome] ?? 'green'} data-outcome={document.outcome}>
        {document.outcome}
      </Tag>
    );
  }
  return <VerdictTag verdict={document.verdict} />;
}
