// The spreadsheet reader (.xlsx): every sheet, cell by cell, with its row and column, so that a
// table of persons is scored as a table. What a reader of the printed sheet does not see travels
// with the file too: hidden and very hidden sheets, hidden rows and columns (part `hidden`), cell
// comments, defined names, document properties, and pictures (read by OCR).
//
// The cells are read from the sheet XML itself rather than through a workbook library: a number
// cell's <v> holds the digits as written, so an 18-digit ID number stored as a number keeps all of
// them (a library turns it into a double and loses the last three).
import type { ExtractResult, ExtractWarning, TextBlock } from '../../shared/document-model';
import { readProperties } from './docx/properties';
import { elementChildren, parseZipPart, XmlError, type XmlDocument, type XmlElement } from './docx/xml';
import { BoundedZip, DEFAULT_MAX_UNCOMPRESSED_BYTES, resolveTarget, TooLargeError } from './docx/zip';
import { baseName } from './file-name';
import { ocrImages } from './ocr/image-ocr';
import { OcrBudget, type OcrOptions } from './ocr/ocr-options';

/** More cells than this are not read one by one; the file is reported with what was read. */
export const MAX_CELLS = 1_000_000;

interface Sheet {
  readonly name: string;
  readonly path: string;
  readonly hidden: boolean;
}

export async function readXlsx(bytes: Uint8Array, fileName: string, ocr?: OcrOptions): Promise<ExtractResult> {
  const name = baseName(fileName);
  try {
    const zip = await BoundedZip.open(bytes, DEFAULT_MAX_UNCOMPRESSED_BYTES);
    const parse = (part: string) => parseZipPart(zip, part);
    const workbook = (await parse('xl/workbook.xml'))?.documentElement;
    if (!workbook) return unreadable(name);
    const rels = relationships(await parse('xl/_rels/workbook.xml.rels'), 'xl/workbook.xml');
    const shared = sharedStrings(await parse('xl/sharedStrings.xml'));
    const blocks: TextBlock[] = [];
    const warnings: ExtractWarning[] = [];
    let cells = 0;

    const sheets: Sheet[] = descendants(workbook, 'sheet').map((s) => ({
      name: s.getAttribute('name') ?? '',
      path: rels.get(relId(s)) ?? '',
      hidden: ['hidden', 'veryHidden'].includes(s.getAttribute('state') ?? ''),
    }));
    for (const [index, sheet] of sheets.entries()) {
      const root = (await parse(sheet.path))?.documentElement;
      if (!root) continue;
      const hiddenColumns = hiddenColumnSet(root);
      for (const row of descendants(root, 'row')) {
        const rowHidden = isTrue(row.getAttribute('hidden'));
        for (const c of elementChildren(row).filter((e) => e.localName === 'c')) {
          const text = cellText(c, shared);
          if (text === '') continue;
          if (++cells > MAX_CELLS) break;
          const ref = c.getAttribute('r') ?? '';
          const at = cellPosition(ref);
          const why = sheet.hidden ? '隐藏工作表' : rowHidden ? '隐藏行' : hiddenColumns.has(at.column) ? '隐藏列' : '';
          blocks.push({
            part: why ? 'hidden' : 'body',
            text,
            paragraph: blocks.length,
            table: index,
            row: at.row,
            column: at.column,
            label: `工作表「${sheet.name}」${ref} 单元格${why ? `（${why}）` : ''}`,
          });
        }
      }
      blocks.push(...(await comments(zip, sheet, index, parse, blocks)));
    }
    if (cells > MAX_CELLS) {
      warnings.push({ code: 'too-many-cells', message: `「${name}」的单元格超过 ${MAX_CELLS} 个，只审查了前 ${MAX_CELLS} 个，其余须人工审查。` });
    }
    for (const dn of descendants(workbook, 'definedName')) {
      const text = dn.textContent ?? '';
      if (text.trim()) blocks.push({ part: 'metadata', text, paragraph: blocks.length, label: `定义的名称「${dn.getAttribute('name') ?? ''}」` });
    }
    blocks.push(
      ...readProperties({ core: await parse('docProps/core.xml'), app: await parse('docProps/app.xml'), custom: await parse('docProps/custom.xml') }),
    );
    const media = zip.names().filter((n) => /^xl\/media\//i.test(n));
    if (media.length > 0 && ocr) {
      const pictures = await ocrImages(media.map((n) => ({ name: n, bytes: () => zip.bytes(n) })), new OcrBudget(ocr, media.length));
      blocks.push(...pictures.blocks);
      warnings.push(...pictures.warnings);
      if (pictures.unread.length) warnings.push({ code: 'image', message: `「${name}」有 ${pictures.unread.length} 张图片无法用 OCR 识别，需要人工查看。` });
    } else if (media.length > 0) {
      warnings.push({ code: 'image', message: `「${name}」含 ${media.length} 张图片，其中文字未被审查，需要人工查看。` });
    }
    if (zip.names().some((n) => /^xl\/embeddings\//i.test(n))) {
      warnings.push({ code: 'embedded-object', message: `「${name}」嵌入了其他文件或对象，其中内容未被审查，请打开逐一人工检查。` });
    }
    return { ok: true, document: { format: 'xlsx', blocks, warnings, sheets: sheets.map((s) => ({ name: s.name, hidden: s.hidden })) } };
  } catch (error) {
    if (error instanceof TooLargeError) {
      return { ok: false, error: { code: 'too-large', message: `无法读取「${name}」：解压后的内容超过上限，可能是异常文件或“压缩炸弹”，已停止读取。` } };
    }
    if (error instanceof XmlError) {
      return { ok: false, error: { code: 'unreadable', message: `无法读取「${name}」：工作簿内部的 ${error.partName} 格式错误，文件可能已损坏。` } };
    }
    return unreadable(name);
  }
}

function unreadable(name: string): ExtractResult {
  return { ok: false, error: { code: 'unreadable', message: `无法读取「${name}」：文件已损坏或不完整（不是有效的 Excel 工作簿）。` } };
}

/** A cell's text as it is stored: shared and inline strings, numbers with all their digits, booleans. */
function cellText(c: XmlElement, shared: readonly string[]): string {
  const type = c.getAttribute('t') ?? 'n';
  const v = elementChildren(c).find((e) => e.localName === 'v')?.textContent ?? '';
  if (type === 's') return shared[Number(v)] ?? '';
  if (type === 'inlineStr') return textOf(elementChildren(c).find((e) => e.localName === 'is'));
  if (type === 'b') return v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : v;
  return v;
}

/** The text of a string item: plain <t>, or the <t> of each rich-text run; not phonetic runs. */
function textOf(si: XmlElement | undefined): string {
  if (!si) return '';
  return elementChildren(si)
    .map((e) => (e.localName === 't' ? e.textContent ?? '' : e.localName === 'r' ? textOf(e) : ''))
    .join('');
}

function sharedStrings(doc: XmlDocument | undefined): string[] {
  if (!doc?.documentElement) return [];
  return elementChildren(doc.documentElement).filter((e) => e.localName === 'si').map(textOf);
}

function descendants(root: XmlElement, localName: string): XmlElement[] {
  const out: XmlElement[] = [];
  const list = root.getElementsByTagNameNS('*', localName);
  for (let i = 0; i < list.length; i++) out.push(list.item(i) as XmlElement);
  return out;
}

function relId(el: XmlElement): string {
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i)!;
    if (a.localName === 'id' && a.namespaceURI?.includes('relationships')) return a.value;
  }
  return '';
}

function relationships(doc: XmlDocument | undefined, owner: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!doc?.documentElement) return out;
  for (const r of elementChildren(doc.documentElement)) {
    if (r.getAttribute('TargetMode') === 'External') continue;
    out.set(r.getAttribute('Id') ?? '', resolveTarget(owner, r.getAttribute('Target') ?? ''));
  }
  return out;
}

function hiddenColumnSet(sheet: XmlElement): Set<number> {
  const out = new Set<number>();
  for (const col of descendants(sheet, 'col')) {
    if (!isTrue(col.getAttribute('hidden'))) continue;
    const min = Number(col.getAttribute('min'));
    const max = Math.min(Number(col.getAttribute('max')), min + 16384);
    for (let c = min; c <= max; c++) out.add(c - 1);
  }
  return out;
}

function isTrue(v: string | null): boolean {
  return v === '1' || v === 'true';
}

/** "B3" → row 2, column 1 (0-based). */
export function cellPosition(ref: string): { row: number; column: number } {
  const m = /^([A-Z]+)(\d+)$/i.exec(ref);
  if (!m) return { row: 0, column: 0 };
  let column = 0;
  for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, column: column - 1 };
}

/** A sheet's cell comments (the legacy comments part its relationships name). */
async function comments(
  zip: BoundedZip,
  sheet: Sheet,
  index: number,
  parse: (part: string) => Promise<XmlDocument | undefined>,
  cells: readonly TextBlock[],
): Promise<TextBlock[]> {
  const paragraph = cells.length;
  const slash = sheet.path.lastIndexOf('/');
  const rels = await parse(`${sheet.path.slice(0, slash + 1)}_rels/${sheet.path.slice(slash + 1)}.rels`);
  const targets = [...relationshipsOfType(rels, sheet.path, 'comments')];
  const out: TextBlock[] = [];
  for (const target of targets) {
    const root = (await parse(target))?.documentElement;
    if (!root) continue;
    const authors = descendants(root, 'author').map((a) => a.textContent ?? '');
    for (const c of descendants(root, 'comment')) {
      const text = textOf(elementChildren(c).find((e) => e.localName === 'text'));
      if (!text.trim()) continue;
      const author = authors[Number(c.getAttribute('authorId'))];
      // The cell it is attached to (which may be empty), so the window shows it there.
      const at = cellPosition(c.getAttribute('ref') ?? '');
      const cell = cells.find((b) => b.table === index && b.row === at.row && b.column === at.column);
      const anchor = { part: cell?.part ?? 'body', paragraph: cell?.paragraph ?? -1, offset: 0, table: index, ...at };
      out.push({ part: 'comment', text, paragraph: paragraph + out.length, label: `批注（工作表「${sheet.name}」${c.getAttribute('ref') ?? ''}）`, anchor, ...(author ? { author } : {}) });
    }
  }
  return out;
}

function relationshipsOfType(doc: XmlDocument | undefined, owner: string, kind: string): string[] {
  if (!doc?.documentElement) return [];
  return elementChildren(doc.documentElement)
    .filter((r) => (r.getAttribute('Type') ?? '').endsWith(`/${kind}`) && r.getAttribute('TargetMode') !== 'External')
    .map((r) => resolveTarget(owner, r.getAttribute('Target') ?? ''));
}
