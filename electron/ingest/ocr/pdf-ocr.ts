// OCR for PDF pages: a page without a text layer (a scan) is rendered and read whole; a page with a
// text layer is searched for the pictures drawn on it (a screenshot pasted into the draft), and each
// is cut out of the rendered page and read. Rendering uses pdf.js with @napi-rs/canvas (pdf.js's own
// choice in Node).
import { createRequire } from 'node:module';
import type { PDFPageProxy } from 'pdfjs-dist';
import type { Box, ExtractWarning, TextBlock } from '../../../shared/document-model';
import { apply, multiply } from '../pdf/matrix';
import { MIN_PICTURE, ocrBlock, pageConfidenceWarning, readPicture, type OcrBudget } from './ocr-options';

interface Canvas {
  getContext(kind: '2d'): { drawImage(image: Canvas, sx: number, sy: number, sw: number, sh: number, dx: number, dy: number, dw: number, dh: number): void };
  toBuffer(type: 'image/png'): Buffer;
  readonly width: number;
  readonly height: number;
}
interface CanvasModule {
  createCanvas(width: number, height: number): Canvas;
}

const require = createRequire(import.meta.url);
let canvasModule: CanvasModule | null | undefined;
function canvas(): CanvasModule | null {
  if (canvasModule === undefined) {
    try {
      canvasModule = require('@napi-rs/canvas') as CanvasModule;
    } catch {
      canvasModule = null;
    }
  }
  return canvasModule;
}

/** pdf.js operator numbers (OPS in pdf.js) for the drawing state and for pictures. */
const OP = { save: 10, restore: 11, transform: 12, formBegin: 74, formEnd: 75 } as const;
const IMAGE_OPS = new Set([83, 85, 86, 88, 89]);

export interface PageOcrOutput {
  readonly blocks: TextBlock[];
  readonly warnings: ExtractWarning[];
}

/** Renders the page at the budget's resolution; undefined when no canvas module can be loaded. */
/**
 * One page-sized canvas, kept and drawn over again: its pixels live outside the JavaScript heap, so a
 * new canvas per page would pile up until a garbage collection the heap itself sees no need for.
 */
let lastCanvas: Canvas | undefined;
function pageCanvas(module: CanvasModule, width: number, height: number): Canvas {
  if (lastCanvas?.width !== width || lastCanvas.height !== height) lastCanvas = module.createCanvas(width, height);
  return lastCanvas;
}

/** A page that takes longer than this to draw is not drawn for OCR (a person looks at it instead). */
const RENDER_TIMEOUT_MS = 20_000;

async function render(page: PDFPageProxy, dpi: number): Promise<{ canvas: Canvas; scale: number } | 'late' | undefined> {
  const module = canvas();
  if (!module) return undefined;
  const scale = dpi / 72;
  const viewport = page.getViewport({ scale });
  const target = pageCanvas(module, Math.ceil(viewport.width), Math.ceil(viewport.height));
  const task = page.render({ canvasContext: target.getContext('2d'), viewport, canvas: target } as unknown as Parameters<PDFPageProxy['render']>[0]);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), RENDER_TIMEOUT_MS)));
  try {
    if ((await Promise.race([task.promise, late])) === 'late') {
      task.cancel();
      return 'late';
    }
  } finally {
    clearTimeout(timer);
  }
  return { canvas: target, scale };
}

/** A page without a text layer: read the whole page. */
export async function ocrScannedPage(page: PDFPageProxy, number: number, budget: OcrBudget, paragraph: number): Promise<PageOcrOutput> {
  const rendered = await render(page, budget.dpi);
  if (rendered === 'late') return { blocks: [], warnings: [tooSlow(number)] };
  if (!rendered) return { blocks: [], warnings: [noCanvas(number)] };
  const result = await budget.read(rendered.canvas.toBuffer('image/png'));
  if (!result) return { blocks: [], warnings: [] };
  const warning = pageConfidenceWarning(result, number);
  const blocks = result.text.trim() ? [ocrBlock(result, { page: number, label: `第${number}页扫描图像`, paragraph }, { scale: rendered.scale, dx: 0, dy: 0 })] : [];
  return { blocks, warnings: warning ? [warning] : [] };
}

/** A page with text: read each picture drawn on it. */
export async function ocrPageImages(page: PDFPageProxy, number: number, budget: OcrBudget, firstParagraph: number): Promise<PageOcrOutput> {
  const boxes = await imageBoxes(page);
  const out: PageOcrOutput = { blocks: [], warnings: [] };
  if (boxes.length === 0) return out;
  const rendered = await render(page, budget.dpi);
  if (rendered === 'late') return { blocks: [], warnings: [tooSlow(number)] };
  if (!rendered) return { blocks: [], warnings: [noCanvas(number)] };
  const module = canvas()!;
  for (const [i, box] of boxes.entries()) {
    const sx = Math.max(0, Math.floor(box.x * rendered.scale));
    const sy = Math.max(0, Math.floor(box.y * rendered.scale));
    const sw = Math.min(rendered.canvas.width - sx, Math.ceil(box.width * rendered.scale));
    const sh = Math.min(rendered.canvas.height - sy, Math.ceil(box.height * rendered.scale));
    if (sw < MIN_PICTURE.width || sh < MIN_PICTURE.height) continue;
    const crop = module.createCanvas(sw, sh);
    crop.getContext('2d').drawImage(rendered.canvas, sx, sy, sw, sh, 0, 0, sw, sh);
    const result = await budget.read(crop.toBuffer('image/png'));
    if (!result) continue;
    const label = `第${number}页图片 ${i + 1}`;
    const read = readPicture(result, label, number);
    if (read.warning) out.warnings.push(read.warning);
    if (read.result) {
      out.blocks.push(ocrBlock(read.result, { page: number, label, paragraph: firstParagraph + out.blocks.length }, { scale: rendered.scale, dx: sx / rendered.scale, dy: sy / rendered.scale }));
    }
  }
  return out;
}

/** Where the page's pictures land, in page units from the top left (the unit square under the CTM). */
export async function imageBoxes(page: PDFPageProxy): Promise<Box[]> {
  const ops = await page.getOperatorList();
  const viewport = page.getViewport({ scale: 1 });
  let ctm = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  const boxes: Box[] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OP.save) stack.push(ctm);
    else if (fn === OP.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OP.transform) ctm = multiply(ctm, args as number[]);
    else if (fn === OP.formBegin) {
      stack.push(ctm);
      if (Array.isArray(args[0])) ctm = multiply(ctm, args[0] as number[]);
    } else if (fn === OP.formEnd) ctm = stack.pop() ?? ctm;
    else if (IMAGE_OPS.has(fn)) {
      const corners = [[0, 0], [1, 0], [0, 1], [1, 1]].map(([x, y]) => apply(viewport.transform, apply(ctm, [x, y])));
      const xs = corners.map((c) => c[0]);
      const ys = corners.map((c) => c[1]);
      const box = { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
      if (box.width > 0 && box.height > 0) boxes.push(box);
    }
  }
  return boxes;
}

function tooSlow(page: number): ExtractWarning {
  return { code: 'ocr-unavailable', page, message: `第${page}页过于复杂，在时限内未能绘制出来供 OCR 识别，其中的图片和扫描内容须人工审查。` };
}

function noCanvas(page: number): ExtractWarning {
  return { code: 'ocr-unavailable', page, message: `第${page}页需要 OCR 识别，但本机无法渲染 PDF 页面（缺少图形组件），须人工审查。` };
}
