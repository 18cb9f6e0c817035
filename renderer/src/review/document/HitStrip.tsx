// A strip beside the document with a tick where each finding falls (colour by severity): the shape
// of a long document's problems at a glance; a click on a tick selects that finding.
import { memo, useMemo } from 'react';
import { SEVERITY_RANK } from '../../../../shared/findings';
import { SEVERITY_LABELS } from '../../../../shared/labels';
import type { DocumentModel } from '../../../../shared/api-contract';
import type { StoredFinding } from '../../../../shared/records';
import { findingPositions } from './positions';

interface Props {
  readonly model: DocumentModel;
  readonly findings: readonly StoredFinding[];
  readonly onSelect: (id: string) => void;
}

export const HitStrip = memo(function HitStrip({ model, findings, onSelect }: Props) {
  const positions = useMemo(() => findingPositions(model, findings), [model, findings]);
  // Less severe first, so the severe ones are drawn on top.
  const placed = useMemo(() => findings.filter((f) => positions.has(f.id)).sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]), [findings, positions]);
  return (
    <div className="hit-strip" role="navigation" aria-label="发现在文中的分布" data-testid="hit-strip">
      {placed.map((f) => (
        <button
          type="button"
          key={f.id}
          tabIndex={-1}
          className={`hit-tick severity-${f.severity}`}
          data-finding-ids={f.id}
          style={{ top: `${(positions.get(f.id)! * 100).toFixed(3)}%` }}
          title={`${SEVERITY_LABELS[f.severity]}：${f.match}`}
          onClick={() => onSelect(f.id)}
        />
      ))}
    </div>
  );
});
