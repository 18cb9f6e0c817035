// Reads any file the user drops in: decides what it really is, hands it to the right reader,
// and turns every failure into a ReadError that names the file. Never throws.
//
// The format is decided by the bytes first and the extension second. A reviewer trusts the
// report for the file they chose; a ".pdf" that is really renamed text must be reported as not
// a PDF, not quietly scanned as text (they would believe the PDF was reviewed).

import { createHash } from 'node:crypto';
import type { DocumentFormat, ExtractResult, ReadError } from '../../shared/document-model';
import { checkExtracted } from './check-extracted';
import { debugLog } from './debug-log';
import { readDoc, readDocx } from './docx';
import { baseName, extensionOf } from './file-name';
import { readImage } from './image';
import { imageKind } from './ocr/image-ocr';
import type { OcrOptions } from './ocr/ocr-options';
import { readOfd } from './ofd';
import { readPdf } from './pdf';
import { MAX_FILE_BYTES, readRegularFile, tooLarge } from './read-regular-file';
import { decodeText, readTxt } from './txt';
import { readXlsx } from './xlsx';

export interface ReadOutcome {
  readonly file: string;
  /** Hex SHA-256 of the bytes read; '' when the file could not be read at all. */
  readonly sha256: string;
  readonly format: DocumentFormat | 'unknown';
  readonly result: ExtractResult;
}

export interface ReadOptions {
  /** Files larger than this are refused before reading. Default 100 MiB. */
  readonly maxBytes?: number;
  /** Passed on to the Word reader: cap on the unzipped size (zip bombs). */
  readonly maxUncompressedBytes?: number;
  /** Read scanned pages and pictures by OCR; without it they are only warned about. */
  readonly ocr?: OcrOptions;
  /** Hears of each page read (PDF, OFD), for a progress display. */
  readonly onPage?: (done: number, total: number) => void;
}

/** The formats Mishen reads, in words (messages of the readers and of the folder scan). */
export const SUPPORTED_FORMATS = '.docx、.doc、.wps、.pdf、.ofd、.xlsx、.txt 和图片（.png、.jpg、.tif）';
const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.csv', '.md']);
const WORD_ZIP_EXTENSIONS = new Set(['.docx', '.docm', '.dotx', '.dotm']);
const WORD_BINARY_EXTENSIONS = new Set(['.doc', '.dot', '.wps']);

export async function readDocument(path: string, options: ReadOptions = {}): Promise<ReadOutcome> {
  const unread = (error: ReadError): ReadOutcome => ({ file: path, sha256: '', format: 'unknown', result: { ok: false, error } });

  // Only a regular file, and never more than the budget (read-regular-file.ts says why).
  const read = await readRegularFile(path, options.maxBytes ?? MAX_FILE_BYTES);
  if (!read.ok) return unread(read.error);
  return readDocumentBytes(read.bytes, path, options);
}

/**
 * Reads a file's bytes already in memory (a file the window sent). `file` names it in the report
 * and in messages, and its extension is the second opinion on the format.
 */
export async function readDocumentBytes(bytes: Uint8Array, file: string, options: ReadOptions = {}): Promise<ReadOutcome> {
  const name = baseName(file);
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  if (bytes.length > maxBytes) return { file, sha256: '', format: 'unknown', result: { ok: false, error: tooLarge(name, bytes.length, maxBytes) } };

  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // An empty file is not a document that passes: it is nothing that could be reviewed.
  if (bytes.length === 0) {
    return { file, sha256, format: 'unknown', result: { ok: false, error: { code: 'unreadable', message: `无法读取「${name}」：文件为空（0 字节）。` } } };
  }
  const kind = detectFormat(bytes, name);
  const result = await extract(kind, bytes, name, options);
  return { file, sha256, format: 'format' in kind ? kind.format : 'unknown', result };
}

// ---------------------------------------------------------------------------------------------
// Deciding the format

/** What the bytes are: a format to read (and how), or the error to report instead. */
export type Detected =
  | { readonly format: 'pdf' | 'txt' | 'doc' | 'xlsx' | 'ofd' }
  | { readonly format: 'image'; readonly kind: string }
  | { readonly format: 'docx'; readonly encrypted: boolean }
  | { readonly error: ReadError };

export function detectFormat(bytes: Uint8Array, fileName: string): Detected {
  const name = baseName(fileName);
  const ext = extensionOf(name);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  // PDF readers accept the header anywhere in the first 1 KiB (some files carry junk before it).
  if (buf.subarray(0, 1024).includes('%PDF-')) return { format: 'pdf' };
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return detectZip(buf, name, ext);
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return detectCompoundFile(buf, name, ext);
  if (buf.subarray(0, 5).toString('latin1') === '{\\rtf') {
    return unsupported(name, '内容是 RTF 格式，暂不支持；请在 Word 中另存为 .docx 后再审查');
  }
  const image = imageKind(buf);
  if (image) return { format: 'image', kind: image };

  // No known signature. A file named as a binary format we read is then not what it claims.
  if (ext === '.pdf') return mismatch(name, ext, 'PDF');
  if (WORD_ZIP_EXTENSIONS.has(ext)) return mismatch(name, ext, 'Word 文档（.docx 应为 ZIP 压缩包格式）');
  if (WORD_BINARY_EXTENSIONS.has(ext)) return mismatch(name, ext, ext === '.wps' ? 'WPS 文字文档' : 'Word 97-2003 文档');
  if (ext === '.xlsx' || ext === '.ofd') return mismatch(name, ext, ext === '.ofd' ? 'OFD 文件（应为 ZIP 压缩包格式）' : 'Excel 工作簿（应为 ZIP 压缩包格式）');
  // Text extensions go to the text reader, which reports binary content itself.
  if (TEXT_EXTENSIONS.has(ext) || looksLikeText(bytes)) return { format: 'txt' };
  return unsupported(name, '无法识别的文件格式');
}

/** A zip: Word if named so or if it holds word/document.xml (entry names are stored as-is). */
function detectZip(buf: Buffer, name: string, ext: string): Detected {
  if (WORD_ZIP_EXTENSIONS.has(ext) || buf.includes('word/document.xml')) return { format: 'docx', encrypted: false };
  if (buf.includes('xl/workbook') || ext === '.xlsx' || ext === '.xlsm') return { format: 'xlsx' };
  if (buf.includes('OFD.xml') || ext === '.ofd') return { format: 'ofd' };
  if (buf.includes('ppt/presentation')) return unsupported(name, '内容是 PowerPoint 演示文稿，暂不支持；请另存为 PDF 后再审查');
  return unsupported(name, '内容是 ZIP 压缩包，不是 Word 文档；请解压后分别审查');
}

/**
 * An OLE compound file: a password-protected .docx (Word wraps the encrypted package in one,
 * with an "EncryptionInfo" stream), a Word 97-2003 .doc ("WordDocument" stream), or something
 * else (Excel .xls, PowerPoint .ppt, Outlook .msg). Stream names are UTF-16LE in the directory.
 */
function detectCompoundFile(buf: Buffer, name: string, ext: string): Detected {
  if (buf.includes(Buffer.from('EncryptionInfo', 'utf16le'))) return { format: 'docx', encrypted: true };
  if (WORD_BINARY_EXTENSIONS.has(ext) || buf.includes(Buffer.from('WordDocument', 'utf16le'))) return { format: 'doc' };
  if (ext === '.et' || ext === '.ett') {
    return unsupported(name, '内容是 WPS 表格（.et）文件，暂不支持直接读取；请在 WPS 中另存为 .xlsx 后再审查');
  }
  if (buf.includes(Buffer.from('Workbook', 'utf16le')) || buf.includes(Buffer.from('Book', 'utf16le'))) {
    return unsupported(name, '内容是 Excel 97-2003 或 WPS 表格工作簿，暂不支持；请另存为 .xlsx 后再审查');
  }
  if (buf.includes(Buffer.from('PowerPoint Document', 'utf16le'))) {
    return unsupported(name, '内容是 PowerPoint 97-2003 演示文稿，暂不支持');
  }
  return unsupported(name, '内容是无法识别的 Office 复合文档');
}

/**
 * For a file with an unknown extension: text only if it decodes and has no control characters
 * besides tab, line breaks and form feed. GB18030 decodes much binary without error, so this
 * is stricter than the text reader.
 */
function looksLikeText(bytes: Uint8Array): boolean {
  const decoded = decodeText(bytes);
  return decoded !== null && !/[\u0000-\u0008\u000e-\u001f\u007f\ufffd]/.test(decoded.text);
}

// ---------------------------------------------------------------------------------------------
// Reading

async function extract(kind: Detected, bytes: Uint8Array, name: string, options: ReadOptions): Promise<ExtractResult> {
  if ('error' in kind) return { ok: false, error: kind.error };
  const result = await extractWith(kind, bytes, name, options);
  return result.ok ? { ok: true, document: checkExtracted(result.document, name) } : result;
}

async function extractWith(kind: Exclude<Detected, { error: ReadError }>, bytes: Uint8Array, name: string, options: ReadOptions): Promise<ExtractResult> {
  try {
    switch (kind.format) {
      case 'pdf':
        return await readPdf(bytes, name, options.ocr, options.onPage);
      case 'docx':
        // An encrypted package goes to the Word reader too: it reports 'encrypted' in its words.
        return await readDocx(bytes, name, { maxUncompressedBytes: options.maxUncompressedBytes, ocr: options.ocr });
      case 'doc':
        return await readDoc(bytes, name);
      case 'txt':
        return readTxt(bytes, name);
      case 'xlsx':
        return await readXlsx(bytes, name, options.ocr);
      case 'ofd':
        return await readOfd(bytes, name, options.ocr, options.onPage);
      case 'image':
        return await readImage(bytes, name, kind.kind, options.ocr);
    }
  } catch (error) {
    // Readers return errors as values; this is a reader bug, still reported, never a crash. The
    // library's own (English) words go to the debug log only.
    debugLog(`reading ${name}`, error);
    return { ok: false, error: { code: 'unreadable', message: `无法读取「${name}」：读取时出现程序内部错误，请将此文件交技术人员检查。` } };
  }
}

// ---------------------------------------------------------------------------------------------
// Messages

function mismatch(name: string, ext: string, what: string): Detected {
  return {
    error: {
      code: 'unreadable',
      message: `无法读取「${name}」：文件扩展名为 ${ext}，但内容不是 ${what}（可能是改了扩展名的其他文件）。`,
    },
  };
}

function unsupported(name: string, why: string): Detected {
  return { error: { code: 'unsupported', message: `无法读取「${name}」：${why}。目前支持的格式：${SUPPORTED_FORMATS}。` } };
}

function startsWith(buf: Buffer, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => buf[i] === b);
}
