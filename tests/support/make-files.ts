// Test files made from code, for the readers' tests and the window's: pictures drawn with a CJK
// font (as a screenshot pasted into a draft would be), a Word draft with such a picture in it, an
// OFD package laid out as GB/T 33190 describes it, a workbook with a hidden sheet of persons, and a
// corpus draft changed the way a drafter corrects it.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

const require = createRequire(import.meta.url);
const { createCanvas, GlobalFonts } = require('@napi-rs/canvas') as {
  createCanvas(w: number, h: number): { getContext(k: '2d'): CanvasContext; toBuffer(t: 'image/png'): Buffer };
  GlobalFonts: { registerFromPath(path: string, family: string): boolean };
};
interface CanvasContext {
  fillStyle: string;
  font: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
}

/** A full ID number with its MOD 11-2 check character, computed here (../shared/docs/domain.md). */
export function withIdCheck(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * w[i];
  return first17 + '10X98765432'[sum % 11];
}
export const ID_1 = withIdCheck('22010219850312001');
export const ID_2 = withIdCheck('22010419900101037');

/** A picture with Chinese text in a CJK font. */
export function picture(lines: string[]): Buffer {
  GlobalFonts.registerFromPath('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'TestCJK');
  const canvas = createCanvas(1000, 100 + lines.length * 90);
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, 1000, 100 + lines.length * 90);
  g.fillStyle = '#000000';
  g.font = '44px TestCJK';
  lines.forEach((line, i) => g.fillText(line, 40, 80 + i * 90));
  return canvas.toBuffer('image/png');
}

/** A Word draft with a screenshot pasted in (word/media/image1.png) holding `lines`. */
export async function draftWithPicture(path: string, lines: string[]): Promise<string> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/_rels/document.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>');
  zip.file('word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>关于系统运行情况的说明</w:t></w:r></w:p><w:p><w:r><w:t>系统界面截图如下。</w:t></w:r></w:p></w:body></w:document>');
  zip.file('word/media/image1.png', picture(lines));
  writeFileSync(path, await zip.generateAsync({ type: 'uint8array' }));
  return path;
}

/** An OFD package (GB/T 33190): one document, A4 pages of text objects, a signature list. */
export async function ofdFile(path: string, pages: string[][], extra: (zip: JSZip) => void = () => undefined): Promise<string> {
  const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
  const zip = new JSZip();
  zip.file('OFD.xml', `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>a1</ofd:DocID><ofd:Title>城市供水设施情况</ofd:Title><ofd:Author>综合处</ofd:Author></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot><ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures></ofd:DocBody></ofd:OFD>`);
  const pageRefs = pages.map((_, i) => `<ofd:Page ID="${10 + i}" BaseLoc="Pages/Page_${i}/Content.xml"/>`).join('');
  zip.file('Doc_0/Document.xml', `<?xml version="1.0" encoding="UTF-8"?><ofd:Document ${NS}><ofd:CommonData><ofd:MaxUnitID>99</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>${pageRefs}</ofd:Pages></ofd:Document>`);
  zip.file('Doc_0/PublicRes.xml', `<?xml version="1.0" encoding="UTF-8"?><ofd:Res ${NS} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="2" FontName="宋体"/></ofd:Fonts></ofd:Res>`);
  pages.forEach((lines, i) => {
    const objects = lines
      .map((line, k) => `<ofd:TextObject ID="${20 + k}" Boundary="25 ${30 + k * 10} 160 8" Font="2" Size="4.2"><ofd:TextCode X="0" Y="5">${line}</ofd:TextCode></ofd:TextObject>`)
      .join('');
    zip.file(`Doc_0/Pages/Page_${i}/Content.xml`, `<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${NS}><ofd:Content><ofd:Layer ID="5">${objects}</ofd:Layer></ofd:Content></ofd:Page>`);
  });
  zip.file('Doc_0/Signs/Signatures.xml', `<?xml version="1.0" encoding="UTF-8"?><ofd:Signatures ${NS}><ofd:Signature ID="1" BaseLoc="Sign_0/Signature.xml"/></ofd:Signatures>`);
  extra(zip);
  writeFileSync(path, await zip.generateAsync({ type: 'uint8array' }));
  return path;
}

/** A publicity list whose hidden sheet keeps the full ID numbers and phones, with a cell comment. */
export async function listWithHiddenSheet(path: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const shown = wb.addWorksheet('公示名单');
  shown.addRow(['序号', '姓名', '身份证号']);
  shown.addRow([1, '张伟', '2201**********0019']);
  const hidden = wb.addWorksheet('原始数据');
  hidden.state = 'hidden';
  hidden.addRow(['姓名', '身份证号', '手机号']);
  hidden.addRow(['张伟', ID_1, '13904315521']);
  hidden.addRow(['李娜', ID_2, '13500887612']);
  shown.getCell('C2').note = '原号码见原始数据表';
  await wb.xlsx.writeFile(path);
  return path;
}

/**
 * A corpus .docx as a drafter corrects it: each `[from, to]` replaced in its body text
 * (word/document.xml), everything else as it was.
 */
export async function correctedDocx(source: string, path: string, replacements: readonly (readonly [string, string])[]): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(source));
  let xml = await zip.file('word/document.xml')!.async('string');
  for (const [from, to] of replacements) xml = xml.split(from).join(to);
  zip.file('word/document.xml', xml);
  writeFileSync(path, await zip.generateAsync({ type: 'uint8array' }));
  return path;
}

