// The workbench at a glance: how many documents stand in each state (what waits for whom), how many
// still carry an unresolved 禁止发布 verdict, how many were finished this month. A click on a state
// opens its tab.
import { Flex, Statistic } from 'antd';
import { DOCUMENT_STATES, type DocumentState, type DocumentSummary } from '../../../shared/records';

interface Props {
  readonly documents: readonly DocumentSummary[];
  readonly counts: Readonly<Record<DocumentState, number>>;
  readonly current: DocumentState;
  readonly onPick: (state: DocumentState) => void;
}

export function WorkbenchStats({ documents, counts, current, onPick }: Props) {
  const blocked = documents.filter((d) => d.state !== '已办结' && d.verdict === 'block').length;
  return (
    <Flex gap={12} wrap className="workbench-stats" role="tablist" aria-label="按状态查看" data-testid="workbench-stats">
      {DOCUMENT_STATES.map((state) => (
        <button
          type="button"
          key={state}
          role="tab"
          aria-selected={state === current}
          className={`stat-card${state === current ? ' current' : ''}${state === '已退回' && counts[state] ? ' alert' : ''}`}
          onClick={() => onPick(state)}
          data-testid={`state-tab-${state}`}
          data-count={counts[state]}
        >
          <Statistic title={state} value={counts[state]} suffix="件" />
        </button>
      ))}
      <div className="stat-card passive">
        <Statistic title="在办且自动审查为禁止发布" value={blocked} suffix="件" styles={{ content: { color: blocked ? '#cf1322' : undefined } }} />
      </div>
    </Flex>
  );
}
