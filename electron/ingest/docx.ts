// The Word reader: a .docx (or legacy .doc) file in, every piece of text it carries out, each in
// the part where it hides (body, headers, tracked changes, hidden runs, comments, properties …).
// Never throws: a file that cannot be read comes back as an error value with a Chinese message.

import type { ExtractResult, ExtractWarning, Part, ReadErrorCode } from '../../shared/document-model';
import { crossCheckBody } from './docx/crosscheck';
import { ocrImages } from './ocr/image-ocr';
import { OcrBudget, type OcrOptions } from './ocr/ocr-options';
import { readLegacyDoc } from './doc/legacy-doc';
import { readProperties } from './docx/properties';
import { readStyles } from './docx/styles';
import { BlockSink, newStory, readStory, type ReadContext } from './docx/story';
import { elementChildren, isW, MAX_XML_DEPTH, parseZipPart, wAttr, XmlError, XmlTooDeepError, type XmlElement } from './docx/xml';
import {
  BoundedZip,
  DEFAULT_MAX_UNCOMPRESSED_BYTES,
  MAX_ZIP_ENTRIES,
  hasEncryptionInfo,
  isCompoundFile,
  isZip,
  resolveTarget,
  TooLargeError,
  TooManyEntriesError,
} from './docx/zip';

export interface DocxLimits {
  /** Most bytes the reader will inflate from the zip, in total. Default 200 MiB. */
  readonly maxUncompressedBytes?: number;
  /** Read the pictures in the file (word/media) by OCR. */
  readonly ocr?: OcrOptions;
}

/** The order blocks come out in: what a reviewer reads first, first. */
const PART_ORDER: readonly Part[] = [
  'body', 'header', 'footer', 'footnote', 'endnote', 'comment', 'textbox',
  'tracked-deletion', 'tracked-insertion', 'hidden', 'metadata',
];

export async function readDocx(bytes: Uint8Array, fileName: string, limits: DocxLimits = {}): Promise<ExtractResult> {
  const limit = limits.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES;
  try {
    if (isCompoundFile(bytes)) {
      // Office wraps a password-protected .docx in a compound file; otherwise it is a .doc named .docx.
      return hasEncryptionInfo(bytes) ? failure('encrypted', fileName) : await readLegacyDoc(bytes, fileName);
    }
    if (!isZip(bytes)) return failure('unreadable', fileName);
    return await readOoxml(bytes, fileName, limit, limits.ocr);
  } catch (err) {
    return failureFor(err, fileName, limit);
  }
}

export async function readDoc(bytes: Uint8Array, fileName: string): Promise<ExtractResult> {
  try {
    if (isZip(bytes)) return await readDocx(bytes, fileName); // a .docx saved with a .doc name
    if (!isCompoundFile(bytes)) return failure('unreadable', fileName);
    if (hasEncryptionInfo(bytes)) return failure('encrypted', fileName);
    return await readLegacyDoc(bytes, fileName);
  } catch (err) {
    return failureFor(err, fileName, DEFAULT_MAX_UNCOMPRESSED_BYTES);
  }
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  /** Zip path of the target, resolved. */
  readonly target: string;
}

async function readOoxml(bytes: Uint8Array, fileName: string, limit: number, ocr: OcrOptions | undefined): Promise<ExtractResult> {
  const zip = await BoundedZip.open(bytes, limit);
  const packageRels = await readRels(zip, '');
  const mainPart = relTarget(packageRels, 'officeDocument') ?? 'word/document.xml';
  const main = await parseZipPart(zip, mainPart);
  if (!main?.documentElement) return failure('unreadable', fileName);
  const rels = await readRels(zip, mainPart);

  const ctx: ReadContext = {
    sink: new BlockSink(),
    styles: readStyles(await parseZipPart(zip, relTarget(rels, 'styles') ?? 'word/styles.xml')),
    marks: new Map(),
  };
  // A document has one w:body; a malformed one may have several, and the text of each is read.
  const bodies = elementChildren(main.documentElement).filter((c) => isW(c, 'body'));
  const body = newStory('body');
  const roots = bodies.length > 0 ? bodies : [main.documentElement];
  for (const root of roots) readStory(root, body, ctx);
  await readHeadersAndFooters(zip, rels, sectionLabels(roots, rels), ctx);
  await readNotes(zip, relTarget(rels, 'footnotes') ?? 'word/footnotes.xml', 'footnote', ctx);
  await readNotes(zip, relTarget(rels, 'endnotes') ?? 'word/endnotes.xml', 'endnote', ctx);
  await readComments(zip, relTarget(rels, 'comments') ?? 'word/comments.xml', ctx);

  const blocks = [
    ...ctx.sink.inOrder(PART_ORDER),
    ...readProperties({
      core: await parseZipPart(zip, relTarget(packageRels, 'core-properties') ?? 'docProps/core.xml'),
      app: await parseZipPart(zip, relTarget(packageRels, 'extended-properties') ?? 'docProps/app.xml'),
      custom: await parseZipPart(zip, relTarget(packageRels, 'custom-properties') ?? 'docProps/custom.xml'),
    }),
  ];
  const media = zip.names().filter((n) => /^word\/media\//i.test(n));
  const pictures = ocr ? await ocrImages(media.map((name) => ({ name, bytes: () => zip.bytes(name) })), new OcrBudget(ocr, media.length)) : undefined;
  const warnings = packageWarnings(zip, rels, fileName, pictures?.unread);
  if (pictures) warnings.push(...pictures.warnings);
  const unread = crossCheckBody(main.documentElement, blocks, fileName);
  if (unread) warnings.push(unread);
  return { ok: true, document: { format: 'docx', blocks: [...blocks, ...(pictures?.blocks ?? [])], warnings } };
}

/** The relationships of a part ('' = the package itself), targets resolved to zip paths. */
async function readRels(zip: BoundedZip, ownerPart: string): Promise<Relationship[]> {
  const slash = ownerPart.lastIndexOf('/');
  const relsPath = `${ownerPart.slice(0, slash + 1)}_rels/${ownerPart.slice(slash + 1)}.rels`;
  const doc = await parseZipPart(zip, relsPath);
  if (!doc?.documentElement) return [];
  return elementChildren(doc.documentElement)
    .filter((r) => r.localName === 'Relationship' && r.getAttribute('TargetMode') !== 'External')
    .map((r) => ({ id: r.getAttribute('Id') ?? '', type: r.getAttribute('Type') ?? '', target: resolveTarget(ownerPart, r.getAttribute('Target') ?? '') }));
}

/** Relationship types are long URIs (transitional or strict); their last segment names them. */
function relsOfType(rels: readonly Relationship[], kind: string): Relationship[] {
  return rels.filter((r) => r.type.endsWith(`/${kind}`));
}

function relTarget(rels: readonly Relationship[], kind: string): string | undefined {
  return relsOfType(rels, kind)[0]?.target;
}

const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEADER_KINDS: Readonly<Record<string, string>> = { first: '，首页', even: '，偶数页', default: '' };

/**
 * What a person calls each header and footer part: 页眉（第 1 节）, 页脚（第 2 节，首页). Sections are
 * numbered in the order their w:sectPr stands in the body (a section break's, then the last one);
 * each names its header and footer parts by relationship id.
 */
function sectionLabels(bodies: readonly XmlElement[], rels: readonly Relationship[]): Map<string, string> {
  const byId = new Map<string, string>();
  for (const r of rels) byId.set(r.id, r.target);
  const sections: XmlElement[] = [];
  const walk = (el: XmlElement) => {
    for (const c of elementChildren(el)) {
      if (isW(c, 'sectPr')) sections.push(c);
      else walk(c);
    }
  };
  for (const body of bodies) walk(body);
  const uses = new Map<string, string[]>();
  sections.forEach((sectPr, i) => {
    for (const ref of elementChildren(sectPr)) {
      const kind = isW(ref, 'headerReference') ? '页眉' : isW(ref, 'footerReference') ? '页脚' : undefined;
      const target = kind && byId.get(ref.getAttributeNS(R_NS, 'id') ?? '');
      if (!kind || !target) continue;
      const list = uses.get(target) ?? [];
      list.push(`第 ${i + 1} 节${HEADER_KINDS[wAttr(ref, 'type') ?? 'default'] ?? ''}`);
      uses.set(target, list);
    }
  });
  const labels = new Map<string, string>();
  for (const [target, list] of uses) labels.set(target, list.join('、'));
  return labels;
}

/** Linked headers and footers, plus any header*.xml / footer*.xml left in the zip unlinked: their text travels too. */
async function readHeadersAndFooters(zip: BoundedZip, rels: readonly Relationship[], sections: ReadonlyMap<string, string>, ctx: ReadContext): Promise<void> {
  const names = new Set<string>();
  for (const r of [...relsOfType(rels, 'header'), ...relsOfType(rels, 'footer')]) names.add(r.target);
  for (const n of zip.names()) if (/^word\/(header|footer)[^/]*\.xml$/i.test(n)) names.add(n);
  const sorted = [...names].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  for (const name of sorted) {
    const root = (await parseZipPart(zip, name))?.documentElement;
    if (!root) continue;
    const part: Part | undefined = isW(root, 'hdr') ? 'header' : isW(root, 'ftr') ? 'footer' : undefined;
    if (!part) continue;
    const noun = part === 'header' ? '页眉' : '页脚';
    const label = `${noun}（${sections.get(name) ?? '未被任何一节使用'}）`;
    readStory(root, newStory(part, { label, where: label }), ctx);
  }
}

/** Word's own separator lines between body and notes: no text of the author's. */
const SEPARATOR_NOTES = new Set(['separator', 'continuationSeparator', 'continuationNotice']);

async function readNotes(zip: BoundedZip, partName: string, part: 'footnote' | 'endnote', ctx: ReadContext): Promise<void> {
  const root = (await parseZipPart(zip, partName))?.documentElement;
  if (!root) return;
  const noun = part === 'footnote' ? '脚注' : '尾注';
  // Numbered from 1 in the order they stand, as Word shows them (their ids count separators too).
  const notes = elementChildren(root).filter((n) => isW(n, part) && !SEPARATOR_NOTES.has(wAttr(n, 'type') ?? ''));
  notes.forEach((note, i) => {
    const label = `${noun} ${i + 1}`;
    const anchor = ctx.marks.get(`${part}:${wAttr(note, 'id') ?? ''}`);
    readStory(note, newStory(part, { label, where: label, ...(anchor ? { anchor } : {}) }), ctx);
  });
}

async function readComments(zip: BoundedZip, partName: string, ctx: ReadContext): Promise<void> {
  const root = (await parseZipPart(zip, partName))?.documentElement;
  if (!root) return;
  // Numbered from 1 in the order they stand (Word's ids start at 0); each shown at its mark.
  elementChildren(root)
    .filter((c) => isW(c, 'comment'))
    .forEach((comment, i) => {
      const label = `批注 ${i + 1}`;
      const author = wAttr(comment, 'author');
      const anchor = ctx.marks.get(`comment:${wAttr(comment, 'id') ?? ''}`);
      readStory(comment, newStory('comment', { label, where: label, ...(author ? { author } : {}), ...(anchor ? { anchor } : {}) }), ctx);
    });
}

/**
 * What the reader cannot turn into text, so that a person looks at it. `unreadImages`: the pictures
 * OCR could not read, when OCR read the others (undefined: no OCR).
 */
function packageWarnings(zip: BoundedZip, rels: readonly Relationship[], fileName: string, unreadImages?: readonly string[]): ExtractWarning[] {
  const names = zip.names();
  const count = (folder: RegExp) => names.filter((n) => folder.test(n)).length;
  const warnings: ExtractWarning[] = [];
  const embedded = count(/^word\/embeddings\//i);
  if (embedded > 0) {
    warnings.push({
      code: 'embedded-object',
      message: `「${fileName}」嵌入了 ${embedded} 个对象（如 Excel 表格、其他文档或附件），其中内容未被审查，请打开逐一人工检查。`,
    });
  }
  const chunks = relsOfType(rels, 'aFChunk').length;
  if (chunks > 0) {
    warnings.push({
      code: 'embedded-object',
      message: `「${fileName}」以“导入文档片段”方式嵌入了 ${chunks} 段其他格式的内容，其中文字未被审查，请人工检查。`,
    });
  }
  const charts = count(/^word\/(charts|diagrams)\/[^/]+\.xml$/i);
  if (charts > 0) {
    warnings.push({
      code: 'embedded-object',
      message: `「${fileName}」含图表或 SmartArt（${charts} 个部件），其中的文字和数据未被审查，请人工检查。`,
    });
  }
  const images = count(/^word\/media\//i);
  if (unreadImages) {
    if (unreadImages.length > 0) {
      warnings.push({
        code: 'image',
        message: `「${fileName}」含 ${images} 张图片，已用 OCR 识别其中文字；${unreadImages.length} 张（${unreadImages.slice(0, 5).join('、')}${unreadImages.length > 5 ? '等' : ''}）无法识别，需要人工查看。被裁剪、遮挡的部分也须人工查看。`,
      });
    }
  } else if (images > 0) {
    warnings.push({
      code: 'image',
      message: `「${fileName}」含 ${images} 张图片。图片中的文字（包括被裁剪、遮挡的部分）无法自动审查，需要人工逐张查看。`,
    });
  }
  return warnings;
}

function failureFor(err: unknown, fileName: string, limit: number): ExtractResult {
  if (err instanceof TooLargeError) return failure('too-large', fileName, limit);
  if (err instanceof TooManyEntriesError) {
    return {
      ok: false,
      error: { code: 'too-large', message: `无法读取「${fileName}」：压缩包内有 ${err.entries} 个文件，超过 ${MAX_ZIP_ENTRIES} 个的上限，不是正常的 Word 文档，已停止读取。` },
    };
  }
  if (err instanceof XmlTooDeepError) {
    return {
      ok: false,
      error: { code: 'too-large', message: `无法读取「${fileName}」：文档内部的 ${err.partName} 嵌套超过 ${MAX_XML_DEPTH} 层，不是正常的 Word 文档（可能是恶意构造的文件），已停止读取。` },
    };
  }
  if (err instanceof XmlError) {
    return {
      ok: false,
      error: { code: 'unreadable', message: `无法读取「${fileName}」：文档内部的 ${err.partName} 格式错误，文件可能已损坏。` },
    };
  }
  // NotAZipError and anything unexpected: the file is not something we can read.
  return failure('unreadable', fileName);
}

function failure(code: Exclude<ReadErrorCode, 'timeout'>, fileName: string, limit = DEFAULT_MAX_UNCOMPRESSED_BYTES): ExtractResult {
  const messages: Record<typeof code, string> = {
    unreadable: `无法读取「${fileName}」：文件已损坏或不完整（不是有效的 Word 文档）。`,
    encrypted: `无法读取「${fileName}」：文件已加密（设有打开密码）。请在 Word 中取消密码后重新导入。`,
    'too-large': `无法读取「${fileName}」：解压后的内容超过 ${formatSize(limit)} 上限，可能是异常文件或“压缩炸弹”，已停止读取。`,
    unsupported: `无法读取「${fileName}」：不支持这种文件格式。`,
  };
  return { ok: false, error: { code, message: messages[code] } };
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MiB` : `${Math.max(1, Math.round(bytes / 1024))} KiB`;
}
