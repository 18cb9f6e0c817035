// An OFD file as it looks: each page at its size, its text objects placed where the file puts them
// (the stored model keeps where each piece stands), the findings drawn as boxes over them. Pictures
// on the pages are shown after the pages, with what OCR read in them.
import { memo, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DocumentModel } from '../../../../shared/api-contract';
import type { PageSize, TextBlock } from '../../../../shared/document-model';
import type { StoredFinding } from '../../../../shared/records';
import { reviewSelectors, useMishenStore } from '../../store';
import { PageBoxes } from './PageBoxes';
import { PictureView } from './PictureView';
import { SelectedStyle } from './SelectedStyle';
import { useScrollToSelected } from './use-scroll-to-selected';
import { useWidth } from './use-width';
import { boxedOnPage } from './views';

const MAX_PAGE_WIDTH = 1000;

export function OfdView({ model }: { model: DocumentModel }) {
  const findings = useMishenStore(useShallow(reviewSelectors.findings));
  const selectedId = useMishenStore(reviewSelectors.selectedFindingId);
  const selectFinding = useMishenStore((s) => s.selectFinding);
  const { ref: frame, width } = useWidth<HTMLDivElement>();
  const pane = useScrollToSelected<HTMLDivElement>(selectedId, [model]);
  const pages = model.pages ?? [];
  const textOf = useMemo(() => new Map(model.blocks.filter((b) => b.part === 'body' && b.page !== undefined).map((b) => [b.page!, b])), [model]);
  const byPage = useMemo(() => {
    const map = new Map<number, StoredFinding[]>();
    for (const f of findings) if (boxedOnPage(f) && f.part !== 'ocr') map.set(f.page!, [...(map.get(f.page!) ?? []), f]);
    return map;
  }, [findings]);
  const pictures = model.blocks.filter((b) => b.part === 'ocr');

  return (
    <div ref={pane} className="pdf-view" data-testid="ofd-view">
      <SelectedStyle selectedId={selectedId} />
      <div ref={frame} className="pdf-pages">
        {pages.map((size) => (
          <OfdPage key={size.number} size={size} scale={Math.min(MAX_PAGE_WIDTH, Math.max(200, width - 32)) / size.width} text={textOf.get(size.number)} findings={byPage.get(size.number)} onSelect={selectFinding} />
        ))}
      </div>
      {pictures.length > 0 && (
        <div className="word-pictures">
          <div className="word-section-title">页面上的图片（其中文字由 OCR 识别）</div>
          {pictures.map((b) => (
            <PictureView key={`${b.paragraph}-${b.source ?? ''}`} versionId={model.versionId} block={b} />
          ))}
        </div>
      )}
    </div>
  );
}

const OfdPage = memo(function OfdPage({ size, scale, text, findings, onSelect }: { size: PageSize; scale: number; text?: TextBlock; findings?: readonly StoredFinding[]; onSelect: (id: string) => void }) {
  return (
    <div className="pdf-page ofd-page" data-page={size.number} data-rendered="true" data-testid="pdf-page" style={{ width: size.width * scale, height: size.height * scale }}>
      {text?.regions?.map((r, i) => (
        <span key={i} className="ofd-text" style={{ left: r.box.x * scale, top: r.box.y * scale, width: r.box.width * scale, fontSize: Math.max(6, r.box.height * scale * 0.92), lineHeight: `${r.box.height * scale}px` }}>
          {text.text.slice(r.start, r.end)}
        </span>
      ))}
      <span className="pdf-page-number">第 {size.number} 页</span>
      {findings && <PageBoxes findings={findings} scale={scale} onSelect={onSelect} />}
    </div>
  );
});
