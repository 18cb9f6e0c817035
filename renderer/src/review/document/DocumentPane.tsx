// The document pane: the file as it looks (pages, Word layout, sheets, pictures), its text by part
// (the plain view, which every format has), and what travels beside the text (properties,
// annotations); with the strip of where the findings fall beside it.
import { Segmented, Skeleton } from 'antd';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DocumentModel } from '../../../../shared/api-contract';
import { reviewSelectors, useMishenStore } from '../../store';
import type { DocumentView } from '../../store/review/initialState';
import { HitStrip } from './HitStrip';
import { OfdView } from './OfdView';
import { PdfView } from './PdfView';
import { PictureView } from './PictureView';
import { PropertiesView } from './PropertiesView';
import { SheetView } from './SheetView';
import { TextPartsView } from './TextPartsView';
import { WordView } from './WordView';

const VIEW_LABELS: Readonly<Record<DocumentView, string>> = { page: '原貌', text: '文字', properties: '文档属性与注释' };

/** Drawn from the store alone (memo): the review screen re-rendering for its header does not lay out the pages again. */
export const DocumentPane = memo(function DocumentPane() {
  const model = useMishenStore(reviewSelectors.model);
  const findings = useMishenStore(useShallow(reviewSelectors.findings));
  const view = useMishenStore(reviewSelectors.documentView);
  const setView = useMishenStore((s) => s.setDocumentView);
  const selectFinding = useMishenStore((s) => s.selectFinding);
  const selectedId = useMishenStore(reviewSelectors.selectedFindingId);
  if (!model) {
    return (
      <div className="document-pane" data-testid="document-pane">
        <Skeleton active paragraph={{ rows: 12 }} style={{ padding: 24 }} />
      </div>
    );
  }
  return (
    <div className="document-pane" data-testid="document-pane" data-format={model.format}>
      <div className="document-toolbar">
        <Segmented size="small" value={view} onChange={(v) => setView(v as DocumentView)} options={(Object.keys(VIEW_LABELS) as DocumentView[]).map((v) => ({ value: v, label: VIEW_LABELS[v] }))} aria-label="文稿显示方式" />
      </div>
      <div className="document-body">
        <div className="document-view" data-view={view}>
          {view === 'page' && <PageView model={model} />}
          {view === 'text' && <TextPartsView blocks={model.blocks} />}
          {view === 'properties' && <PropertiesView blocks={model.blocks} />}
        </div>
        {view === 'page' && <HitStrip model={model} findings={findings} selectedId={selectedId} onSelect={selectFinding} />}
      </div>
    </div>
  );
});

function PageView({ model }: { model: DocumentModel }) {
  switch (model.format) {
    case 'pdf':
      return <PdfView model={model} />;
    case 'ofd':
      return <OfdView model={model} />;
    case 'xlsx':
      return <SheetView model={model} />;
    case 'image': {
      // The picture is shown even where OCR read nothing in it.
      const read = model.blocks.filter((b) => b.part === 'ocr');
      return (
        <div className="picture-page">
          {(read.length ? read : [{ part: 'ocr' as const, text: '', paragraph: 0, label: '图片' }]).map((b) => (
            <PictureView key={b.paragraph} versionId={model.versionId} block={b} />
          ))}
        </div>
      );
    }
    default:
      return <WordView model={model} />;
  }
}
