// The findings grouped by severity, then category, in the order j / k walk them (only one
// severity when the reviewer chose one). The selected item is kept in view; a tick shows which ones
// already have a disposition. A document can have thousands of findings, so the groups are flattened
// into rows of one height and only the rows in view are rendered (VirtualRows).
import { CheckCircleTwoTone } from '@ant-design/icons';
import { Empty, Tag } from 'antd';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { SEVERITY_LABELS, describePlace } from '../../../../shared/labels';
import { DISPOSITION_LABELS } from '../../../../shared/records';
import { VirtualRows } from '../../components/VirtualRows';
import { reviewSelectors, useMishenStore } from '../../store';
import { SEVERITY_STYLES } from '../verdict';
import { findingRows, type FindingRow } from './finding-rows';
import { groupFindings } from './group-findings';

/** Every row (heading or finding) is this tall; app.css keeps the row contents to one line. */
export const FINDING_ROW_HEIGHT = 32;

export function FindingsList() {
  const all = useMishenStore(useShallow(reviewSelectors.findings));
  const filter = useMishenStore(reviewSelectors.severityFilter);
  const selectedId = useMishenStore(reviewSelectors.selectedFindingId);
  const selectFinding = useMishenStore((s) => s.selectFinding);
  const findings = useMemo(() => (filter ? all.filter((f) => f.severity === filter) : all), [all, filter]);
  const rows = useMemo(() => findingRows(groupFindings(findings)), [findings]);
  const selectedIndex = useMemo(() => rows.findIndex((r) => r.kind === 'finding' && r.finding.id === selectedId), [rows, selectedId]);

  if (all.length === 0) return <Empty description="未发现问题。仍请通读全文，确认没有词库未覆盖的敏感内容。" />;

  const renderRow = (i: number) => <Row key={rows[i].key} row={rows[i]} total={findings.length} selected={i === selectedIndex} onSelect={selectFinding} />;
  return (
    <VirtualRows
      className="findings-list"
      role="listbox"
      aria-label="审查发现"
      aria-activedescendant={selectedId && selectedIndex >= 0 ? `finding-${selectedId}` : undefined}
      data-testid="findings-list"
      rowCount={rows.length}
      rowHeight={FINDING_ROW_HEIGHT}
      renderRow={renderRow}
      scrollToIndex={selectedIndex >= 0 ? selectedIndex : undefined}
    />
  );
}

function Row({ row, total, selected, onSelect }: { row: FindingRow; total: number; selected: boolean; onSelect: (id: string) => void }) {
  const style = { height: FINDING_ROW_HEIGHT };
  if (row.kind === 'severity') {
    return (
      <div className="finding-row finding-group-title" style={style} role="presentation" data-severity-group={row.severity}>
        <Tag color={SEVERITY_STYLES[row.severity].color}>{SEVERITY_LABELS[row.severity]}</Tag>
        {row.count} 处
      </div>
    );
  }
  if (row.kind === 'category') {
    return (
      <div className="finding-row finding-category-title" style={style} role="presentation" data-category-group={row.category}>
        {row.label}（{row.count}）
      </div>
    );
  }
  const f = row.finding;
  return (
    <button
      type="button"
      id={`finding-${f.id}`}
      role="option"
      aria-selected={selected}
      // Only a window of the list is in the DOM: say where this one stands in the whole.
      aria-posinset={row.ordinal}
      aria-setsize={total}
      tabIndex={-1}
      className={`finding-row finding-item${selected ? ' selected' : ''}`}
      style={style}
      data-finding-id={f.id}
      data-finding-ordinal={row.ordinal}
      data-disposed={f.disposition ? f.disposition.action : undefined}
      onClick={() => onSelect(f.id)}
    >
      <span className="finding-match">{f.match}</span>
      <span className="finding-where">{describePlace(f)}</span>
      {f.disposition && (
        <span className="finding-disposed">
          <CheckCircleTwoTone twoToneColor="#52c41a" /> {DISPOSITION_LABELS[f.disposition.action]}
        </span>
      )}
    </button>
  );
}
