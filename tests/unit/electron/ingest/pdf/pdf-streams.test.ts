import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../../../../electron/ingest/pdf';
import { findOversizedStream } from '../../../../../electron/ingest/pdf/pdf-streams';
import { buildPdf, flateBombPdf, stream } from '../../../../support/make-pdf';

const MB = 1024 * 1024;

/** ASCII85 of `bytes` (what PDF's /ASCII85Decode reads), with its end marker. */
function ascii85(bytes: Buffer): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 4) {
    const chunk = Buffer.alloc(4);
    bytes.copy(chunk, 0, i, i + 4);
    let v = chunk.readUInt32BE(0);
    const digits: string[] = [];
    for (let k = 0; k < 5; k++) {
      digits.unshift(String.fromCharCode(33 + (v % 85)));
      v = Math.floor(v / 85);
    }
    out += digits.slice(0, Math.min(4, bytes.length - i) + 1).join('');
  }
  return out + '~>';
}

describe('findOversizedStream', () => {
  it('finds a content stream that inflates past the limit, and passes one below it', () => {
    expect(findOversizedStream(flateBombPdf(80), 64 * MB)).toBeGreaterThan(0);
    expect(findOversizedStream(flateBombPdf(8), 64 * MB)).toBeUndefined();
  });

  it('decodes through a chain of filters (ASCII85 around deflate around deflate)', () => {
    const inner = deflateSync(Buffer.alloc(8 * MB, 0x20));
    const twice = deflateSync(inner);
    const pdf = buildPdf(['<< /Type /Catalog >>', stream('/Filter [/ASCII85Decode /FlateDecode /FlateDecode]', ascii85(twice))]);
    expect(findOversizedStream(pdf, 4 * MB)).toBeGreaterThan(0);
    expect(findOversizedStream(pdf, 16 * MB)).toBeUndefined();
  });

  it('leaves images alone: text extraction never decodes them', () => {
    const image = deflateSync(Buffer.alloc(8 * MB));
    const pdf = buildPdf(['<< /Type /Catalog >>', stream('/Type /XObject /Subtype /Image /Width 4096 /Height 2048 /BitsPerComponent 8 /ColorSpace /DeviceGray /Filter /FlateDecode', image)]);
    expect(findOversizedStream(pdf, 4 * MB)).toBeUndefined();
  });
});

describe('readPdf on a flate bomb', () => {
  it('refuses a 2 GiB content stream as too-large before pdfjs inflates it', async () => {
    const result = await readPdf(flateBombPdf(2048), 'bomb.pdf');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('too-large');
    expect(result.error.message).toMatch(/^无法读取「bomb\.pdf」：PDF 中有一个数据流（位于文件第 \d+ 字节处）解压后超过 64 MB 的上限，可能是“压缩炸弹”，已停止读取。$/);
  });
});
