// Plain text files: detect the encoding, then one `body` block per line.
// Chinese government text files are still often GB18030/GBK (Windows Notepad "ANSI"), so a
// file that is not valid UTF-8 is read as GB18030 rather than rejected.

import type { ExtractResult, TextBlock } from '../../shared/document-model';
import { baseName } from './file-name';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
}

/**
 * Decodes bytes that should be text, or returns null when they look binary.
 * Order: BOM (UTF-8, UTF-16 LE/BE), strict UTF-8, then GB18030. A NUL byte in a file
 * without a UTF-16 BOM means binary: no real 8-bit text file contains one.
 */
export function decodeText(bytes: Uint8Array): DecodedText | null {
  // With a BOM the file declares its encoding: a stray bad sequence becomes U+FFFD instead of
  // making the whole file unreadable.
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: decodeLoose('utf-8', bytes.subarray(3)), encoding: 'utf-8' };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: decodeLoose('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: decodeLoose('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  if (bytes.includes(0)) return null;
  const utf8 = decodeStrict('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const gb = decodeStrict('gb18030', bytes);
  return gb === null ? null : { text: gb, encoding: 'gb18030' };
}

/** Reads a text file into one `body` block per line (`paragraph` = line number - 1). */
export function readTxt(bytes: Uint8Array, fileName: string): ExtractResult {
  const decoded = decodeText(bytes);
  if (decoded === null) {
    return {
      ok: false,
      error: {
        code: 'unreadable',
        message: `无法读取「${baseName(fileName)}」：文件含有二进制内容，不是可识别的文本文件。`,
      },
    };
  }
  return { ok: true, document: { format: 'txt', blocks: lineBlocks(decoded.text), warnings: [] } };
}

/** Empty lines get no block but still count, so `paragraph + 1` is the line number. */
function lineBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  text.split(/\r\n|\r|\n|\u2028|\u2029/).forEach((line, index) => {
    if (line.trim() !== '') blocks.push({ part: 'body', text: line, paragraph: index });
  });
  return blocks;
}

function decodeLoose(encoding: TextEncodingName, bytes: Uint8Array): string {
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

function decodeStrict(encoding: string, bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: the caller has already stripped the BOM it recognised; keep any other as text.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}
