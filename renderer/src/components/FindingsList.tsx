// The findings grouped by severity, then category, in the order j / k walk them. The selected item
// is kept in view; a tick shows which ones already have a disposition.
import { CheckCircleTwoTone } from '@ant-design/icons';
import { Empty, Tag } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { SEVERITY_LABELS } from '../../../shared/labels';
import { DISPOSITION_LABELS } from '../../../shared/records';
import { findingPlace } from '../review/finding-place';
import { groupFindings } from '../review/group-findings';
import { findingSelector } from '../review/highlight';
import { SEVERITY_STYLES } from '../review/verdict';
import { reviewSelectors, useMishenStore } from '../store';

export function FindingsList() {
  const findings = useMishenStore(useShallow(reviewSelectors.findings));
  const selectedId = useMishenStore(reviewSelectors.selectedFindingId);
  const selectFinding = useMishenStore((s) => s.selectFinding);
  const groups = useMemo(() => groupFindings(findings), [findings]);
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!selectedId) return;
    list.current?.querySelector<HTMLElement>(findingSelector('data-finding-id', selectedId))?.scrollIntoView?.({ block: 'nearest' });
  }, [selectedId]);

  if (findings.length === 0) return <Empty description="未发现问题。仍请通读全文，确认没有词库未覆盖的敏感内容。" />;

  return (
    <div className="findings-list" ref={list} role="listbox" aria-label="审查发现" aria-activedescendant={selectedId ? `finding-${selectedId}` : undefined} data-testid="findings-list">
      {groups.map((g) => (
        <section key={g.severity} data-severity-group={g.severity}>
          <div className="finding-group-title">
            <Tag color={SEVERITY_STYLES[g.severity].color}>{SEVERITY_LABELS[g.severity]}</Tag>
            {g.count} 处
          </div>
          {g.categories.map((c) => (
            <div key={c.category} data-category-group={c.category}>
              <div className="finding-category-title">
                {c.label}（{c.findings.length}）
              </div>
              {c.findings.map((f) => (
                <button
                  type="button"
                  key={f.id}
                  id={`finding-${f.id}`}
                  role="option"
                  aria-selected={f.id === selectedId}
                  tabIndex={-1}
                  className={`finding-item${f.id === selectedId ? ' selected' : ''}`}
                  data-finding-id={f.id}
                  data-disposed={f.disposition ? f.disposition.action : undefined}
                  onClick={() => selectFinding(f.id)}
                >
                  <span className="finding-match">{f.match}</span>
                  <span className="finding-where">{findingPlace(f)}</span>
                  {f.disposition && (
                    <span style={{ float: 'right', fontSize: 12 }}>
                      <CheckCircleTwoTone twoToneColor="#52c41a" /> {DISPOSITION_LABELS[f.disposition.action]}
                    </span>
                  )}
                </button>
              ))}
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
