// One paragraph or page of the reviewed file as text, with its findings marked in place: the text
// view (and the fallback for what the document view cannot draw).
import type { TextBlock } from '../../../../shared/document-model';
import type { StoredFinding } from '../../../../shared/records';
import { MarkedText } from './MarkedText';

interface Props {
  readonly block: TextBlock;
  readonly findings: readonly StoredFinding[];
  readonly selectedFindingId?: string;
  readonly onSelect: (findingId: string) => void;
}

export function HighlightedBlock({ block, findings, selectedFindingId, onSelect }: Props) {
  const prefix = [block.label, block.author ? `作者：${block.author}` : undefined].filter(Boolean).join(' · ');
  return (
    <p className="preview-block" data-part={block.part} data-paragraph={block.paragraph} data-page={block.page}>
      {prefix && <span className="preview-block-label">[{prefix}]</span>}
      {block.text.length === 0 && <span className="preview-block-label">（空）</span>}
      <MarkedText text={block.text} findings={findings} selectedFindingId={selectedFindingId} onSelect={onSelect} />
    </p>
  );
}
