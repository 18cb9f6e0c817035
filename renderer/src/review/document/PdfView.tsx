// A PDF as it looks: its pages drawn by pdf.js from the stored file, fitted to the pane, each
// finding that has a place on its page drawn as a box over it (text, and what OCR read on a scanned
// page). Pages are placed at their sizes from the start (the stored model has them) and drawn as they
// come into view; pages far out of view are let go, so a long file does not hold hundreds of bitmaps.
import { Alert } from 'antd';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DocumentModel } from '../../../../shared/api-contract';
import type { PageSize } from '../../../../shared/document-model';
import type { StoredFinding } from '../../../../shared/records';
import { reviewSelectors, useMishenStore } from '../../store';
import { perfMark } from '../../perf-marks';
import { PageBoxes } from './PageBoxes';
import { pdfDocument } from './pdf-document';
import { SelectedStyle } from './SelectedStyle';
import { useScrollToSelected } from './use-scroll-to-selected';
import { useWidth } from './use-width';
import { boxedOnPage } from './views';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';

/** Pages wider than this on screen are hard to take in whole; at 1920 wide the page stays this size. */
const MAX_PAGE_WIDTH = 1000;
const A4: Omit<PageSize, 'number'> = { width: 595.28, height: 841.89 };
/** Pages drawn beyond the ones in view, each way. */
const DRAW_AROUND = 1;
/** Pages kept drawn beyond the ones in view, each way, before their bitmaps are let go. */
const KEEP_AROUND = 4;

export function PdfView({ model }: { model: DocumentModel }) {
  const findings = useMishenStore(useShallow(reviewSelectors.findings));
  const selectedId = useMishenStore(reviewSelectors.selectedFindingId);
  const selectFinding = useMishenStore((s) => s.selectFinding);
  const [doc, setDoc] = useState<PDFDocumentProxy>();
  const [error, setError] = useState<string>();
  const { ref: frame, width, measured } = useWidth<HTMLDivElement>();
  const pane = useScrollToSelected<HTMLDivElement>(selectedId, [model, doc !== undefined, measured]);
  const [visible, setVisible] = useState<ReadonlySet<number>>(new Set([1]));
  // The pages around the view are drawn once one in view is: the first page alone has the main
  // thread to itself (pdf.js draws on it), so it is on screen sooner.
  const [drawnOnce, setDrawnOnce] = useState(false);
  const onDrawn = useCallback(() => setDrawnOnce(true), []);

  useEffect(() => {
    perfMark('pdf-view');
    let live = true;
    pdfDocument(model.versionId).then(
      (d) => live && setDoc(d),
      () => live && setError('无法在窗口中显示这个 PDF 的页面（可能已损坏或使用了不支持的图像格式）。请改看「文字」。'),
    );
    return () => {
      live = false;
    };
  }, [model.versionId]);

  const pageCount = model.pageCount ?? model.pages?.length ?? 0;
  const sizes = useMemo(() => {
    const known = new Map((model.pages ?? []).map((p) => [p.number, p]));
    return Array.from({ length: pageCount }, (_, i) => known.get(i + 1) ?? { number: i + 1, ...A4 });
  }, [model, pageCount]);
  const selectedPage = findings.find((f) => f.id === selectedId)?.page;
  const byPage = useMemo(() => {
    const map = new Map<number, StoredFinding[]>();
    for (const f of findings) if (boxedOnPage(f)) map.set(f.page!, [...(map.get(f.page!) ?? []), f]);
    return map;
  }, [findings]);

  // Which pages are in view, as the pane scrolls.
  const observer = useRef<IntersectionObserver>(undefined);
  useEffect(() => {
    const root = pane.current;
    if (!root || typeof IntersectionObserver === 'undefined') return;
    const shown = new Set<number>();
    observer.current = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const n = Number((e.target as HTMLElement).dataset.page);
          if (e.isIntersecting) shown.add(n);
          else shown.delete(n);
        }
        setVisible(new Set(shown));
      },
      { root, rootMargin: '200px 0px' },
    );
    for (const el of root.querySelectorAll('[data-page]')) observer.current.observe(el);
    return () => observer.current?.disconnect();
  }, [pane, sizes, measured]);

  const inView = [...visible];
  const low = Math.min(...inView, pageCount);
  const high = Math.max(...inView, 1);
  const scale = (size: PageSize) => Math.min(MAX_PAGE_WIDTH, Math.max(200, width - 32)) / size.width;

  return (
    <div ref={pane} className="pdf-view" data-testid="pdf-view">
      <SelectedStyle selectedId={selectedId} />
      {error && <Alert type="warning" showIcon title={error} style={{ margin: 12 }} />}
      <div ref={frame} className="pdf-pages">
        {/* Laid out once, at the pane's width (measured before the first paint), not first at a guess. */}
        {measured && sizes.map((size) => (
          <Page
            key={size.number}
            doc={doc}
            size={size}
            scale={scale(size)}
            draw={visible.has(size.number) || (drawnOnce && size.number >= low - DRAW_AROUND && size.number <= high + DRAW_AROUND)}
            keep={size.number >= low - KEEP_AROUND && size.number <= high + KEEP_AROUND}
            findings={byPage.get(size.number)}
            hasSelected={selectedPage === size.number}
            onSelect={selectFinding}
            onDrawn={onDrawn}
          />
        ))}
      </div>
    </div>
  );
}

interface PageProps {
  readonly doc?: PDFDocumentProxy;
  readonly size: PageSize;
  readonly scale: number;
  readonly draw: boolean;
  readonly keep: boolean;
  readonly findings?: readonly StoredFinding[];
  /** The selected finding is on this page: its boxes are drawn whether or not it is near the view. */
  readonly hasSelected: boolean;
  readonly onSelect: (id: string) => void;
  readonly onDrawn: () => void;
}

const Page = memo(function Page({ doc, size, scale, draw, keep, findings, hasSelected, onSelect, onDrawn }: PageProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawnAt, setDrawnAt] = useState<number>();

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    if (!keep && drawnAt !== undefined) {
      // Out of reach: give the bitmap back; it is drawn again when the page comes near.
      c.width = 0;
      c.height = 0;
      setDrawnAt(undefined);
      return;
    }
    if (!doc || !draw || drawnAt === scale) return;
    let task: RenderTask | undefined;
    let live = true;
    void doc.getPage(size.number).then((page) => {
      if (!live) return;
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: scale * ratio });
      c.width = Math.ceil(viewport.width);
      c.height = Math.ceil(viewport.height);
      task = page.render({ canvas: c, canvasContext: c.getContext('2d')!, viewport } as Parameters<typeof page.render>[0]);
      task.promise.then(
        () => {
          perfMark(`page-drawn:${size.number}`);
          if (!live) return;
          setDrawnAt(scale);
          onDrawn();
        },
        () => undefined,
      );
    });
    return () => {
      live = false;
      task?.cancel();
    };
  }, [doc, draw, keep, scale, size.number, drawnAt, onDrawn]);

  return (
    <div className="pdf-page" data-page={size.number} data-rendered={drawnAt !== undefined} data-testid="pdf-page" style={{ width: size.width * scale, height: size.height * scale }}>
      <canvas ref={canvas} style={{ width: size.width * scale, height: size.height * scale }} aria-label={`第 ${size.number} 页`} />
      <span className="pdf-page-number">第 {size.number} 页</span>
      {/* Boxes only near the view (and where the selection is): a long file has thousands. */}
      {findings && (keep || hasSelected) && <PageBoxes findings={findings} scale={scale} onSelect={onSelect} />}
    </div>
  );
});
