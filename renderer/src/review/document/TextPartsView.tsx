// The reviewed file as text, by part (正文, 页眉页脚, 批注, 修订, 文档属性 …), each with its findings
// marked: the plain view beside the document as it looks, and the fallback for any format. Only
// parts the file has are shown, so an empty tab never hides nothing behind a click.
import { Badge, Empty, Tabs } from 'antd';
import { memo, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TextBlock } from '../../../../shared/document-model';
import { PART_LABELS } from '../../../../shared/labels';
import type { StoredFinding } from '../../../../shared/records';
import { reviewSelectors, useMishenStore } from '../../store';
import { findingsByBlock } from './block-findings';
import { blockKey } from './highlight';
import { HighlightedBlock } from './HighlightedBlock';
import { PART_TABS } from './part-tabs';
import { useScrollToSelected } from './use-scroll-to-selected';

function blockHeading(block: TextBlock, previous: TextBlock | undefined): string | undefined {
  if (block.page !== undefined && block.page !== previous?.page) return `第 ${block.page} 页`;
  if (block.part !== 'body' && block.part !== previous?.part) return PART_LABELS[block.part];
  return undefined;
}

export function TextPartsView({ blocks }: { blocks: readonly TextBlock[] }) {
  const findings = useMishenStore(useShallow(reviewSelectors.findings));
  const activeTab = useMishenStore(reviewSelectors.activeTab);
  const selectedId = useMishenStore(reviewSelectors.selectedFindingId);
  const setActiveTab = useMishenStore((s) => s.setActiveTab);
  const selectFinding = useMishenStore((s) => s.selectFinding);
  const pane = useScrollToSelected<HTMLDivElement>(selectedId, [activeTab, blocks], '[role="tabpanel"]:not([aria-hidden="true"]) ');

  const tabs = useMemo(() => {
    return PART_TABS.map((tab) => {
      const tabBlocks = blocks.filter((b) => (tab.parts as readonly string[]).includes(b.part));
      const count = findings.filter((f) => (tab.parts as readonly string[]).includes(f.part)).length;
      return { tab, blocks: tabBlocks, inBlocks: findingsByBlock(tabBlocks, findings), count };
    }).filter((t) => t.tab.key === 'body' || t.blocks.length > 0 || t.count > 0);
  }, [blocks, findings]);

  return (
    <div ref={pane} className="text-parts-view">
      <Tabs
        size="small"
        activeKey={tabs.some((t) => t.tab.key === activeTab) ? activeTab : 'body'}
        onChange={setActiveTab}
        items={tabs.map(({ tab, blocks: tabBlocks, inBlocks, count }) => ({
          key: tab.key,
          label: (
            <span>
              {tab.label} {count > 0 && <Badge count={count} size="small" color="#cf1322" overflowCount={9999} />}
            </span>
          ),
          children: (
            <div className="text-pane" data-testid={`part-pane-${tab.key}`}>
              {tabBlocks.length === 0 ? (
                <Empty description={tab.key === 'body' ? '该文件没有可显示的正文文字（可能是扫描件，请看上方提示）。' : '该部分没有文字。'} />
              ) : (
                tabBlocks.map((block, i) => (
                  // Only the blocks holding the selected finding get its id, so j / k re-render two blocks, not all.
                  <BlockWithHeading key={blockKey(block) + i} block={block} previous={tabBlocks[i - 1]} findings={inBlocks[i]} selectedId={selectedId && inBlocks[i].some((f) => f.id === selectedId) ? selectedId : undefined} onSelect={selectFinding} />
                ))
              )}
            </div>
          ),
        }))}
      />
    </div>
  );
}

const BlockWithHeading = memo(function BlockWithHeading(props: { block: TextBlock; previous?: TextBlock; findings: readonly StoredFinding[]; selectedId?: string; onSelect: (id: string) => void }) {
  const heading = blockHeading(props.block, props.previous);
  return (
    <>
      {heading && <div className="preview-page-title">{heading}</div>}
      <HighlightedBlock block={props.block} findings={props.findings} selectedFindingId={props.selectedId} onSelect={props.onSelect} />
    </>
  );
});
