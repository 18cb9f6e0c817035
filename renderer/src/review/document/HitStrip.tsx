// A strip beside the document with a tick where each finding falls (colour by severity): the shape
// of a long document's problems at a glance; a click near a tick selects that finding. Drawn on one
// canvas — a long law text has over a thousand ticks, too many to lay out as elements.
import { memo, useEffect, useMemo, useRef } from 'react';
import { SEVERITY_RANK } from '../../../../shared/findings';
import type { DocumentModel } from '../../../../shared/api-contract';
import type { StoredFinding } from '../../../../shared/records';
import { SEVERITY_STYLES } from '../verdict';
import { findingPositions } from './positions';

interface Props {
  readonly model: DocumentModel;
  readonly findings: readonly StoredFinding[];
  readonly selectedId?: string;
  readonly onSelect: (id: string) => void;
}

/** How far from a tick a click still picks it, in pixels. */
const REACH = 5;

export const HitStrip = memo(function HitStrip({ model, findings, selectedId, onSelect }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const positions = useMemo(() => findingPositions(model, findings), [model, findings]);
  // Less severe first, so the severe ones are drawn on top.
  const placed = useMemo(() => findings.filter((f) => positions.has(f.id)).sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]), [findings, positions]);

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const draw = () => {
      const ratio = window.devicePixelRatio || 1;
      c.width = Math.max(1, Math.round(c.clientWidth * ratio));
      c.height = Math.max(1, Math.round(c.clientHeight * ratio));
      const g = c.getContext('2d');
      if (!g) return;
      g.clearRect(0, 0, c.width, c.height);
      for (const f of placed) {
        g.fillStyle = SEVERITY_STYLES[f.severity].border;
        g.fillRect(2 * ratio, Math.round(positions.get(f.id)! * (c.height - 3 * ratio)), c.width - 4 * ratio, (f.severity === 'block' ? 3 : 2) * ratio);
      }
    };
    draw();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(draw);
    observer.observe(c);
    return () => observer.disconnect();
  }, [placed, positions]);

  const pick = (y: number, height: number) => {
    let best: StoredFinding | undefined;
    let distance = REACH + 1;
    // The most severe within reach wins: they are last in `placed`.
    for (const f of placed) {
      const d = Math.abs(positions.get(f.id)! * height - y);
      if (d <= distance) {
        distance = d;
        best = f;
      }
    }
    if (best) onSelect(best.id);
  };
  const selected = selectedId !== undefined ? positions.get(selectedId) : undefined;

  return (
    <div className="hit-strip" role="navigation" aria-label="发现在文中的分布" data-testid="hit-strip" data-ticks={placed.length}>
      <canvas
        ref={canvas}
        onClick={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          pick(e.clientY - r.top, r.height);
        }}
      />
      {selected !== undefined && <div className="hit-selected" style={{ top: `${(selected * 100).toFixed(3)}%` }} />}
    </div>
  );
});
