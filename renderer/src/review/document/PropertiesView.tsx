// What travels with the file beside its text — document properties, annotations and form fields,
// attachments — each under its name, with its findings marked.
import { Empty } from 'antd';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TextBlock } from '../../../../shared/document-model';
import { placeOf } from '../../../../shared/labels';
import { reviewSelectors, useMishenStore } from '../../store';
import { findingsByBlock } from './block-findings';
import { MarkedText } from './MarkedText';
import { SelectedStyle } from './SelectedStyle';
import { useScrollToSelected } from './use-scroll-to-selected';
import { PROPERTY_PARTS } from './views';

export function PropertiesView({ blocks }: { blocks: readonly TextBlock[] }) {
  const findings = useMishenStore(useShallow(reviewSelectors.findings));
  const selectedId = useMishenStore(reviewSelectors.selectedFindingId);
  const selectFinding = useMishenStore((s) => s.selectFinding);
  const shown = useMemo(() => blocks.filter((b) => PROPERTY_PARTS.has(b.part)), [blocks]);
  const lists = useMemo(() => findingsByBlock(shown, findings), [shown, findings]);
  const pane = useScrollToSelected<HTMLDivElement>(selectedId, [shown]);
  if (shown.length === 0) return <Empty description="该文件没有文档属性、注释或附件。" style={{ padding: 40 }} />;
  return (
    <div ref={pane} className="properties-view" data-testid="properties-view">
      <SelectedStyle selectedId={selectedId} />
      <table className="properties-table">
        <tbody>
          {shown.map((b, i) => (
            <tr key={i} data-part={b.part}>
              <th>
                {placeOf(b.part, b.label)}
                {b.page !== undefined && <div className="word-band-label">第 {b.page} 页</div>}
                {b.author && <div className="word-band-label">作者：{b.author}</div>}
              </th>
              <td>
                <MarkedText text={b.text} findings={lists[i]} onSelect={selectFinding} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
