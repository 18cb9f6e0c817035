// The OFD reader (GB/T 33190, the national format for electronic official documents): a zip whose
// OFD.xml names each document's Document.xml, which lists its pages (Content.xml with text objects
// placed on the page), annotations, attachments and resources; signatures and seals stand beside
// it. Text comes out per page in reading order (the same layout as PDF pages), with where each
// piece stands; pictures go to OCR; signatures are named in a warning.
import type { ExtractResult, ExtractWarning, PageSize, TextBlock } from '../../shared/document-model';
import { elementChildren, parseZipPart, XmlError, type XmlDocument, type XmlElement } from './docx/xml';
import { BoundedZip, DEFAULT_MAX_UNCOMPRESSED_BYTES, normalisePath, TooLargeError } from './docx/zip';
import { baseName } from './file-name';
import { ocrImages, type PackagedImage } from './ocr/image-ocr';
import { OcrBudget, type OcrOptions } from './ocr/ocr-options';
import { layoutPage, type PlacedText } from './pdf/pdf-layout';

/** OFD lengths are millimetres; the document model's boxes are points (72 per inch). */
const MM_TO_PT = 72 / 25.4;
export const MAX_OFD_PAGES = 5000;

const DOC_INFO_LABELS: Readonly<Record<string, string>> = {
  Title: '标题',
  Author: '作者',
  Subject: '主题',
  Abstract: '摘要',
  Keywords: '关键词',
  Creator: '创建程序',
};

/** OFD annotation types (GB/T 33190 §17), in words. */
const ANNOTATION_TYPES: Readonly<Record<string, string>> = { Link: '链接', Path: '手绘', Highlight: '高亮', Stamp: '签章', Watermark: '水印' };

export async function readOfd(bytes: Uint8Array, fileName: string, ocr?: OcrOptions, onPage?: (done: number, total: number) => void): Promise<ExtractResult> {
  const name = baseName(fileName);
  try {
    const zip = await BoundedZip.open(bytes, DEFAULT_MAX_UNCOMPRESSED_BYTES);
    const parse = (part: string) => parseZipPart(zip, part);
    const root = (await parse('OFD.xml'))?.documentElement;
    if (!root || root.localName !== 'OFD') return unreadable(name);
    const blocks: TextBlock[] = [];
    const warnings: ExtractWarning[] = [];
    const images: PackagedImage[] = [];
    const sizes: PageSize[] = [];
    let pageNumber = 0;

    for (const body of children(root, 'DocBody')) {
      const info = first(body, 'DocInfo');
      if (info) blocks.push(...docInfo(info));
      const docRoot = text(first(body, 'DocRoot'));
      const documentPath = resolve('', docRoot);
      const document = (await parse(documentPath))?.documentElement;
      if (!document) return unreadable(name);
      const media = await mediaFiles(document, documentPath, parse);
      const pages = children(first(document, 'Pages'), 'Page');
      if (pageNumber + pages.length > MAX_OFD_PAGES) {
        return { ok: false, error: { code: 'too-large', message: `无法读取「${name}」：OFD 共 ${pageNumber + pages.length} 页以上，超过 ${MAX_OFD_PAGES} 页的上限。` } };
      }
      const defaultBox = physicalBox(first(first(document, 'CommonData'), 'PageArea'));
      const pageIds = new Map<string, number>();
      for (const page of pages) {
        pageNumber++;
        pageIds.set(page.getAttribute('ID') ?? '', pageNumber);
        const path = resolve(documentPath, page.getAttribute('BaseLoc') ?? '');
        const content = (await parse(path))?.documentElement;
        const read = content ? readPage(content, media, pageNumber, zip) : { pieces: [], images: [] };
        const [width, height] = physicalBox(first(content ?? undefined, 'Area')) ?? defaultBox ?? A4_MM;
        sizes.push({ number: pageNumber, width: width * MM_TO_PT, height: height * MM_TO_PT });
        onPage?.(pageNumber, pages.length);
        const { text: pageText, regions } = layoutPage(read.pieces);
        if (pageText.trim()) blocks.push({ part: 'body', text: pageText, paragraph: 0, page: pageNumber, regions });
        else if (read.images.length === 0) warnings.push({ code: 'no-text-layer', page: pageNumber, message: `第${pageNumber}页没有文字，需要人工审查。` });
        images.push(...read.images);
      }
      blocks.push(...(await annotations(document, documentPath, pageIds, parse)));
      warnings.push(...(await attachments(document, documentPath, parse, name)));
      const signatures = resolve('', text(first(body, 'Signatures')));
      const signs = signatures ? children((await parse(signatures))?.documentElement, 'Signature').length : 0;
      if (signs > 0) {
        warnings.push({ code: 'signature', message: `「${name}」含 ${signs} 个电子签章或数字签名；签章图像中的文字请人工核对，修改文件会使签名失效。` });
      }
    }
    if (images.length > 0) {
      if (ocr) {
        const read = await ocrImages(images, new OcrBudget(ocr, images.length));
        blocks.push(...read.blocks);
        warnings.push(...read.warnings);
        if (read.unread.length) warnings.push({ code: 'image', message: `「${name}」有 ${read.unread.length} 张图片无法用 OCR 识别，需要人工查看。` });
      } else {
        warnings.push({ code: 'image', message: `「${name}」含 ${images.length} 张图片，其中文字未被审查，需要人工查看。` });
      }
    }
    return { ok: true, document: { format: 'ofd', blocks, warnings, pageCount: pageNumber, pages: sizes } };
  } catch (error) {
    if (error instanceof TooLargeError) {
      return { ok: false, error: { code: 'too-large', message: `无法读取「${name}」：解压后的内容超过上限，可能是异常文件或“压缩炸弹”，已停止读取。` } };
    }
    if (error instanceof XmlError) {
      return { ok: false, error: { code: 'unreadable', message: `无法读取「${name}」：OFD 内部的 ${error.partName} 格式错误，文件可能已损坏。` } };
    }
    return unreadable(name);
  }
}

function unreadable(name: string): ExtractResult {
  return { ok: false, error: { code: 'unreadable', message: `无法读取「${name}」：文件已损坏或不完整（不是有效的 OFD 文件）。` } };
}

function children(el: XmlElement | null | undefined, localName: string): XmlElement[] {
  return el ? elementChildren(el).filter((c) => c.localName === localName) : [];
}

function first(el: XmlElement | undefined, localName: string): XmlElement | undefined {
  return children(el, localName)[0];
}

function text(el: XmlElement | undefined): string {
  return el?.textContent?.trim() ?? '';
}

/** OFD paths are absolute from the package root (/Doc_0/…) or relative to the referring file. */
function resolve(from: string, path: string): string {
  if (!path) return '';
  if (path.startsWith('/')) return normalisePath(path.slice(1));
  const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : '';
  return normalisePath(dir + path);
}

const A4_MM: readonly [number, number] = [210, 297];

/** Width and height (mm) of a PageArea's PhysicalBox ("x y w h"). */
function physicalBox(area: XmlElement | undefined): [number, number] | undefined {
  const [, , w, h] = numbers(text(first(area, 'PhysicalBox')));
  return w > 0 && h > 0 ? [w, h] : undefined;
}

function numbers(value: string | null): number[] {
  return (value ?? '').trim().split(/\s+/).filter(Boolean).map(Number);
}

function docInfo(info: XmlElement): TextBlock[] {
  const out: TextBlock[] = [];
  for (const el of elementChildren(info)) {
    const label = DOC_INFO_LABELS[el.localName ?? ''];
    if (label && text(el)) out.push({ part: 'metadata', text: text(el), paragraph: out.length, label });
  }
  for (const data of children(first(info, 'CustomDatas'), 'CustomData')) {
    if (text(data)) out.push({ part: 'metadata', text: text(data), paragraph: out.length, label: `自定义属性：${data.getAttribute('Name') ?? ''}` });
  }
  return out;
}

/** The document's and its public resources' pictures: id → zip path. */
async function mediaFiles(document: XmlElement, documentPath: string, parse: (p: string) => Promise<XmlDocument | undefined>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const common = first(document, 'CommonData');
  for (const ref of [...children(common, 'DocumentRes'), ...children(common, 'PublicRes')]) {
    const resPath = resolve(documentPath, text(ref));
    const res = (await parse(resPath))?.documentElement;
    if (!res) continue;
    const base = resolve(resPath, res.getAttribute('BaseLoc') ?? '');
    for (const mm of children(first(res, 'MultiMedias'), 'MultiMedia')) {
      const file = text(first(mm, 'MediaFile'));
      if (file) out.set(mm.getAttribute('ID') ?? '', file.startsWith('/') ? resolve('', file) : normalisePath(`${base ? `${base}/` : ''}${file}`));
    }
  }
  return out;
}

interface PageRead {
  readonly pieces: PlacedText[];
  readonly images: PackagedImage[];
}

/** Text objects and pictures of a page, in page points, top left (also inside page blocks and layers). */
function readPage(content: XmlElement, media: ReadonlyMap<string, string>, page: number, zip: BoundedZip): PageRead {
  const out: PageRead = { pieces: [], images: [] };
  const walk = (el: XmlElement) => {
    for (const c of elementChildren(el)) {
      if (c.localName === 'TextObject') out.pieces.push(...textPieces(c));
      else if (c.localName === 'ImageObject') {
        const file = media.get(c.getAttribute('ResourceID') ?? '');
        if (file) out.images.push({ name: `第${page}页 ${file.slice(file.lastIndexOf('/') + 1)}`, path: file, bytes: () => zip.bytes(file) });
      } else walk(c);
    }
  };
  walk(content);
  return out;
}

function textPieces(obj: XmlElement): PlacedText[] {
  const [bx = 0, by = 0] = numbers(obj.getAttribute('Boundary'));
  const size = Number(obj.getAttribute('Size') ?? 0) || 0;
  const pieces: PlacedText[] = [];
  for (const code of children(obj, 'TextCode')) {
    const str = code.textContent ?? '';
    if (!str) continue;
    const deltas = expandDeltas(code.getAttribute('DeltaX'));
    const advance = deltas.slice(0, Math.max(0, str.length - 1)).reduce((a, b) => a + b, 0) + size;
    const x = bx + Number(code.getAttribute('X') ?? 0);
    const y = by + Number(code.getAttribute('Y') ?? 0);
    pieces.push({ str, x: x * MM_TO_PT, y: y * MM_TO_PT, width: (deltas.length ? advance : size * str.length) * MM_TO_PT, fontSize: size * MM_TO_PT });
  }
  return pieces;
}

/** DeltaX lists the gaps between characters; "g 3 4.5" stands for three gaps of 4.5. */
function expandDeltas(value: string | null): number[] {
  const tokens = (value ?? '').trim().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === 'g') {
      const n = Number(tokens[i + 1]);
      const v = Number(tokens[i + 2]);
      for (let k = 0; k < Math.min(n, 10_000); k++) out.push(v);
      i += 2;
    } else out.push(Number(tokens[i]));
  }
  return out;
}

async function annotations(
  document: XmlElement,
  documentPath: string,
  pageIds: ReadonlyMap<string, number>,
  parse: (p: string) => Promise<XmlDocument | undefined>,
): Promise<TextBlock[]> {
  const listPath = resolve(documentPath, text(first(document, 'Annotations')));
  const list = listPath ? (await parse(listPath))?.documentElement : undefined;
  const out: TextBlock[] = [];
  for (const page of children(list, 'Page')) {
    const number = pageIds.get(page.getAttribute('PageID') ?? '');
    const file = resolve(listPath, text(first(page, 'FileLoc')));
    const root = (await parse(file))?.documentElement;
    for (const annot of children(root, 'Annot')) {
      const remark = text(first(annot, 'Remark'));
      const shown = layoutPage(children(first(annot, 'Appearance'), 'TextObject').flatMap(textPieces)).text;
      const author = annot.getAttribute('Creator') ?? undefined;
      for (const t of [remark, shown].filter((x) => x.trim())) {
        out.push({ part: 'annotation', text: t, paragraph: out.length, label: ANNOTATION_TYPES[annot.getAttribute('Type') ?? ''] ?? '注释', ...(number ? { page: number } : {}), ...(author ? { author } : {}) });
      }
    }
  }
  return out;
}

async function attachments(document: XmlElement, documentPath: string, parse: (p: string) => Promise<XmlDocument | undefined>, name: string): Promise<ExtractWarning[]> {
  const listPath = resolve(documentPath, text(first(document, 'Attachments')));
  const list = listPath ? (await parse(listPath))?.documentElement : undefined;
  return children(list, 'Attachment').map((a) => ({
    code: 'attachment',
    message: `「${name}」内嵌附件「${a.getAttribute('Name') ?? a.getAttribute('ID') ?? ''}」，其内容未被审查，需要取出后单独审查。`,
  }));
}
