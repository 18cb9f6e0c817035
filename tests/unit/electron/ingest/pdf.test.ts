import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument, ExtractResult } from '../../../../shared/document-model';
import { readPdf } from '../../../../electron/ingest/pdf';
import { layoutPageText } from '../../../../electron/ingest/pdf/pdf-layout';
import { buildPdf, stream } from '../../../support/make-pdf';

const corpus = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/corpus');
const corpusFile = (name: string): Uint8Array => readFileSync(resolve(corpus, name));

function documentOf(result: ExtractResult): ExtractedDocument {
  if (!result.ok) throw new Error(`expected a document, got ${result.error.code}: ${result.error.message}`);
  return result.document;
}

const pageText = (doc: ExtractedDocument, page: number): string | undefined =>
  doc.blocks.find((b) => b.part === 'body' && b.page === page)?.text;

// --- PDF objects (the writer is tests/support/make-pdf.ts) -------------------------------------

/** UTF-16BE hex string, the PDF way to write Chinese in a text string. */
const utf16 = (text: string): string =>
  '<FEFF' + [...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('') + '>';

/** Raw UTF-8 bytes of `text`, as a latin1 string to put into a stream. */
const utf8Bytes = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

const HELVETICA = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
// A Chinese font by predefined CMap, as many Chinese producers write it: without pdfjs's CMap
// files this yields no text at all.
const STSONG =
  '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [<< /Type /Font ' +
  '/Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> ' +
  '/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 ' +
  '/Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >> /DW 1000 >>] >>';

/** One A4 page drawing `content` with Helvetica as /F1 and STSong (Chinese) as /F2. */
function latinAndChinesePage(content: string): Uint8Array {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 6 0 R >> >> /Contents 5 0 R >>',
    HELVETICA,
    stream('', content),
    STSONG,
  ]);
}

describe('readPdf on the corpus', () => {
  it('reads 07-normalization.pdf with its lines intact', async () => {
    const doc = documentOf(await readPdf(corpusFile('07-normalization.pdf'), '07-normalization.pdf'));
    expect(doc.format).toBe('pdf');
    expect(doc.pageCount).toBe(1);
    expect(doc.warnings).toEqual([]);
    const text = pageText(doc, 1) ?? '';
    expect(text).toContain('绝密 ★ 长期');
    expect(text).toContain('２２０１０６１９８８１１３０００１７');
    expect(text).toContain('139-0431-7788');
    expect(text).toContain('139 4431 7789');
    expect(text.split('\n')).toContain('该材料由办公室机 密件管理员负责保管。');
    expect(text.split('\n')[0]).toBe('绝密 ★ 长期');
    const body = doc.blocks.filter((b) => b.part === 'body');
    expect(body).toMatchObject([{ part: 'body', text, paragraph: 0, page: 1 }]);
    // Every character of the page's text stands in some piece's box.
    const covered = new Set(body[0].regions!.flatMap((r) => Array.from({ length: r.end - r.start }, (_, i) => r.start + i)));
    expect([...text].filter((c, i) => c.trim() !== '' && !covered.has(i))).toEqual([]);
  });

  it('warns that the page of 06-scanned.pdf has no text layer', async () => {
    const doc = documentOf(await readPdf(corpusFile('06-scanned.pdf'), '06-scanned.pdf'));
    expect(doc.blocks.filter((b) => b.part === 'body')).toEqual([]);
    expect(doc.warnings).toEqual([
      { code: 'no-text-layer', page: 1, message: '第1页没有文字层（可能是扫描图像），需要人工或OCR审查。' },
    ]);
  });

  it('reads both pages and the info dictionary of 01-public-notice.pdf', async () => {
    const doc = documentOf(await readPdf(corpusFile('01-public-notice.pdf'), '01-public-notice.pdf'));
    expect(doc.pageCount).toBe(2);
    expect(doc.blocks.filter((b) => b.part === 'body').map((b) => b.page)).toEqual([1, 2]);
    expect(pageText(doc, 1)).toMatch(/^吉林省住房和城乡建设厅关于持续做好当前政务公开重点工作的通知\n吉建办〔2024〕29 号\n/);
    const metadata = doc.blocks.filter((b) => b.part === 'metadata');
    expect(metadata).toContainEqual({ part: 'metadata', text: '关于持续做好当前政务公开重点工作的通知', label: '标题', paragraph: 0 });
    expect(metadata).toContainEqual({ part: 'metadata', text: '办公室', label: '作者', paragraph: 1 });
  });

  it('reports a text file named .pdf as unreadable', async () => {
    const result = await readPdf(corpusFile('11-not-a-pdf.pdf'), '/some/dir/11-not-a-pdf.pdf');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('unreadable');
    expect(result.error.message).toMatch(/^无法读取「11-not-a-pdf\.pdf」：不是有效的 PDF 文件或已损坏/);
  });

  it('reports a password-protected PDF as encrypted', async () => {
    const result = await readPdf(corpusFile('12-encrypted.pdf'), '12-encrypted.pdf');
    expect(result).toEqual({
      ok: false,
      error: { code: 'encrypted', message: '无法读取「12-encrypted.pdf」：PDF 文件已加密（需要密码），请提供未加密的版本。' },
    });
  });

  it('leaves the caller’s bytes usable (pdfjs detaches what it is given)', async () => {
    const bytes = corpusFile('07-normalization.pdf');
    const length = bytes.length;
    await readPdf(bytes, '07-normalization.pdf');
    expect(bytes.length).toBe(length);
    expect(documentOf(await readPdf(bytes, '07-normalization.pdf')).pageCount).toBe(1);
  });
});

describe('readPdf on built PDFs', () => {
  it('puts text drawn out of order into reading order', async () => {
    // Drawn: the second line first, then the right half of line one, then its left half,
    // a number split into two pieces with no gap, and a superscript note mark.
    const content = [
      'BT /F1 12 Tf 72 680 Td (second line) Tj ET',
      'BT /F1 12 Tf 200 720 Td (right) Tj ET',
      'BT /F1 12 Tf 72 720 Td (left) Tj ET',
      'BT /F1 12 Tf 72 700 Td (139) Tj ET',
      'BT /F1 12 Tf 92.016 700 Td (0431) Tj ET',
      'BT /F1 8 Tf 125 704 Td (1) Tj ET',
      'BT /F2 12 Tf 72 660 Td <673A5BC6> Tj ET',
    ].join('\n');
    const pdf = latinAndChinesePage(content);
    const doc = documentOf(await readPdf(pdf, 'order.pdf'));
    expect(pageText(doc, 1)).toBe('left right\n1390431 1\nsecond line\n机密');
  });

  it('reads a page turned with /Rotate as it is displayed', async () => {
    // Landscape page: /Rotate 90, text drawn turned by 90° so it reads upright once displayed.
    const pdf = buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate 90 /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
      HELVETICA,
      stream('', 'BT /F1 12 Tf 0 1 -1 0 120 100 Tm (second) Tj ET\nBT /F1 12 Tf 0 1 -1 0 100 100 Tm (first) Tj ET\nBT /F1 12 Tf 0 1 -1 0 100 200 Tm (right) Tj ET'),
    ]);
    expect(pageText(documentOf(await readPdf(pdf, 'rotated.pdf')), 1)).toBe('first right\nsecond');
  });

  it('warns for a blank page among pages with text', async () => {
    const pdf = buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 6 0 R >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 7 0 R >>',
      HELVETICA,
      stream('', 'BT /F1 12 Tf 72 720 Td (page one) Tj ET'),
      stream('', 'BT /F1 12 Tf 72 720 Td (   ) Tj ET'),
    ]);
    const doc = documentOf(await readPdf(pdf, 'blank.pdf'));
    expect(doc.blocks).toMatchObject([{ part: 'body', text: 'page one', paragraph: 0, page: 1 }]);
    // Where the text stands: x 72, the baseline 720 points up from the foot of an 842-point page.
    const [region] = doc.blocks[0].regions!;
    expect(region).toMatchObject({ start: 0, end: 8 });
    expect(region.box.x).toBeCloseTo(72);
    expect(region.box.y + region.box.height * 0.88).toBeCloseTo(842 - 720);
    expect(region.box.height).toBeCloseTo(12);
    expect(doc.warnings.map((w) => [w.code, w.page])).toEqual([['no-text-layer', 2]]);
  });

  it('reads annotation contents with their author, and text field values', async () => {
    const pdf = buildPdf([
      '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [7 0 R] >> >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R /Annots [6 0 R 8 0 R 7 0 R] >>',
      HELVETICA,
      stream('', 'BT /F1 12 Tf 72 720 Td (Body) Tj ET'),
      `<< /Type /Annot /Subtype /Text /Rect [100 100 120 120] /Contents ${utf16('内部意见：暂缓公开')} /T ${utf16('张三')} /Popup 8 0 R >>`,
      `<< /Type /Annot /Subtype /Widget /FT /Tx /T (phone) /V (13904317788) /Rect [100 200 300 220] /P 3 0 R >>`,
      `<< /Type /Annot /Subtype /Popup /Parent 6 0 R /Rect [120 100 220 160] >>`,
    ]);
    const doc = documentOf(await readPdf(pdf, 'annotated.pdf'));
    expect(doc.blocks.filter((b) => b.part === 'annotation')).toEqual([
      { part: 'annotation', text: '内部意见：暂缓公开', page: 1, label: '注释', author: '张三', paragraph: 0 },
      { part: 'annotation', text: '13904317788', page: 1, label: '表单域「phone」', paragraph: 1 },
    ]);
  });

  it('reads the info dictionary and XMP, once per distinct value', async () => {
    const xmp =
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
      '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
      '<dc:title><rdf:Alt><rdf:li xml:lang="x-default">内部通知</rdf:li></rdf:Alt></dc:title>' +
      '<dc:description><rdf:Alt><rdf:li xml:lang="x-default">仅限内部传阅</rdf:li></rdf:Alt></dc:description>' +
      '</rdf:Description></rdf:RDF></x:xmpmeta>';
    const pdf = buildPdf(
      [
        '<< /Type /Catalog /Pages 2 0 R /Metadata 6 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
        HELVETICA,
        stream('', 'BT /F1 12 Tf 72 720 Td (Body) Tj ET'),
        stream('/Type /Metadata /Subtype /XML', utf8Bytes(xmp)),
        `<< /Title ${utf16('内部通知')} /Author ${utf16('李四')} /Subject () /CaseNo (2024-17) >>`,
      ],
      '/Info 7 0 R',
    );
    const doc = documentOf(await readPdf(pdf, 'info.pdf'));
    expect(doc.blocks.filter((b) => b.part === 'metadata')).toEqual([
      { part: 'metadata', text: '内部通知', label: '标题', paragraph: 0 },
      { part: 'metadata', text: '李四', label: '作者', paragraph: 1 },
      { part: 'metadata', text: '2024-17', label: '自定义属性：CaseNo', paragraph: 2 },
      { part: 'metadata', text: '仅限内部传阅', label: '描述', paragraph: 3 },
    ]);
  });

  it('warns about attachments and reads a plain-text one', async () => {
    const pdf = buildPdf([
      '<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(名单.txt) 6 0 R (scan.bin) 8 0 R] >> >> >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
      HELVETICA,
      stream('', 'BT /F1 12 Tf 72 720 Td (Body) Tj ET'),
      `<< /Type /Filespec /F (list.txt) /UF ${utf16('名单.txt')} /EF << /F 7 0 R >> >>`,
      stream('/Type /EmbeddedFile', utf8Bytes('王五 13904317788\n')),
      '<< /Type /Filespec /F (scan.bin) /UF (scan.bin) /EF << /F 9 0 R >> >>',
      stream('/Type /EmbeddedFile', '\x00\x01\x02binary'),
    ]);
    const doc = documentOf(await readPdf(pdf, 'attached.pdf'));
    expect(doc.blocks.filter((b) => b.part === 'attachment')).toEqual([
      { part: 'attachment', text: '王五 13904317788\n', label: '名单.txt', paragraph: 0 },
    ]);
    const warnings = doc.warnings.filter((w) => w.code === 'attachment').map((w) => w.message);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('「名单.txt」');
    expect(warnings[1]).toContain('「scan.bin」');
    expect(warnings[1]).toContain('未被审查');
  });

  it('reads a PDF with a broken xref table (pdfjs rebuilds it)', async () => {
    const good = Buffer.from(
      buildPdf([
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
        HELVETICA,
        stream('', 'BT /F1 12 Tf 72 720 Td (Recovered) Tj ET'),
      ]),
    ).toString('latin1');
    const broken = good.replace(/startxref\n\d+/, 'startxref\n99999');
    const doc = documentOf(await readPdf(new Uint8Array(Buffer.from(broken, 'latin1')), 'broken.pdf'));
    expect(pageText(doc, 1)).toBe('Recovered');
  });
});

describe('readPdf: tables', () => {
  // Independent MOD 11-2 check (../shared/docs/domain.md).
  const withIdCheck = (first17: string): string => {
    const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum = 0;
    for (let i = 0; i < 17; i++) sum += Number(first17[i]) * w[i];
    return first17 + '10X98765432'[sum % 11];
  };
  const cjk = (text: string): string => '<' + [...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('') + '>';

  it('joins an ID number that wraps over two lines of its cell, and keeps the cells apart', async () => {
    const ids = [withIdCheck('22010319790223005'), withIdCheck('22010419850612007')];
    // Header, then two rows whose ID column wraps after 12 digits; the mobile stands on the first line.
    const rows = [
      ['赵磊', ids[0], '13044318000', 685],
      ['钱芳', ids[1], '13500887612', 655],
    ] as const;
    const content = [
      `BT /F2 10 Tf 72 700 Td ${cjk('姓名')} Tj ET`,
      `BT /F2 10 Tf 150 700 Td ${cjk('身份证号')} Tj ET`,
      `BT /F2 10 Tf 260 700 Td ${cjk('手机号')} Tj ET`,
      ...rows.flatMap(([name, id, mobile, y]) => [
        `BT /F2 10 Tf 72 ${y} Td ${cjk(name)} Tj ET`,
        `BT /F1 10 Tf 150 ${y} Td (${id.slice(0, 12)}) Tj ET`,
        `BT /F1 10 Tf 260 ${y} Td (${mobile}) Tj ET`,
        `BT /F1 10 Tf 150 ${y - 12} Td (${id.slice(12)}) Tj ET`,
      ]),
    ].join('\n');
    const pdf = latinAndChinesePage(content);
    const doc = documentOf(await readPdf(pdf, 'table.pdf'));
    expect(pageText(doc, 1)!.split('\n')).toEqual(['姓名\t身份证号\t手机号', `赵磊\t${ids[0]}\t13044318000`, `钱芳\t${ids[1]}\t13500887612`]);

    const { compileDictionary } = await import('../../../../shared/dictionary/compile');
    const { reviewDocument } = await import('../../../../shared/engine/review-document');
    const { loadDictionarySet } = await import('../../../../electron/dictionary/dictionary-files');
    const review = reviewDocument(doc, compileDictionary(loadDictionarySet([])));
    expect(review.findings.filter((f) => f.kind === 'id-card').map((f) => f.match)).toEqual(ids);
    expect(review.findings.filter((f) => f.kind === 'mobile')).toHaveLength(2);
  });
});

describe('layoutPageText', () => {
  const piece = (str: string, x: number, y: number, width: number, fontSize = 10) => ({ str, x, y, width, fontSize });

  it('keeps one space for an explicit space piece and none for touching pieces', () => {
    expect(layoutPageText([piece('机', 0, 0, 10), piece(' ', 10, 0, 10), piece('密', 20, 0, 10), piece('件', 30, 0, 10)])).toBe(
      '机 密件',
    );
  });

  it('treats a small baseline shift as the same line and a large one as a new line', () => {
    expect(layoutPageText([piece('a', 0, 100, 5), piece('b', 5, 103, 5), piece('c', 0, 112, 5)])).toBe('ab\nc');
  });

  it('drops the second copy of text overprinted for fake bold', () => {
    expect(layoutPageText([piece('机密', 0, 0, 20), piece('机密', 0.3, 0.2, 20)])).toBe('机密');
  });

  it('inserts a space for a gap wider than a quarter of the font size', () => {
    expect(layoutPageText([piece('姓名', 0, 0, 20), piece('张三', 22, 0, 20), piece('电话', 80, 0, 20)])).toBe('姓名张三 电话');
  });

  it('separates the cells of table rows by tabs where their columns line up, not a line of prose with a wide gap', () => {
    const row = (y: number, a: string, b: string) => [piece(a, 0, y, 20), piece(b, 100, y, 20)];
    expect(layoutPageText([...row(0, '内部', '资料'), ...row(12, '甲', '乙')])).toBe('内部\t资料\n甲\t乙');
    expect(layoutPageText([...row(0, '内部', '资料'), piece('正文一行', 0, 12, 40)])).toBe('内部 资料\n正文一行');
  });

  it('does not join a next row whose first column holds text, even with an empty column', () => {
    const cells = (y: number, ...texts: string[]) => texts.map((t, i) => (t ? piece(t, i * 100, y, 20) : undefined)).filter((p) => p !== undefined);
    expect(layoutPageText([...cells(0, '姓名', '电话', '备注'), ...cells(12, '张三', '139', '无'), ...cells(24, '李四', '138', '')])).toBe(
      '姓名\t电话\t备注\n张三\t139\t无\n李四\t138',
    );
  });
});

describe('DOMMatrix2D (used when @napi-rs/canvas cannot be loaded)', () => {
  it('agrees with the DOMMatrix of @napi-rs/canvas', async () => {
    const { DOMMatrix2D } = await import('../../../../electron/ingest/pdf/dom-matrix-polyfill');
    const { DOMMatrix } = (await import('@napi-rs/canvas')) as unknown as {
      DOMMatrix: new (init?: number[]) => { a: number; b: number; c: number; d: number; e: number; f: number } & Record<string, (...args: unknown[]) => unknown>;
    };
    const values = (m: { a: number; b: number; c: number; d: number; e: number; f: number }) =>
      [m.a, m.b, m.c, m.d, m.e, m.f].map((v) => Math.round(v * 1e9) / 1e9);
    const init = [2, 0.5, -1, 3, 10, 20];
    const ours = new DOMMatrix2D(init).scaleSelf(0.5, -2).translateSelf(3, -7).multiplySelf([1, 2, 3, 4, 5, 6]).preMultiplySelf([0, 1, -1, 0, 4, 4]);
    const theirs = new DOMMatrix(init);
    theirs.scaleSelf(0.5, -2);
    theirs.translateSelf(3, -7);
    theirs.multiplySelf(new DOMMatrix([1, 2, 3, 4, 5, 6]));
    theirs.preMultiplySelf(new DOMMatrix([0, 1, -1, 0, 4, 4]));
    expect(values(ours)).toEqual(values(theirs));
    expect(values(ours.inverse().multiply(ours))).toEqual([1, 0, 0, 1, 0, 0]);
  });
});
