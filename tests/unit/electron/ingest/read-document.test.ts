import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExtractResult } from '../../../../shared/document-model';

// The Word reader is someone else's module: here we only check that the dispatcher hands it
// the right files, so it is replaced by a recorder.
const wordResult = (format: 'docx' | 'doc'): ExtractResult => ({ ok: true, document: { format, blocks: [], warnings: [] } });
const docx = vi.hoisted(() => ({ readDocx: vi.fn(), readDoc: vi.fn() }));
vi.mock('../../../../electron/ingest/docx', () => docx);

import { readDocument } from '../../../../electron/ingest/read-document';

const corpus = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/corpus');
const scratch = mkdtempSync(join(tmpdir(), 'mishen-read-document-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function scratchFile(name: string, content: Uint8Array | string): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

/** A compound-file header followed by a directory entry name in UTF-16LE. */
const compoundFile = (streamName: string): Buffer =>
  Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from(streamName, 'utf16le')]);

beforeEach(() => {
  docx.readDocx.mockReset().mockResolvedValue(wordResult('docx'));
  docx.readDoc.mockReset().mockResolvedValue(wordResult('doc'));
});

describe('readDocument on the corpus', () => {
  it('reads a PDF and hashes its bytes', async () => {
    const path = join(corpus, '07-normalization.pdf');
    const outcome = await readDocument(path);
    expect(outcome.file).toBe(path);
    expect(outcome.format).toBe('pdf');
    expect(outcome.sha256).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
    expect(outcome.result.ok && outcome.result.document.blocks.some((b) => b.text.includes('绝密 ★ 长期'))).toBe(true);
  });

  it('refuses a text file named .pdf instead of scanning it as text', async () => {
    const outcome = await readDocument(join(corpus, '11-not-a-pdf.pdf'));
    expect(outcome.format).toBe('unknown');
    expect(outcome.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(outcome.result).toEqual({
      ok: false,
      error: {
        code: 'unreadable',
        message: '无法读取「11-not-a-pdf.pdf」：文件扩展名为 .pdf，但内容不是 PDF（可能是改了扩展名的其他文件）。',
      },
    });
  });

  it('reports an encrypted PDF', async () => {
    const outcome = await readDocument(join(corpus, '12-encrypted.pdf'));
    expect(outcome.result.ok === false && outcome.result.error.code).toBe('encrypted');
  });

  it('reads a text file line by line', async () => {
    const outcome = await readDocument(join(corpus, '08-false-positive-traps.txt'));
    expect(outcome.format).toBe('txt');
    expect(outcome.result.ok && outcome.result.document.blocks.length).toBeGreaterThan(0);
  });
});

describe('readDocument: files that cannot be read', () => {
  it('names a missing file', async () => {
    expect(await readDocument(join(scratch, '不存在.pdf'))).toEqual({
      file: join(scratch, '不存在.pdf'),
      sha256: '',
      format: 'unknown',
      result: { ok: false, error: { code: 'unreadable', message: '无法读取「不存在.pdf」：文件不存在。' } },
    });
  });

  it('refuses a folder', async () => {
    const outcome = await readDocument(scratch);
    expect(outcome.result.ok === false && outcome.result.error.code).toBe('unreadable');
    expect(outcome.result.ok === false && outcome.result.error.message).toContain('文件夹');
  });

  it('refuses a 0-byte file instead of passing it as a document with nothing in it', async () => {
    const outcome = await readDocument(scratchFile('empty.txt', ''));
    expect(outcome.result).toEqual({ ok: false, error: { code: 'unreadable', message: '无法读取「empty.txt」：文件为空（0 字节）。' } });
  });

  it('refuses a file over maxBytes without reading it', async () => {
    const outcome = await readDocument(join(corpus, '07-normalization.pdf'), { maxBytes: 1000 });
    expect(outcome.sha256).toBe('');
    expect(outcome.result.ok === false && outcome.result.error.code).toBe('too-large');
    expect(outcome.result.ok === false && outcome.result.error.message).toMatch(/^无法读取「07-normalization\.pdf」：文件大小/);
  });

  it('refuses a .docx that is not a zip', async () => {
    const outcome = await readDocument(scratchFile('report.docx', '这只是文本'));
    expect(outcome.result.ok === false && outcome.result.error).toEqual({
      code: 'unreadable',
      message: '无法读取「report.docx」：文件扩展名为 .docx，但内容不是 Word 文档（.docx 应为 ZIP 压缩包格式）（可能是改了扩展名的其他文件）。',
    });
    expect(docx.readDocx).not.toHaveBeenCalled();
  });

  it('calls unknown binary unsupported and lists the supported formats', async () => {
    const outcome = await readDocument(scratchFile('data.bin', Buffer.from([1, 2, 0, 0, 9, 200, 13])));
    expect(outcome.result.ok === false && outcome.result.error.code).toBe('unsupported');
    expect(outcome.result.ok === false && outcome.result.error.message).toContain('.docx、.doc、.wps、.pdf、.ofd、.xlsx、.txt');
  });

  it('without OCR calls an image unsupported and says it needs OCR or a person', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const outcome = await readDocument(scratchFile('scan.pdf', png));
    expect(outcome.format).toBe('image');
    expect(outcome.result.ok === false && outcome.result.error.code).toBe('unsupported');
    expect(outcome.result.ok === false && outcome.result.error.message).toContain('PNG 图片');
    expect(outcome.result.ok === false && outcome.result.error.message).toContain('OCR');
  });

  it('turns a reader that throws into an unreadable error, in Chinese only', async () => {
    docx.readDocx.mockRejectedValue(new Error('boom'));
    const outcome = await readDocument(scratchFile('crash.docx', Buffer.from('PK\x03\x04word/document.xml', 'latin1')));
    expect(outcome.result).toEqual({
      ok: false,
      error: { code: 'unreadable', message: '无法读取「crash.docx」：读取时出现程序内部错误，请将此文件交技术人员检查。' },
    });
  });
});

describe('readDocument: content decides the format', () => {
  it('sends a zip holding word/document.xml to readDocx whatever its name, with the unzip limit', async () => {
    const bytes = Buffer.from('PK\x03\x04....word/document.xml....', 'latin1');
    const outcome = await readDocument(scratchFile('renamed.dat', bytes), { maxUncompressedBytes: 5000 });
    expect(outcome.format).toBe('docx');
    expect(docx.readDocx).toHaveBeenCalledWith(bytes, 'renamed.dat', { maxUncompressedBytes: 5000 });
  });

  it('sends an encrypted Word package (compound file with EncryptionInfo) to readDocx', async () => {
    const outcome = await readDocument(scratchFile('secret.docx', compoundFile('EncryptionInfo')));
    expect(outcome.format).toBe('docx');
    expect(docx.readDocx).toHaveBeenCalledTimes(1);
    expect(docx.readDoc).not.toHaveBeenCalled();
  });

  it('sends a Word 97-2003 file to readDoc', async () => {
    const outcome = await readDocument(scratchFile('old.doc', compoundFile('WordDocument')));
    expect(outcome.format).toBe('doc');
    expect(docx.readDoc).toHaveBeenCalledWith(expect.any(Uint8Array), 'old.doc');
  });

  it('reads a PDF named .txt as a PDF', async () => {
    const outcome = await readDocument(scratchFile('really-a-pdf.txt', readFileSync(join(corpus, '07-normalization.pdf'))));
    expect(outcome.format).toBe('pdf');
    expect(outcome.result.ok).toBe(true);
  });

  it('reads an extensionless text file as text', async () => {
    const outcome = await readDocument(scratchFile('README', '第一行\n联系电话 13904317788\n'));
    expect(outcome.format).toBe('txt');
    expect(outcome.result.ok && outcome.result.document.blocks.map((b) => b.text)).toEqual(['第一行', '联系电话 13904317788']);
  });

  it('reports binary content in a .txt as unreadable', async () => {
    const outcome = await readDocument(scratchFile('dump.txt', Buffer.from([0x41, 0x00, 0x42, 0x00, 0x00, 0x07])));
    expect(outcome.format).toBe('txt');
    expect(outcome.result.ok === false && outcome.result.error.code).toBe('unreadable');
  });
});
