// A tiny PDF writer for tests: numbered objects (object 1 is the catalog), a correct xref, bytes as
// latin1, so a test can build exactly the structure it is about (a font without a descriptor, a
// stream that inflates to gigabytes).
import { constants, deflateRawSync } from 'node:zlib';

export function buildPdf(objects: readonly (string | Buffer)[], trailer = ''): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0].length;
  const offsets: number[] = [];
  const put = (b: Buffer) => {
    parts.push(b);
    length += b.length;
  };
  objects.forEach((body, i) => {
    offsets.push(length);
    put(Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1')]));
  });
  const xref = length;
  let tail = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) tail += `${String(offset).padStart(10, '0')} 00000 n \n`;
  tail += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  put(Buffer.from(tail, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}

/** A stream object; `data` a latin1 string or raw bytes. */
export function stream(dict: string, data: string | Buffer): Buffer {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  return Buffer.concat([Buffer.from(`<< ${dict} /Length ${bytes.length} >>\nstream\n`, 'latin1'), bytes, Buffer.from('\nendstream', 'latin1')]);
}

/** One page (object 3) showing `content` with font /F1 = object 4. */
export function onePagePdf(font: string, content: string | Buffer, contentDict = ''): Uint8Array {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    font,
    stream(contentDict, content),
  ]);
}

/** UTF-16BE hex of each code unit, no byte order mark: a content string for /UniGB-UCS2-H or Identity-H. */
export function ucs2Hex(text: string): string {
  return '<' + [...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('') + '>';
}

/**
 * A CID font with no FontDescriptor (so nothing embedded): poppler maps its codes through the
 * CMap and reads the Chinese, while pdfjs treats it as a simple font and decodes every byte as a
 * character of its own: control characters and stray symbols.
 */
export const CID_FONT_WITHOUT_DESCRIPTOR =
  '<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [<< /Type /Font ' +
  '/Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>] >>';

/**
 * A page whose content stream inflates to `megabytes` MiB of spaces: one deflated MiB (a non-final,
 * byte-aligned block) repeated, a final empty block, and the zlib framing with the right Adler-32,
 * so a few kilobytes per hundred megabytes, made in milliseconds.
 */
export function flateBombPdf(megabytes: number): Uint8Array {
  const MiB = 1024 * 1024;
  const block = deflateRawSync(Buffer.alloc(MiB, 0x20), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const n = BigInt(megabytes * MiB);
  const c = 0x20n;
  const a = (1n + n * c) % 65521n;
  const b = (n + (c * n * (n + 1n)) / 2n) % 65521n;
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(Number((b << 16n) | a));
  const data = Buffer.concat([Buffer.from([0x78, 0xda]), ...Array<Buffer>(megabytes).fill(block), Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]), adler]);
  return onePagePdf('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>', data, '/Filter /FlateDecode');
}
