// A scanned PDF made from code: each page one JPEG image of Chinese text drawn with a CJK font at
// 150 dpi (as a scanner writes it), no text layer. For the OCR benchmark and its tests.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const DPI = 150;
const A4 = { width: 595, height: 842 };

interface Canvas {
  getContext(kind: '2d'): { fillStyle: string; font: string; fillRect(x: number, y: number, w: number, h: number): void; fillText(t: string, x: number, y: number): void };
  toBuffer(type: 'image/jpeg', quality?: number): Buffer;
}

/** One page image: the lines drawn at about 12 pt, top to bottom. */
export function pageImage(lines: readonly string[]): { jpeg: Buffer; width: number; height: number } {
  const { createCanvas, GlobalFonts } = require('@napi-rs/canvas') as {
    createCanvas(w: number, h: number): Canvas;
    GlobalFonts: { registerFromPath(path: string, family: string): boolean };
  };
  GlobalFonts.registerFromPath(CJK_FONT, 'BenchCJK');
  const width = Math.round((A4.width / 72) * DPI);
  const height = Math.round((A4.height / 72) * DPI);
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, width, height);
  g.fillStyle = '#000000';
  g.font = `${Math.round((12 / 72) * DPI)}px BenchCJK`;
  lines.forEach((line, i) => g.fillText(line, 150, 180 + i * 45));
  return { jpeg: canvas.toBuffer('image/jpeg', 85), width, height };
}

/** The PDF: one image XObject per page, drawn over the whole A4 page. */
export function buildScannedPdf(pages: readonly (readonly string[])[]): Buffer {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let size = 0;
  const push = (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    parts.push(buf);
    size += buf.length;
  };
  const obj = (n: number, ...body: (Buffer | string)[]) => {
    offsets[n - 1] = size;
    push(`${n} 0 obj\n`);
    for (const b of body) push(b);
    push('\nendobj\n');
  };
  push('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  const kids = pages.map((_, i) => 3 + i * 3);
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
  obj(2, `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  pages.forEach((lines, i) => {
    const page = 3 + i * 3;
    const image = pageImage(lines);
    const content = `q ${A4.width} 0 0 ${A4.height} 0 0 cm /Im1 Do Q`;
    obj(page, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${A4.width} ${A4.height}] /Resources << /XObject << /Im1 ${page + 1} 0 R >> >> /Contents ${page + 2} 0 R >>`);
    obj(page + 1, `<< /Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${image.jpeg.length} >>\nstream\n`, image.jpeg, '\nendstream');
    obj(page + 2, `<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  });
  const count = 2 + pages.length * 3;
  const xref = size;
  push(`xref\n0 ${count + 1}\n0000000000 65535 f \n`);
  for (const o of offsets) push(`${String(o).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${count + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}
