// PDF reader: page text in reading order, plus the places a PDF hides text that a reviewer
// cannot see on the page — document info and XMP metadata, annotations and form fields,
// embedded attachments — and a warning for every page that has no text layer (a scan),
// because such a page must never pass as clean.

import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import type { ExtractResult, ExtractWarning, PageSize, ReadError, TextBlock } from '../../shared/document-model';
import { debugLog } from './debug-log';
import { baseName } from './file-name';
import { layoutPage, type PlacedText } from './pdf/pdf-layout';
import { OcrBudget, type OcrOptions } from './ocr/ocr-options';
import { ocrPageImages, ocrScannedPage } from './ocr/pdf-ocr';
import { multiply } from './pdf/matrix';
import { findOversizedStream, MAX_INFLATED_STREAM_BYTES } from './pdf/pdf-streams';
import { loadPdfjs, pdfjsDataUrls } from './pdf/pdfjs-node';

/** More pages than this is not a document someone reviews by hand; refuse rather than hang. */
export const MAX_PDF_PAGES = 5000;

/** Collects blocks and warnings while the document is walked; paragraph indexes per part. */
class Collector {
  readonly blocks: TextBlock[] = [];
  readonly warnings: ExtractWarning[] = [];
  readonly pages: PageSize[] = [];
  private readonly counts = new Map<TextBlock['part'], number>();

  /** The paragraph index the next block of `part` gets. */
  nextParagraph(part: TextBlock['part']): number {
    return this.counts.get(part) ?? 0;
  }

  add(block: Omit<TextBlock, 'paragraph'> & { paragraph?: number }): void {
    const paragraph = block.paragraph ?? this.counts.get(block.part) ?? 0;
    this.counts.set(block.part, paragraph + 1);
    this.blocks.push({ ...block, paragraph });
  }

  warn(warning: ExtractWarning): void {
    this.warnings.push(warning);
  }
}

/**
 * With `ocr`, scanned pages and the pictures on pages are read by OCR (part `ocr`). `onPage` hears
 * of each page read (the window's import progress).
 */
export async function readPdf(bytes: Uint8Array, fileName: string, ocr?: OcrOptions, onPage?: (done: number, total: number) => void): Promise<ExtractResult> {
  const name = baseName(fileName);
  const bomb = findOversizedStream(bytes);
  if (bomb !== undefined) {
    const limit = MAX_INFLATED_STREAM_BYTES / 1024 / 1024;
    return {
      ok: false,
      error: {
        code: 'too-large',
        message: `无法读取「${name}」：PDF 中有一个数据流（位于文件第 ${bomb} 字节处）解压后超过 ${limit} MB 的上限，可能是“压缩炸弹”，已停止读取。`,
      },
    };
  }
  let doc: PDFDocumentProxy;
  try {
    doc = await openPdf(bytes);
  } catch (error) {
    return { ok: false, error: openError(error, name) };
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) {
      return {
        ok: false,
        error: { code: 'too-large', message: `无法读取「${name}」：PDF 共 ${doc.numPages} 页，超过 ${MAX_PDF_PAGES} 页的上限。` },
      };
    }
    const out = new Collector();
    const budget = ocr && new OcrBudget(ocr, doc.numPages);
    // OCR only in a file that holds pictures: a scan is a picture too, and a page without text or
    // pictures has nothing to read. Finding and drawing them builds each page's operator list,
    // which some malformed files never finish (a cycle of forms). An image XObject is a stream,
    // and streams are never inside compressed object streams, so the bytes tell.
    const pictures = budget !== undefined && hasImageXObject(bytes);
    await readMetadata(doc, out);
    for (let number = 1; number <= doc.numPages; number++) {
      await readPage(doc, number, out, budget, pictures);
      onPage?.(number, doc.numPages);
    }
    await readAttachments(doc, out);
    const limit = budget?.limitWarning(name);
    if (limit) out.warn(limit);
    return { ok: true, document: { format: 'pdf', blocks: out.blocks, warnings: out.warnings, pageCount: doc.numPages, pages: out.pages } };
  } catch (error) {
    debugLog(`reading ${name}`, error);
    return { ok: false, error: { code: 'unreadable', message: `无法读取「${name}」：PDF 文件已损坏，无法读出其内容。` } };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/** Whether the file holds an image XObject: a `/Subtype /Image` in plain bytes. */
function hasImageXObject(bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = buf.indexOf('/Subtype'); at >= 0; at = buf.indexOf('/Subtype', at + 8)) {
    if (/^\s*\/Image(?![A-Za-z])/.test(buf.subarray(at + 8, at + 24).toString('latin1'))) return true;
  }
  return false;
}

async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfjs();
  return pdfjs.getDocument({
    // pdfjs transfers (detaches) the buffer it is given, so it gets a copy: the caller's bytes
    // stay usable. A plain Uint8Array, too: pdfjs refuses a Node Buffer.
    data: new Uint8Array(bytes),
    ...pdfjsDataUrls(),
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
}

function openError(error: unknown, name: string): ReadError {
  const kind = (error as { name?: string } | null)?.name;
  if (kind === 'PasswordException') {
    return { code: 'encrypted', message: `无法读取「${name}」：PDF 文件已加密（需要密码），请提供未加密的版本。` };
  }
  // InvalidPDFException, FormatError, or anything pdfjs throws on a broken file: its words are English.
  debugLog(`opening ${name}`, error);
  return { code: 'unreadable', message: `无法读取「${name}」：不是有效的 PDF 文件或已损坏。` };
}

// ---------------------------------------------------------------------------------------------
// Pages

async function readPage(doc: PDFDocumentProxy, number: number, out: Collector, budget: OcrBudget | undefined, pictures: boolean): Promise<void> {
  let page: PDFPageProxy;
  try {
    page = await doc.getPage(number);
  } catch (error) {
    // One broken page should not hide the rest of the document, but must not pass silently.
    debugLog(`page ${number}`, error);
    out.warn({ code: 'page-unreadable', page: number, message: `第${number}页无法解析，需要人工审查。` });
    return;
  }
  try {
    const hasText = await readPageText(page, number, out, budget !== undefined);
    if (budget && pictures) {
      const paragraph = out.nextParagraph('ocr');
      const read = hasText ? await ocrPageImages(page, number, budget, paragraph) : await ocrScannedPage(page, number, budget, paragraph);
      for (const block of read.blocks) out.add(block);
      for (const warning of read.warnings) out.warn(warning);
    }
    await readAnnotations(page, number, out);
  } finally {
    page.cleanup();
  }
}

/** Adds the page's text layer; false when it has none (a scan), which is warned about. */
async function readPageText(page: PDFPageProxy, number: number, out: Collector, ocr: boolean): Promise<boolean> {
  const content = await page.getTextContent();
  // The viewport transform applies the page's /Rotate and flips y to grow downwards, so a
  // landscape page's lines come out as a person reads them.
  const viewport = page.getViewport({ scale: 1 });
  out.pages.push({ number, width: viewport.width, height: viewport.height });
  const pieces = content.items.filter(isTextItem).map((item) => place(item, viewport.transform));
  const { text, regions } = layoutPage(pieces);
  if (text.trim() === '') {
    out.warn({
      code: 'no-text-layer',
      page: number,
      message: ocr
        ? `第${number}页没有文字层（可能是扫描图像），已用 OCR 识别其中文字；识别结果可能有误，须人工核对。`
        : `第${number}页没有文字层（可能是扫描图像），需要人工或OCR审查。`,
    });
    return false;
  }
  out.add({ part: 'body', text, paragraph: 0, page: number, regions });
  return true;
}

function isTextItem(item: unknown): item is TextItem {
  return typeof (item as TextItem).str === 'string';
}

function place(item: TextItem, viewport: number[]): PlacedText {
  const [a, b, c, d, e, f] = multiply(viewport, item.transform);
  // Font height is the length of the transformed y unit vector; the advance width pdfjs gives
  // is in unscaled page units, which at scale 1 equals viewport units.
  return { str: item.str, x: e, y: f, width: item.width, fontSize: Math.hypot(c, d) || Math.hypot(a, b) };
}

// ---------------------------------------------------------------------------------------------
// Annotations and form fields

const ANNOTATION_NAMES: Readonly<Record<string, string>> = {
  Text: '注释',
  FreeText: '文本框注释',
  Highlight: '高亮',
  Underline: '下划线',
  StrikeOut: '删除线',
  Squiggly: '波浪线',
  Square: '矩形批注',
  Circle: '圆形批注',
  Line: '直线批注',
  Polygon: '多边形批注',
  PolyLine: '折线批注',
  Ink: '手绘批注',
  Stamp: '图章',
  Caret: '插入标记',
  FileAttachment: '附件注释',
  Sound: '声音注释',
  Redact: '遮盖标记',
  Widget: '表单域',
  Link: '链接',
};

/** The fields of pdfjs's annotation data that carry text (pdfjs types them as `any`). */
interface AnnotationData {
  subtype?: string;
  contentsObj?: { str?: string };
  contents?: string;
  titleObj?: { str?: string };
  fieldType?: string;
  fieldName?: string;
  fieldValue?: unknown;
  file?: { filename?: string; content?: Uint8Array };
}

async function readAnnotations(page: PDFPageProxy, number: number, out: Collector): Promise<void> {
  const annotations = (await page.getAnnotations()) as AnnotationData[];
  for (const annotation of annotations) {
    const subtype = annotation.subtype ?? 'Unknown';
    // pdfjs copies a markup annotation's /Contents and /T onto its Popup: reading both twice.
    if (subtype === 'Popup') continue;
    const label = ANNOTATION_NAMES[subtype] ?? '注释';
    const author = annotation.titleObj?.str?.trim() || undefined;
    const contents = annotation.contentsObj?.str ?? annotation.contents ?? '';
    if (contents.trim() !== '') out.add({ part: 'annotation', text: contents, page: number, label, ...(author ? { author } : {}) });
    const value = fieldText(annotation);
    if (value !== '') {
      const field = annotation.fieldName ? `表单域「${annotation.fieldName}」` : label;
      out.add({ part: 'annotation', text: value, page: number, label: field });
    }
    if (annotation.file) addAttachment(annotation.file.filename ?? '未命名附件', annotation.file.content, out, number);
  }
}

/** Text and choice field values; a checkbox's 'Yes'/'Off' is not text anyone wrote. */
function fieldText(annotation: AnnotationData): string {
  if (annotation.fieldType !== 'Tx' && annotation.fieldType !== 'Ch') return '';
  const value = annotation.fieldValue;
  const values = Array.isArray(value) ? value : [value];
  return values.filter((v): v is string => typeof v === 'string' && v.trim() !== '').join('\n');
}

// ---------------------------------------------------------------------------------------------
// Metadata

const INFO_LABELS: ReadonlyArray<readonly [key: string, label: string]> = [
  ['Title', '标题'],
  ['Author', '作者'],
  ['Subject', '主题'],
  ['Keywords', '关键词'],
  ['Creator', '创建程序'],
  ['Producer', '生成程序'],
];

const XMP_LABELS: Readonly<Record<string, string>> = {
  'dc:title': '标题',
  'dc:creator': '作者',
  'dc:description': '描述',
  'dc:subject': '主题词',
  'dc:rights': '版权',
  'dc:publisher': '发布者',
  'dc:contributor': '贡献者',
  'pdf:keywords': '关键词',
  'pdf:producer': '生成程序',
  'xmp:creatortool': '创建程序',
  'photoshop:authorsposition': '作者职务',
  'photoshop:captionwriter': '说明撰写人',
};

async function readMetadata(doc: PDFDocumentProxy, out: Collector): Promise<void> {
  const { info, metadata } = (await doc.getMetadata()) as unknown as {
    info: Record<string, unknown>;
    metadata: Iterable<[string, unknown]> | null;
  };
  const seen = new Set<string>();
  const add = (text: string, label: string): void => {
    const value = text.trim();
    // The same title often stands in both the info dictionary and XMP; one finding is enough.
    if (value === '' || seen.has(value)) return;
    seen.add(value);
    out.add({ part: 'metadata', text: value, label });
  };
  for (const [key, label] of INFO_LABELS) if (typeof info[key] === 'string') add(info[key], label);
  // Custom entries in the info dictionary (e.g. a department or a case number a tool wrote).
  const custom = info.Custom as Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(custom ?? {})) {
    if (typeof value === 'string') add(value, `自定义属性：${key}`);
  }
  for (const [key, value] of metadata ?? []) {
    const label = XMP_LABELS[key.toLowerCase()];
    // Only fields a person writes; dates, ids and tool versions are not worth a finding.
    if (!label) continue;
    for (const text of Array.isArray(value) ? value : [value]) if (typeof text === 'string') add(text, label);
  }
}

// ---------------------------------------------------------------------------------------------
// Attachments

async function readAttachments(doc: PDFDocumentProxy, out: Collector): Promise<void> {
  const attachments = (await doc.getAttachments()) as Record<string, { filename?: string; content?: Uint8Array }> | null;
  for (const [key, attachment] of Object.entries(attachments ?? {})) {
    addAttachment(attachment.filename || key, attachment.content, out);
  }
}

function addAttachment(fileName: string, content: Uint8Array | undefined, out: Collector, page?: number): void {
  const text = content ? plainText(content) : null;
  const where = page ? `第${page}页的注释中` : '';
  out.warn({
    code: 'attachment',
    ...(page ? { page } : {}),
    message:
      text === null
        ? `PDF ${where}内嵌附件「${fileName}」，其内容未被审查，需要取出后单独审查。`
        : `PDF ${where}内嵌附件「${fileName}」，已按纯文本审查其内容；请确认是否应随文件公开。`,
  });
  if (text !== null && text.trim() !== '') out.add({ part: 'attachment', text, label: fileName, ...(page ? { page } : {}) });
}

/** The attachment's text when it is UTF-8 without control characters; anything else is opaque. */
function plainText(content: Uint8Array): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    return /[\u0000-\u0008\u000e-\u001f]/.test(text) ? null : text;
  } catch {
    return null;
  }
}
