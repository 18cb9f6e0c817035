import { describe, expect, it } from 'vitest';
import { decodeText, readTxt } from '../../../../electron/ingest/txt';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const utf8 = (text: string): number[] => [...new TextEncoder().encode(text)];

describe('decodeText', () => {
  it('reads GB18030 (GBK) bytes written out by hand', () => {
    // 机 = BB FA, 密 = C3 DC in GBK; checked against TextDecoder('gb18030').
    expect(decodeText(bytes(0xbb, 0xfa, 0xc3, 0xdc))).toEqual({ text: '机密', encoding: 'gb18030' });
  });

  it('prefers UTF-8 when the bytes are valid UTF-8', () => {
    expect(decodeText(bytes(...utf8('机密')))).toEqual({ text: '机密', encoding: 'utf-8' });
  });

  it('honours BOMs and strips them', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, ...utf8('机密')))).toEqual({ text: '机密', encoding: 'utf-8' });
    expect(decodeText(bytes(0xff, 0xfe, 0x3a, 0x67, 0xc6, 0x5b))).toEqual({ text: '机密', encoding: 'utf-16le' });
    expect(decodeText(bytes(0xfe, 0xff, 0x67, 0x3a, 0x5b, 0xc6))).toEqual({ text: '机密', encoding: 'utf-16be' });
  });

  it('calls bytes with NUL and no UTF-16 BOM binary', () => {
    expect(decodeText(bytes(0x50, 0x4b, 0x00, 0x01, 0x41))).toBeNull();
  });
});

describe('readTxt', () => {
  it('gives one body block per non-empty line, numbered by line', () => {
    const result = readTxt(bytes(...utf8('第一行\r\n\n第三行：绝密\n')), 'a.txt');
    expect(result).toEqual({
      ok: true,
      document: {
        format: 'txt',
        warnings: [],
        blocks: [
          { part: 'body', text: '第一行', paragraph: 0 },
          { part: 'body', text: '第三行：绝密', paragraph: 2 },
        ],
      },
    });
  });

  it('reads a GB18030 file line by line', () => {
    // "机密\n密件" in GBK
    const result = readTxt(bytes(0xbb, 0xfa, 0xc3, 0xdc, 0x0a, 0xc3, 0xdc, 0xbc, 0xfe), 'gbk.txt');
    expect(result.ok && result.document.blocks.map((b) => b.text)).toEqual(['机密', '密件']);
  });

  it('reads UTF-16LE with BOM', () => {
    const body = Buffer.from('姓名：张三\n电话：13904317788', 'utf16le');
    const result = readTxt(bytes(0xff, 0xfe, ...body), 'utf16.txt');
    expect(result.ok && result.document.blocks).toEqual([
      { part: 'body', text: '姓名：张三', paragraph: 0 },
      { part: 'body', text: '电话：13904317788', paragraph: 1 },
    ]);
  });

  it('refuses binary content, naming the file', () => {
    expect(readTxt(bytes(0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00), '/tmp/x/prog.txt')).toEqual({
      ok: false,
      error: { code: 'unreadable', message: '无法读取「prog.txt」：文件含有二进制内容，不是可识别的文本文件。' },
    });
  });
});
