// A text with its findings marked in place, and what stands inside it without being part of it
// (a tracked deletion, a hidden run, a comment's mark, a note's number) inserted at its offset;
// spans of it that are tracked insertions are underlined. Each mark lists the findings it covers
// (data-finding-ids), so the selected one can be found and scrolled to. The hover hint is the
// native title, not antd's Tooltip: a long law text has over a thousand marks.
import { Fragment, type ReactNode } from 'react';
import { SEVERITY_LABELS } from '../../../../shared/labels';
import type { StoredFinding } from '../../../../shared/records';
import { highlightSegments } from './highlight';

export interface InlinePiece {
  readonly offset: number;
  readonly key: string;
  readonly node: ReactNode;
}

interface Props {
  readonly text: string;
  readonly findings: readonly StoredFinding[];
  readonly selectedFindingId?: string;
  readonly onSelect: (findingId: string) => void;
  readonly inlines?: readonly InlinePiece[];
  /** Spans of the text that are tracked insertions. */
  readonly inserted?: readonly { readonly start: number; readonly end: number }[];
}

export function MarkedText({ text, findings, selectedFindingId, onSelect, inlines = [], inserted = [] }: Props) {
  const segments = highlightSegments(text, findings);
  const cuts = new Set<number>([0, text.length]);
  for (const s of segments) cuts.add(s.start);
  for (const p of inlines) cuts.add(Math.min(Math.max(0, p.offset), text.length));
  for (const r of inserted) {
    cuts.add(Math.max(0, r.start));
    cuts.add(Math.min(text.length, r.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const at = (offset: number) => inlines.filter((p) => Math.min(Math.max(0, p.offset), text.length) === offset);
  const out: ReactNode[] = [];
  let seg = 0;
  for (let i = 0; i < points.length; i++) {
    const start = points[i];
    for (const p of at(start)) out.push(<Fragment key={`i-${p.key}`}>{p.node}</Fragment>);
    const end = points[i + 1];
    if (end === undefined || end === start) continue;
    while (seg < segments.length - 1 && segments[seg].start + segments[seg].text.length <= start) seg++;
    const s = segments[seg];
    const piece = text.slice(start, end);
    const isInserted = inserted.some((r) => r.start <= start && r.end >= end);
    const body = s && s.findings.length > 0 ? <Mark key={`m-${start}`} text={piece} findings={s.findings} severity={s.severity!} selectedFindingId={selectedFindingId} onSelect={onSelect} /> : piece;
    out.push(isInserted ? <ins key={`n-${start}`} className="tracked-insertion" title="修订：插入的文字">{body}</ins> : <Fragment key={`t-${start}`}>{body}</Fragment>);
  }
  return <>{out}</>;
}

function Mark({ text, findings, severity, selectedFindingId, onSelect }: { text: string; findings: readonly StoredFinding[]; severity: string; selectedFindingId?: string; onSelect: (id: string) => void }) {
  const ids = findings.map((f) => f.id);
  const selected = selectedFindingId !== undefined && ids.includes(selectedFindingId);
  const top = selected ? findings.find((f) => f.id === selectedFindingId)! : findings[0];
  return (
    <mark
      title={findings.map((f) => `${SEVERITY_LABELS[f.severity]}：${f.match}`).join('；')}
      className={`finding-mark severity-${severity}${selected ? ' selected' : ''}`}
      data-finding-ids={ids.join(' ')}
      data-severity={severity}
      onClick={(e) => {
        e.stopPropagation();
        onSelect(top.id);
      }}
    >
      {text}
    </mark>
  );
}
