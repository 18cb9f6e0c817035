// A PDF written byte by byte: one Type0 font /STSong-Light with /UniGB-UCS2-H (not embedded; readers
// use their own CJK font and CMaps), text as hex strings of UTF-16BE code units, a correct xref table.

export interface PdfPage {
  readonly lines: readonly string[];
}

const FONT_SIZE = 14;
const LEADING = 20;

export function buildPdf(pages: readonly PdfPage[], title: string): Buffer {
  const objects: string[] = []; // objects[n - 1] is object n's body
  const add = (body: string): number => objects.push(body);
  const catalog = add(''); // filled in below
  const pagesObj = add('');
  const descriptor = add(
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 ' +
      '/Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  );
  const cidFont = add(
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light ' +
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> ' +
      `/FontDescriptor ${descriptor} 0 R /DW 1000 /W [1 95 500] >>`,
  );
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${cidFont} 0 R] >>`);
  const info = add(`<< /Title ${textString(title)} /Producer (mishen bench) >>`);
  const kids: number[] = [];
  for (const page of pages) {
    const ops: string[] = ['BT', `/F1 ${FONT_SIZE} Tf`, `${LEADING} TL`, '72 780 Td'];
    page.lines.forEach((line, i) => ops.push(`${i === 0 ? '' : 'T* '}${hexString(line)} Tj`));
    ops.push('ET');
    const stream = ops.join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] ` +
          `/Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;

  const chunks: string[] = ['%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'];
  let offset = Buffer.byteLength(chunks[0], 'latin1');
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const obj = `${i + 1} 0 obj\n${body}\nendobj\n`;
    chunks.push(obj);
    offset += Buffer.byteLength(obj, 'latin1');
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)];
  chunks.push(...xref);
  chunks.push(`trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${offset}\n%%EOF\n`);
  return Buffer.from(chunks.join(''), 'latin1');
}

/** A text string (document information): UTF-16BE with its byte order mark. */
function textString(s: string): string {
  return `<FEFF${hexString(s).slice(1)}`;
}

/** A content string for /UniGB-UCS2-H: each UTF-16 code unit as four hex digits, no byte order mark. */
function hexString(s: string): string {
  let out = '<';
  for (let i = 0; i < s.length; i++) out += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `${out}>`;
}
