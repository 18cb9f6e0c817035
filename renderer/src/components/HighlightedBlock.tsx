// One paragraph or page of the reviewed file with its findings marked in place. Each mark lists the
// findings it covers (data-finding-ids) so the selected finding can be found and scrolled to. The
// hover hint is the native title, not antd's Tooltip: a long law text has over a thousand marks, and
// a Tooltip each made opening it take seconds.
import type { PreviewBlock } from '../../../shared/api-contract';
import { SEVERITY_LABELS } from '../../../shared/labels';
import type { StoredFinding } from '../../../shared/records';
import { highlightSegments } from '../review/highlight';

interface Props {
  readonly block: PreviewBlock;
  readonly findings: readonly StoredFinding[];
  readonly selectedFindingId?: string;
  readonly onSelect: (findingId: string) => void;
}

export function HighlightedBlock({ block, findings, selectedFindingId, onSelect }: Props) {
  const segments = highlightSegments(block.text, findings);
  const prefix = [block.label, block.author ? `作者：${block.author}` : undefined].filter(Boolean).join(' · ');
  return (
    <p className="preview-block" data-part={block.part} data-paragraph={block.paragraph} data-page={block.page}>
      {prefix && <span className="preview-block-label">[{prefix}]</span>}
      {block.text.length === 0 && <span className="preview-block-label">（空）</span>}
      {segments.map((seg) => {
        if (seg.findings.length === 0) return <span key={seg.start}>{seg.text}</span>;
        const ids = seg.findings.map((f) => f.id);
        const selected = selectedFindingId !== undefined && ids.includes(selectedFindingId);
        const top = selected ? seg.findings.find((f) => f.id === selectedFindingId)! : seg.findings[0];
        return (
          <mark
            key={seg.start}
            title={seg.findings.map((f) => `${SEVERITY_LABELS[f.severity]}：${f.match}`).join('；')}
            className={`finding-mark severity-${seg.severity}${selected ? ' selected' : ''}`}
            data-finding-ids={ids.join(' ')}
            data-severity={seg.severity}
            onClick={() => onSelect(top.id)}
          >
            {seg.text}
          </mark>
        );
      })}
    </p>
  );
}
