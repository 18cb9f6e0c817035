// What a person would read: OCR of scanned pages and pasted pictures, OFD, spreadsheets, WPS. Every
// test file is made here, from code: pictures drawn with a CJK font, an OFD package laid out as
// GB/T 33190 describes it, workbooks written by exceljs and by hand.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { ID_1, ID_2, draftWithPicture, listWithHiddenSheet, ofdFile, picture } from '../support/make-files';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileDictionary, type CompiledDictionary } from '../../shared/dictionary/compile';
import type { Finding } from '../../shared/findings';
import { reviewDocument, type DocumentReview } from '../../shared/engine/review-document';
import { OcrEngine } from '../../electron/ingest/ocr/ocr-engine';
import { readDocument, type ReadOptions } from '../../electron/ingest/read-document';
import { loadDictionarySet } from '../../electron/dictionary/dictionary-files';
import { jiebaSegmenter, warmSegmenter } from '../../electron/segment/jieba-segmenter';

const here = dirname(fileURLToPath(import.meta.url));
const shared = resolve(here, '../../../shared');
let work: string;
let engine: OcrEngine;
let dict: CompiledDictionary;
const withOcr = (): ReadOptions => ({ ocr: { engine } });

async function review(path: string, options: ReadOptions = withOcr()): Promise<DocumentReview> {
  const outcome = await readDocument(path, options);
  if (!outcome.result.ok) throw new Error(`${outcome.result.error.code}: ${outcome.result.error.message}`);
  return reviewDocument(outcome.result.document, dict, jiebaSegmenter);
}

const has = (r: DocumentReview, want: Partial<Finding>) =>
  r.findings.some((f) => Object.entries(want).every(([k, v]) => (f as unknown as Record<string, unknown>)[k] === v));

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'mishen-ocr-'));
  engine = new OcrEngine();
  dict = compileDictionary(loadDictionarySet([]));
  warmSegmenter();
});

afterAll(async () => {
  await engine.close();
  rmSync(work, { recursive: true, force: true });
});

describe('OCR', () => {
  it('reads the mark on the image-only page of 06-scanned.pdf, with its page and box, and keeps the warning', async () => {
    const r = await review(join(shared, 'corpus/06-scanned.pdf'));
    const mark = r.findings.find((f) => f.category === 'classification-mark' && f.part === 'ocr');
    expect(mark).toMatchObject({ severity: 'block', page: 1 });
    expect(mark!.match.replace(/\s/g, '')).toMatch(/^秘密.1年$/);
    // The mark stands at the top left of an A4 page (595 × 842 points).
    expect(mark!.box!.x).toBeLessThan(200);
    expect(mark!.box!.y).toBeLessThan(150);
    expect(mark!.box!.width).toBeGreaterThan(20);
    expect(r.warnings.map((w) => w.code)).toContain('no-text-layer');
    expect(r.verdict).toBe('block');
  });

  it('without OCR the scanned page is only warned about', async () => {
    const r = await review(join(shared, 'corpus/06-scanned.pdf'), {});
    expect(r.findings.filter((f) => f.part === 'ocr')).toEqual([]);
    expect(r.verdict).toBe('review');
  });

  it('reads a picture pasted into a Word draft: 内部资料 and an ID number', async () => {
    const path = await draftWithPicture(join(work, 'pasted.docx'), ['内部资料', `身份证号：${ID_1}`]);
    const r = await review(path);
    expect(has(r, { part: 'ocr', category: 'work-secret', severity: 'block' })).toBe(true);
    expect(has(r, { part: 'ocr', kind: 'id-card', match: ID_1, severity: 'block' })).toBe(true);
    expect(r.findings.find((f) => f.kind === 'id-card')!.label).toContain('image1.png');
  });

  it('reads an image file given directly', async () => {
    const path = join(work, 'screenshot.png');
    writeFileSync(path, picture(['机密★5年', '关于供水设施的情况']));
    const r = await review(path);
    expect(has(r, { part: 'ocr', category: 'classification-mark', severity: 'block' })).toBe(true);
    expect(r.warnings.map((w) => w.code)).toContain('ocr-only');
    const off = await readDocument(path, {});
    expect(off.result.ok).toBe(false);
    if (!off.result.ok) expect(off.result.error.message).toContain('OCR');
  });
});

describe('OFD (GB/T 33190)', () => {
  const ofd = (pages: string[][], extra?: (zip: JSZip) => void) => ofdFile(join(work, `doc-${pages.length}.ofd`), pages, extra);

  it('reads the text of each page in reading order, its properties, and notes its signature', async () => {
    const path = await ofd([['机密★5年', '关于城市供水设施情况的报告'], [`联系人张伟，身份证号${ID_2}。`]]);
    const outcome = await readDocument(path, withOcr());
    expect(outcome.format).toBe('ofd');
    const r = await review(path);
    expect(r.findings.find((f) => f.category === 'classification-mark')).toMatchObject({ severity: 'block', part: 'body', page: 1 });
    const id = r.findings.find((f) => f.kind === 'id-card');
    expect(id).toMatchObject({ severity: 'block', match: ID_2, page: 2 });
    // 25 mm from the left edge, in points.
    expect(id!.box!.x).toBeGreaterThan(25 * (72 / 25.4) - 1);
    expect(r.warnings.map((w) => w.code)).toContain('signature');
    expect(has(r, { part: 'metadata', match: '城市供水设施情况' })).toBe(true);
  });

  it('refuses a broken package clearly', async () => {
    const path = join(work, 'broken.ofd');
    writeFileSync(path, new Uint8Array(readFileSync(await ofd([['正文']]))).slice(0, 300));
    const outcome = await readDocument(path, withOcr());
    expect(outcome.result.ok).toBe(false);
    if (!outcome.result.ok) expect(outcome.result.error).toMatchObject({ code: 'unreadable', message: expect.stringContaining('broken.ofd') });
  });
});

describe('spreadsheets and WPS files', () => {
  it('reads a hidden sheet of names and ID numbers as hidden content with block findings', async () => {
    const path = await listWithHiddenSheet(join(work, 'list.xlsx'));
    const r = await review(path);
    const ids = r.findings.filter((f) => f.kind === 'id-card');
    expect(ids.map((f) => [f.part, f.severity, f.match])).toEqual([
      ['hidden', 'block', ID_1],
      ['hidden', 'block', ID_2],
    ]);
    expect(ids[0].label).toContain('原始数据');
    expect(has(r, { part: 'hidden', category: 'hidden-content' })).toBe(true);
    expect(has(r, { part: 'comment' })).toBe(true);
    expect(r.verdict).toBe('block');
  });

  it('keeps all 18 digits of an ID number stored as a number, and reads hidden rows and columns', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file('xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="名单">表1!$A$1:$C$3</definedName></definedNames></workbook>');
    zip.file('xl/_rels/workbook.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>');
    zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="3" max="3" hidden="1"/></cols><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>编号</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>张伟</t></is></c><c r="B2"><v>${ID_1}</v></c><c r="C2"><v>13904315521</v></c></row><row r="3" hidden="1"><c r="A3" t="inlineStr"><is><t>李娜</t></is></c><c r="B3" t="inlineStr"><is><t>${ID_2}</t></is></c></row></sheetData></worksheet>`);
    const path = join(work, 'numbers.xlsx');
    writeFileSync(path, await zip.generateAsync({ type: 'uint8array' }));
    const outcome = await readDocument(path, {});
    expect(outcome.format).toBe('xlsx');
    const r = await review(path, {});
    expect(r.findings.filter((f) => f.kind === 'id-card').map((f) => [f.part, f.match])).toEqual([
      ['body', ID_1],
      ['hidden', ID_2],
    ]);
    expect(r.findings.find((f) => f.kind === 'mobile')).toMatchObject({ part: 'hidden', label: expect.stringContaining('隐藏列') });
  });

  it('reads a WPS text file as the Word binary format it follows, and refuses a WPS spreadsheet clearly', async () => {
    const wps = join(work, '通知.wps');
    copyFileSync(join(shared, 'realworld/hostile/files/poi-52420.doc'), wps);
    const read = await readDocument(wps, {});
    expect(read.result.ok).toBe(true);
    expect(read.format).toBe('doc');
    const et = join(work, '名单.et');
    const header = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
    Buffer.from('Workbook', 'utf16le').copy(header, 600);
    writeFileSync(et, header);
    const refused = await readDocument(et, {});
    expect(refused.result.ok).toBe(false);
    if (!refused.result.ok) expect(refused.result.error).toMatchObject({ code: 'unsupported', message: expect.stringContaining('.xlsx') });
  });
});
