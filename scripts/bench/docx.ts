// A Word file written by hand: the minimal OOXML package (document, header, footnotes, core
// properties) that Word and the Mishen reader both accept, and the content of the bench's 100-page one.
import JSZip from 'jszip';
import { pick, randInt, type Rand } from './corpus';
import { makeIdNumber, makeMobile } from './ids';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DOCX_PARAGRAPHS = 2_100;
const DOCX_CHARS = 115_000;
const ID_EVERY = 97;
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface DocxContent {
  readonly paragraphs: readonly string[];
  readonly header: string;
  readonly footnote: string;
  /** The paragraph that carries the footnote reference. */
  readonly footnoteAt: number;
  readonly tableRows: readonly (readonly string[])[];
  /** The table is placed after this paragraph. */
  readonly tableAt: number;
  readonly title: string;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const run = (text: string): string => `<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
const para = (text: string, extra = ''): string => `<w:p>${run(text)}${extra}</w:p>`;

export async function buildDocx(c: DocxContent): Promise<Buffer> {
  const body: string[] = [];
  c.paragraphs.forEach((text, i) => {
    const footnoteRef =
      i === c.footnoteAt ? '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>' : '';
    body.push(para(text, footnoteRef));
    if (i === c.tableAt) body.push(table(c.tableRows));
  });
  const document =
    `${XML_HEAD}<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body.join('')}` +
    '<w:sectPr><w:headerReference w:type="default" r:id="rId2"/><w:pgSz w:w="11906" w:h="16838"/>' +
    '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>' +
    '</w:body></w:document>';
  const header = `${XML_HEAD}<w:hdr xmlns:w="${W}" xmlns:r="${R}">${para(c.header)}</w:hdr>`;
  const footnotes =
    `${XML_HEAD}<w:footnotes xmlns:w="${W}" xmlns:r="${R}">` +
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>' +
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>' +
    `<w:footnote w:id="1">${para(c.footnote)}</w:footnote></w:footnotes>`;
  const contentTypes =
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
    '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' +
    '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '</Types>';
  const rootRels =
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    '</Relationships>';
  const documentRels =
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>' +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>' +
    '</Relationships>';
  const core =
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${esc(c.title)}</dc:title><dc:creator>密审基准测试</dc:creator>` +
    '<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:created></cp:coreProperties>';

  const zip = new JSZip();
  const date = new Date('2024-01-01T00:00:00Z');
  zip.file('[Content_Types].xml', contentTypes, { date });
  zip.file('_rels/.rels', rootRels, { date });
  zip.file('word/document.xml', document, { date });
  zip.file('word/_rels/document.xml.rels', documentRels, { date });
  zip.file('word/header1.xml', header, { date });
  zip.file('word/footnotes.xml', footnotes, { date });
  zip.file('docProps/core.xml', core, { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function table(rows: readonly (readonly string[])[]): string {
  const cols = rows[0]?.length ?? 1;
  const width = Math.floor(8844 / cols);
  const grid = `<w:tblGrid>${`<w:gridCol w:w="${width}"/>`.repeat(cols)}</w:tblGrid>`;
  const trs = rows
    .map((cells) => `<w:tr>${cells.map((cell) => `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${para(cell)}</w:tc>`).join('')}</w:tr>`)
    .join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${grid}${trs}</w:tbl>`;
}

/**
 * The bench's 100-page Word document: about 115,000 characters in 2,100 paragraphs of the given
 * sentences, an ID and a mobile number in every 97th paragraph, a header, a footnote and a table.
 */
export function makeDocxContent(rand: Rand, sentences: readonly string[]): { ids: string[]; content: DocxContent } {
  const paragraphs: string[] = [];
  const ids: string[] = [];
  let budget = DOCX_CHARS;
  for (let i = 0; i < DOCX_PARAGRAPHS; i++) {
    const mean = budget / (DOCX_PARAGRAPHS - i);
    const target = Math.max(8, randInt(rand, Math.round(mean * 0.4), Math.round(mean * 1.6)));
    let p = '';
    while (p.length < target) p += pick(rand, sentences);
    if (p.length > target + 10) p = `${p.slice(0, target)}。`;
    if (i % ID_EVERY === ID_EVERY - 1) {
      const id = makeIdNumber(rand);
      ids.push(id);
      p += `经办人联系电话：${makeMobile(rand)}，身份证号：${id}。`;
    }
    paragraphs.push(p);
    budget -= p.length;
  }
  const tableRows = [['序号', '事项', '说明']];
  for (let r = 1; r < 20; r++) tableRows.push([String(r), pick(rand, sentences).slice(0, 16), pick(rand, sentences).slice(0, 30)]);
  return {
    ids,
    content: {
      paragraphs,
      header: '某某市人民政府办公厅',
      footnote: `注：${pick(rand, sentences)}`,
      footnoteAt: 10,
      tableRows,
      tableAt: 1000,
      title: '关于印发某某工作方案的通知（基准测试）',
    },
  };
}
