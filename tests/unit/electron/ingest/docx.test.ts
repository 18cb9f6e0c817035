import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument, ExtractResult, Part, TextBlock } from '../../../../shared/document-model';
import { readDoc, readDocx } from '../../../../electron/ingest/docx';
import { crossCheckBody } from '../../../../electron/ingest/docx/crosscheck';
import { parseXml } from '../../../../electron/ingest/docx/xml';
import { BoundedZip } from '../../../../electron/ingest/docx/zip';

const here = path.dirname(fileURLToPath(import.meta.url));
// The shared folder lies beside the project folder.
const corpus = path.resolve(here, '../../../../../shared/corpus');

async function readCorpus(name: string): Promise<ExtractResult> {
  return readDocx(readFileSync(path.join(corpus, name)), name);
}

function documentOf(result: ExtractResult): ExtractedDocument {
  if (!result.ok) throw new Error(`expected a document, got ${result.error.code}: ${result.error.message}`);
  return result.document;
}

function blocksOf(doc: ExtractedDocument, part: Part): TextBlock[] {
  return doc.blocks.filter((b) => b.part === part);
}

function findBlock(doc: ExtractedDocument, part: Part, text: string): TextBlock {
  const block = blocksOf(doc, part).find((b) => b.text.includes(text));
  if (!block) throw new Error(`no ${part} block with "${text}"; ${part} blocks: ${JSON.stringify(blocksOf(doc, part))}`);
  return block;
}

function errorOf(result: ExtractResult) {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

// ---------------------------------------------------------------------------------------------
// Building .docx files in the test, for what the corpus does not have.

const NS = [
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
  'xmlns:o="urn:schemas-microsoft-com:office:office"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'mc:Ignorable="wps"',
].join(' ');
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const p = (inner: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
const r = (text: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;

interface DocxParts {
  body: string;
  rels?: string[]; // <Relationship> elements of word/document.xml
  files?: Record<string, string | Uint8Array>;
}

async function buildDocx({ body, rels = [], files = {} }: DocxParts): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`);
  zip.file('_rels/.rels', `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`);
  zip.file('word/document.xml', `${XML}<w:document ${NS}><w:body>${body}</w:body></w:document>`);
  zip.file('word/_rels/document.xml.rels', `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const styles = `${XML}<w:styles ${NS}>
  <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>
  <w:style w:type="paragraph" w:styleId="1"><w:name w:val="标题 1"/></w:style>
  <w:style w:type="paragraph" w:styleId="MyTitle"><w:name w:val="My title"/><w:basedOn w:val="1"/></w:style>
  <w:style w:type="character" w:styleId="Secret"><w:name w:val="Secret"/><w:rPr><w:vanish/></w:rPr></w:style>
</w:styles>`;

const wpsTextBox = (text: string) =>
  `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>${p(r(text))}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${p(r(text))}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
const vmlTextBox = (text: string) =>
  `<w:r><w:pict><v:shape><v:textbox><w:txbxContent>${p(r(text))}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`;

async function richDocx(): Promise<Uint8Array> {
  const body = [
    p(r('一、总体情况'), '<w:pStyle w:val="1"/>'), // 0: heading by the Chinese style name
    p(r('（一）工作进展'), '<w:pStyle w:val="Heading2"/>'), // 1
    p(''), // 2: empty, still counted
    p(r('第三章') + r('附则', '<w:rStyle w:val="Secret"/>'), '<w:outlineLvl w:val="2"/>'), // 3: heading 3, style-hidden run
    p(r('甲') + '<w:r><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:noBreakHyphen/><w:t>丁</w:t></w:r>'), // 4
    p(r('正文在框外') + vmlTextBox('VML框内：内部专线 0431-88906655')), // 5
    p(r('另一段') + wpsTextBox('新式文本框：绝密★长期')), // 6
    p(r('派生标题'), '<w:pStyle w:val="MyTitle"/>'), // 7
    p(r('脚注在此') + '<w:r><w:endnoteReference w:id="1"/></w:r>'), // 8
    '<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/><w:footerReference w:type="default" r:id="rIdF"/></w:sectPr>',
  ].join('');
  return buildDocx({
    body,
    rels: [
      `<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>`,
      `<Relationship Id="rIdH" Type="${REL}/header" Target="header1.xml"/>`,
      `<Relationship Id="rIdF" Type="${REL}/footer" Target="footer1.xml"/>`,
      `<Relationship Id="rIdE" Type="${REL}/endnotes" Target="endnotes.xml"/>`,
    ],
    files: {
      'word/styles.xml': styles,
      'word/header1.xml': `${XML}<w:hdr ${NS}>${p(r('页眉正文') + '<w:del w:id="1" w:author="办公室"><w:r><w:delText>秘密</w:delText></w:r></w:del>')}<w:p><w:r><w:pict><v:shape><v:textpath string="机密"/></v:shape></w:pict></w:r></w:p></w:hdr>`,
      'word/footer1.xml': `${XML}<w:ftr ${NS}>${p(r('第 1 页') + r('经办人 13912345678', '<w:vanish/>'))}</w:ftr>`,
      'word/endnotes.xml': `${XML}<w:endnotes ${NS}><w:endnote w:type="separator" w:id="-1">${p('<w:r><w:separator/></w:r>')}</w:endnote><w:endnote w:type="continuationSeparator" w:id="0">${p('<w:r><w:continuationSeparator/></w:r>')}</w:endnote><w:endnote w:id="1">${p(r('尾注：据内部通报'))}</w:endnote></w:endnotes>`,
      'docProps/custom.xml': `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="密级"><vt:lpwstr>秘密</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="空"><vt:lpwstr></vt:lpwstr></property></Properties>`,
      'docProps/app.xml': `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>某某局</Company><Manager>赵处长</Manager></Properties>`,
      'word/media/image1.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      'word/media/image2.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      'word/embeddings/oleObject1.bin': new Uint8Array([1, 2, 3]),
    },
  });
}

/**
 * Rewrites the uncompressed size an entry declares, in its local header (PK\\3\\4, size at +22,
 * name at +30) and its central-directory header (PK\\1\\2, size at +24, name at +46).
 */
function setDeclaredSize(bytes: Uint8Array, entryName: string, size: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nameAt = (offset: number, length: number) => new TextDecoder().decode(bytes.subarray(offset, offset + length));
  let patched = 0;
  for (let i = 0; i + 46 <= bytes.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && nameAt(i + 30, view.getUint16(i + 26, true)) === entryName) {
      view.setUint32(i + 22, size, true);
      patched++;
    } else if (sig === 0x02014b50 && nameAt(i + 46, view.getUint16(i + 28, true)) === entryName) {
      view.setUint32(i + 24, size, true);
      patched++;
    }
  }
  if (patched !== 2) throw new Error(`patched ${patched} headers of ${entryName}`);
}

// ---------------------------------------------------------------------------------------------

describe('readDocx on the corpus', () => {
  it('reads the classification marking in the body and the header', async () => {
    const doc = documentOf(await readCorpus('02-classified-marking.docx'));
    expect(doc.format).toBe('docx');
    expect(blocksOf(doc, 'body')[0]).toMatchObject({ text: '机密★5年', paragraph: 0 });
    expect(blocksOf(doc, 'header')).toEqual([
      { part: 'header', text: '内部资料 注意保存', paragraph: 0, label: '页眉（第 1 节）' },
    ]);
    expect(findBlock(doc, 'body', '此件不公开').paragraph).toBe(5);
  });

  it('finds every hiding place of 04-hidden-content', async () => {
    const doc = documentOf(await readCorpus('04-hidden-content.docx'));
    const body = blocksOf(doc, 'body').map((b) => b.text).join('\n');

    const deletion = findBlock(doc, 'tracked-deletion', '机密');
    expect(deletion).toMatchObject({ text: '根据省委常委会会议纪要（机密）精神，', author: '起草人', paragraph: 1 });
    expect(body).not.toContain('省委常委会');
    expect(findBlock(doc, 'body', '经研究').text).toBe('经研究，决定进一步简化住房公积金提取材料。');

    expect(findBlock(doc, 'comment', '不宜公开')).toMatchObject({ author: '审核人', label: '批注 1' });
    // Each piece the printed page does not show knows where it stands in the body, for the window.
    expect(findBlock(doc, 'comment', '不宜公开').anchor).toMatchObject({ part: 'body' });
    expect(deletion.anchor).toEqual({ part: 'body', paragraph: 1, offset: '经研究，'.length });
    expect(findBlock(doc, 'footnote', '内部参阅').anchor).toEqual({ part: 'body', paragraph: 4, offset: '各中心要按照新流程办理业务'.length });
    const host = blocksOf(doc, 'body').find((b) => b.paragraph === 3)!;
    expect(findBlock(doc, 'hidden', '13844556677').anchor).toEqual({ part: 'body', paragraph: 3, offset: host.text.length });

    const hidden = findBlock(doc, 'hidden', '13844556677');
    expect(hidden).toMatchObject({ text: '（内部专线 0431-88906655，联系人 王强 13844556677）', paragraph: 3 });
    expect(body).not.toContain('13844556677');
    expect(findBlock(doc, 'body', '咨询电话').text).toBe('咨询电话：0431-12329');

    expect(findBlock(doc, 'footnote', '内部参阅')).toMatchObject({ text: ' 数据口径见内部参阅材料第12期', label: '脚注 1' });
    expect(blocksOf(doc, 'footnote')).toHaveLength(1); // the separators are not text

    expect(findBlock(doc, 'metadata', '内部讨论稿').label).toBe('标题');
    expect(findBlock(doc, 'metadata', '张某').label).toBe('作者');
    expect(findBlock(doc, 'metadata', '李某').label).toBe('最后修改者');
    expect(findBlock(doc, 'metadata', '住房和城乡建设厅').label).toBe('单位');

    expect(findBlock(doc, 'tracked-insertion', '本通知')).toMatchObject({ author: '起草人', paragraph: 5 });
    expect(findBlock(doc, 'body', '本通知').paragraph).toBe(5);
    expect(doc.warnings).toEqual([]);
  });

  it('places table cells by table and row', async () => {
    const doc = documentOf(await readCorpus('03-personal-info.docx'));
    expect(findBlock(doc, 'body', '身份证号')).toMatchObject({ table: 0, row: 0 });
    expect(findBlock(doc, 'body', '220102198503120019')).toMatchObject({ table: 0, row: 1 });
    expect(findBlock(doc, 'body', '杨帆')).toMatchObject({ table: 0, row: 6, column: 1 });
    expect(findBlock(doc, 'body', '家庭住址')).toMatchObject({ table: 0, row: 0, column: 4 });
    const after = findBlock(doc, 'body', '如有异议');
    expect(after.table).toBeUndefined();
    expect(after.row).toBeUndefined();
  });

  it('gives a cell the grid column it starts in, after merged cells', async () => {
    const cell = (text: string, span = 1) =>
      `<w:tc>${span > 1 ? `<w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr>` : ''}${p(r(text))}</w:tc>`;
    const table = `<w:tbl><w:tr>${cell('名称')}${cell('地址')}${cell('规模')}</w:tr><w:tr>${cell('一号门站与二号门站', 2)}${cell('12.5')}</w:tr></w:tbl>`;
    const doc = documentOf(await readDocx(await buildDocx({ body: table }), 'grid.docx'));
    expect(findBlock(doc, 'body', '规模')).toMatchObject({ row: 0, column: 2 });
    expect(findBlock(doc, 'body', '12.5')).toMatchObject({ row: 1, column: 2 });
  });

  it('reports the truncated file as unreadable, naming it', async () => {
    const error = errorOf(await readCorpus('10-truncated.docx'));
    expect(error.code).toBe('unreadable');
    expect(error.message).toContain('10-truncated.docx');
  });
});

describe('readDocx on built files', () => {
  it('numbers body paragraphs as Word does and marks headings', async () => {
    const doc = documentOf(await readDocx(await richDocx(), 'rich.docx'));
    expect(findBlock(doc, 'body', '总体情况')).toMatchObject({ paragraph: 0, heading: 1 });
    expect(findBlock(doc, 'body', '工作进展')).toMatchObject({ paragraph: 1, heading: 2 });
    expect(findBlock(doc, 'body', '第三章')).toMatchObject({ text: '第三章', paragraph: 3, heading: 3 });
    expect(findBlock(doc, 'body', '派生标题')).toMatchObject({ paragraph: 7, heading: 1 });
    expect(findBlock(doc, 'body', '甲')).toMatchObject({ text: '甲\t乙\n丙-丁', paragraph: 4 });
    expect(findBlock(doc, 'body', '甲').heading).toBeUndefined();
    expect(blocksOf(doc, 'body').some((b) => b.paragraph === 2)).toBe(false); // the empty one
  });

  it('treats a run in a hiding character style as hidden', async () => {
    const doc = documentOf(await readDocx(await richDocx(), 'rich.docx'));
    expect(findBlock(doc, 'hidden', '附则')).toMatchObject({ text: '附则', paragraph: 3, label: '隐藏文字' });
  });

  it('takes text boxes, VML and DrawingML, out of the body and reads each once', async () => {
    const doc = documentOf(await readDocx(await richDocx(), 'rich.docx'));
    expect(findBlock(doc, 'body', '正文在框外').text).toBe('正文在框外');
    expect(findBlock(doc, 'body', '另一段').text).toBe('另一段');
    const boxes = blocksOf(doc, 'textbox').filter((b) => b.label === '文本框');
    expect(boxes.map((b) => b.text)).toEqual(['VML框内：内部专线 0431-88906655', '新式文本框：绝密★长期']);
    expect(boxes.map((b) => b.paragraph)).toEqual([0, 1]);
  });

  it('reads headers, footers, a watermark, and the changes hidden in them', async () => {
    const doc = documentOf(await readDocx(await richDocx(), 'rich.docx'));
    expect(findBlock(doc, 'header', '页眉正文')).toMatchObject({ text: '页眉正文', label: '页眉（第 1 节）' });
    expect(findBlock(doc, 'tracked-deletion', '秘密')).toMatchObject({
      author: '办公室',
      label: '修订（删除的文字） · 页眉（第 1 节）',
      paragraph: 0,
      anchor: { part: 'header', paragraph: 0, offset: '页眉正文'.length },
    });
    expect(findBlock(doc, 'textbox', '机密').label).toBe('艺术字/水印 · 页眉（第 1 节）');
    expect(findBlock(doc, 'footer', '第 1 页')).toMatchObject({ text: '第 1 页', label: '页脚（第 1 节）', paragraph: 0 });
    expect(findBlock(doc, 'hidden', '13912345678').label).toBe('隐藏文字 · 页脚（第 1 节）');
  });

  it('reads endnotes without their separators', async () => {
    const doc = documentOf(await readDocx(await richDocx(), 'rich.docx'));
    expect(blocksOf(doc, 'endnote')).toEqual([
      { part: 'endnote', text: '尾注：据内部通报', paragraph: 0, label: '尾注 1', anchor: { part: 'body', paragraph: 8, offset: '脚注在此'.length } },
    ]);
  });

  it('reads custom and extended properties, skipping empty ones', async () => {
    const doc = documentOf(await readDocx(await richDocx(), 'rich.docx'));
    const metadata = blocksOf(doc, 'metadata').map((b) => [b.label, b.text]);
    expect(metadata).toEqual([
      ['单位', '某某局'],
      ['负责人', '赵处长'],
      ['自定义属性：密级', '秘密'],
    ]);
  });

  it('warns about images and embedded objects', async () => {
    const doc = documentOf(await readDocx(await richDocx(), 'rich.docx'));
    const image = doc.warnings.find((w) => w.code === 'image');
    expect(image?.message).toContain('2 张图片');
    expect(image?.message).toContain('人工');
    expect(doc.warnings.find((w) => w.code === 'embedded-object')?.message).toContain('1 个对象');
    expect(doc.warnings.some((w) => w.code === 'unread-text')).toBe(false);
  });
});

describe('readDocx refuses bad files with a Chinese message', () => {
  it('not a zip', async () => {
    const error = errorOf(await readDocx(new TextEncoder().encode('这不是 Word 文档'), '假文件.docx'));
    expect(error.code).toBe('unreadable');
    expect(error.message).toBe('无法读取「假文件.docx」：文件已损坏或不完整（不是有效的 Word 文档）。');
  });

  it('a zip without word/document.xml', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    expect(errorOf(await readDocx(bytes, 'empty.docx')).code).toBe('unreadable');
  });

  it('malformed XML, naming the part', async () => {
    const bytes = await buildDocx({ body: '<w:p><w:r><w:t>未闭合</w:r></w:p>' });
    const error = errorOf(await readDocx(bytes, 'broken.docx'));
    expect(error.code).toBe('unreadable');
    expect(error.message).toContain('broken.docx');
    expect(error.message).toContain('word/document.xml');
  });

  it('an encrypted OOXML file (compound file with EncryptionInfo)', async () => {
    const bytes = new Uint8Array(1024);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.set(Buffer.from('EncryptionInfo', 'utf16le'), 600);
    const error = errorOf(await readDocx(bytes, '加密.docx'));
    expect(error.code).toBe('encrypted');
    expect(error.message).toContain('加密.docx');
    expect(errorOf(await readDoc(bytes, '加密.doc')).code).toBe('encrypted');
  });

  it('a zip declaring a huge entry, before inflating anything', async () => {
    const bytes = await buildDocx({ body: p(r('正常')) });
    setDeclaredSize(bytes, 'word/document.xml', 0xfffffff0); // 4 GiB
    const error = errorOf(await readDocx(bytes, 'bomb.docx'));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('bomb.docx');
  });

  it('a highly compressible entry over the limit, even when its declared size lies', async () => {
    const padding = ' '.repeat(4 * 1024 * 1024);
    const bytes = await buildDocx({ body: p(r('炸弹')) + `<!-- ${padding} -->` });
    expect(bytes.length).toBeLessThan(64 * 1024);
    const limits = { maxUncompressedBytes: 1024 * 1024 };
    expect(errorOf(await readDocx(bytes, 'bomb.docx', limits)).code).toBe('too-large');

    // Claim the entry is tiny: only the guard while inflating can stop it now.
    setDeclaredSize(bytes, 'word/document.xml', 100);
    const error = errorOf(await readDocx(bytes, 'bomb.docx', limits));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('1 MiB');

    // And the same file is fine under the default limit.
    expect(documentOf(await readDocx(await buildDocx({ body: p(r('炸弹')) + `<!-- ${padding} -->` }), 'ok.docx')).blocks[0]?.text).toBe('炸弹');
  });

  it('XML nested 200,000 deep: refused before parsing, with the limit in the message', async () => {
    const depth = 200_000;
    const bytes = await buildDocx({ body: p(r('正常')) + '<w:sdt>'.repeat(depth) + '</w:sdt>'.repeat(depth) });
    const error = errorOf(await readDocx(bytes, '嵌套.docx'));
    expect(error).toEqual({
      code: 'too-large',
      message: '无法读取「嵌套.docx」：文档内部的 word/document.xml 嵌套超过 1000 层，不是正常的 Word 文档（可能是恶意构造的文件），已停止读取。',
    });
  });

  it('counts depth by tags, not by every ">": self-closing elements with ">" in attributes, and ordinary nesting, read', async () => {
    const field = '<w:fldSimple w:instr=" IF a > b &quot;x&quot; "/>'.repeat(3000);
    const nested = '<w:sdt><w:sdtContent>'.repeat(40) + p(r('深处的文字')) + '</w:sdtContent></w:sdt>'.repeat(40);
    const doc = documentOf(await readDocx(await buildDocx({ body: p(r('字段') + field) + nested }), 'ok.docx'));
    expect(doc.blocks.map((b) => b.text)).toEqual(['字段', '深处的文字']);
  });

  it('a zip with more entries than the limit, before JSZip lists them', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i <= 10_000; i++) files[`word/media/x${i}.bin`] = '';
    const error = errorOf(await readDocx(await buildDocx({ body: p(r('正常')), files }), '条目.docx'));
    expect(error.code).toBe('too-large');
    // 10,001 media files, the 4 parts and the folder entries JSZip writes for them.
    const [, count] = /^无法读取「条目\.docx」：压缩包内有 (\d+) 个文件，超过 10000 个的上限，不是正常的 Word 文档，已停止读取。$/.exec(error.message) ?? [];
    expect(Number(count)).toBeGreaterThan(10_005);
  });
});

describe('readDoc (legacy .doc)', () => {
  it('refuses bytes that are not a compound file', async () => {
    const error = errorOf(await readDoc(new TextEncoder().encode('plain text'), '旧文档.doc'));
    expect(error.code).toBe('unreadable');
    expect(error.message).toContain('旧文档.doc');
  });

  it('refuses a damaged compound file without throwing', async () => {
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(errorOf(await readDoc(bytes, '坏.doc')).code).toBe('unreadable');
  });

  it('reads a .docx saved under a .doc name', async () => {
    const doc = documentOf(await readDoc(readFileSync(path.join(corpus, '02-classified-marking.docx')), 'renamed.doc'));
    expect(blocksOf(doc, 'body')[0]?.text).toBe('机密★5年');
  });
});

describe('the cross-check of the body', () => {
  it('warns when the body holds letters no block carries', async () => {
    const zip = await BoundedZip.open(readFileSync(path.join(corpus, '02-classified-marking.docx')), 1 << 20);
    const main = parseXml((await zip.text('word/document.xml'))!, 'word/document.xml');
    const blocks = documentOf(await readCorpus('02-classified-marking.docx')).blocks.filter((b) => !b.text.includes('此件不公开'));
    const warning = crossCheckBody(main.documentElement!, blocks, '02.docx');
    expect(warning?.code).toBe('unread-text');
    expect(warning?.message).toContain('此件不公开');
  });

  it('finds text the walker cannot place, wherever it stands in the body', async () => {
    // A w:t straight under w:body, outside any paragraph: no paragraph of the walker holds it.
    const doc = documentOf(await readDocx(await buildDocx({ body: p(r('正文一段')) + '<w:t>游离的内部编号</w:t>' }), 'stray.docx'));
    expect(doc.blocks.map((b) => b.text)).toEqual(['正文一段']);
    expect(doc.warnings.find((w) => w.code === 'unread-text')?.message).toContain('游离的内部编号');
  });

  it('reads every w:body of a malformed document that has several', async () => {
    const bytes = await buildDocx({ body: `${p(r('第一个正文'))}</w:body><w:body>${p(r('第二个正文'))}` });
    const doc = documentOf(await readDocx(bytes, 'two-bodies.docx'));
    expect(blocksOf(doc, 'body').map((b) => [b.paragraph, b.text])).toEqual([
      [0, '第一个正文'],
      [1, '第二个正文'],
    ]);
    expect(doc.warnings.some((w) => w.code === 'unread-text')).toBe(false);
  });

  it('checks the branch of alternate content the walker did not take', async () => {
    const alternate = (choice: string, fallback: string) =>
      `<w:r><mc:AlternateContent><mc:Choice Requires="wps">${r(choice)}</mc:Choice><mc:Fallback>${r(fallback)}</mc:Fallback></mc:AlternateContent></w:r>`;
    const same = documentOf(await readDocx(await buildDocx({ body: p(wpsTextBox('框内文字')) + p(alternate('同一句', '同一句')) }), 'same.docx'));
    expect(same.warnings.some((w) => w.code === 'unread-text')).toBe(false);
    const hidden = documentOf(await readDocx(await buildDocx({ body: p(alternate('公开的一句', '公开的一句另有机密')) }), 'fallback.docx'));
    expect(hidden.warnings.find((w) => w.code === 'unread-text')?.message).toContain('另有机密');
  });
});
