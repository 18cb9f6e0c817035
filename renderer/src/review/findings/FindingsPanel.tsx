// The findings beside the document: the list (with the severities to filter by and the button to
// the next finding nobody has dealt with) or the chart of them by category and severity, and the
// selected finding in full below.
import { StepForwardOutlined } from '@ant-design/icons';
import { Button, Segmented, Tabs } from 'antd';
import { memo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { SEVERITIES, type Severity } from '../../../../shared/findings';
import { SEVERITY_LABELS } from '../../../../shared/labels';
import { reviewSelectors, useMishenStore } from '../../store';
import { FindingDetail } from './FindingDetail';
import { FindingsChart } from './FindingsChart';
import { FindingsList } from './FindingsList';
import { KeyboardHints } from './KeyboardHints';

const ALL = 'all';

/** Drawn from the store alone (memo), as the document pane is. */
export const FindingsPanel = memo(function FindingsPanel() {
  const findings = useMishenStore(useShallow(reviewSelectors.findings));
  const filter = useMishenStore(reviewSelectors.severityFilter);
  const openCount = useMishenStore(reviewSelectors.openCount);
  const setFilter = useMishenStore((s) => s.setSeverityFilter);
  const nextUndisposed = useMishenStore((s) => s.selectNextUndisposed);
  const [tab, setTab] = useState('list');
  const counts = { block: 0, review: 0, info: 0 } as Record<Severity, number>;
  for (const f of findings) counts[f.severity]++;

  const list = (
    <div className="findings-list-pane">
      <div className="findings-toolbar">
        <Segmented
          size="small"
          value={filter ?? ALL}
          onChange={(v) => setFilter(v === ALL ? undefined : (v as Severity))}
          options={[{ value: ALL, label: `全部 ${findings.length}` }, ...SEVERITIES.map((s) => ({ value: s, label: `${SEVERITY_LABELS[s]} ${counts[s]}`, disabled: counts[s] === 0 }))]}
          aria-label="按严重程度筛选"
        />
      </div>
      <FindingsList />
      <div className="findings-footer">
        <Button size="small" icon={<StepForwardOutlined />} onClick={nextUndisposed} disabled={openCount === 0} aria-keyshortcuts="n" data-testid="next-undisposed">
          下一条待处置
        </Button>
        <KeyboardHints />
      </div>
    </div>
  );
  return (
    <div className="findings-panel" data-testid="findings-card">
      <Tabs
        size="small"
        className="findings-tabs"
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'list', label: `审查发现（${findings.length}）`, children: list },
          {
            key: 'chart',
            label: '统计',
            children: (
              <FindingsChart
                findings={findings}
                onFilter={(s) => {
                  setFilter(s);
                  setTab('list');
                }}
              />
            ),
          },
        ]}
      />
      {findings.length > 0 && <FindingDetail />}
    </div>
  );
});
