// A second opinion on the body: mammoth reads the same document with its own, well-tried
// reader. Every letter or digit mammoth finds in the main document must also be in one of our
// blocks; if not, our walker missed some construct and a reviewer is told rather than the text
// silently vanishing from the scan.

import mammoth from 'mammoth';
import type { ExtractWarning, TextBlock } from '../../../shared/document-model';
import { TooLargeError, type BoundedZip } from './zip';

/** The zip interface mammoth accepts as `{ file }`, served from our size-limited reader. */
function asMammothZip(zip: BoundedZip) {
  return {
    exists: (name: string) => zip.has(name),
    read: async (name: string, encoding?: string) => {
      const bytes = await zip.bytes(name);
      if (bytes === undefined) throw new Error(`missing ${name}`);
      if (encoding === 'base64') return Buffer.from(bytes).toString('base64');
      return encoding ? new TextDecoder(encoding).decode(bytes) : bytes;
    },
    write: () => undefined,
    toArrayBuffer: () => Promise.reject(new Error('read-only')),
  };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const SAMPLE_LENGTH = 12;

export async function crossCheckBody(
  zip: BoundedZip,
  blocks: readonly TextBlock[],
  fileName: string,
): Promise<ExtractWarning | undefined> {
  let theirs: string;
  try {
    // mammoth's typings list only path/buffer inputs; its openZip also takes a ready zip `file`.
    const input = { file: asMammothZip(zip) } as unknown as Parameters<typeof mammoth.extractRawText>[0];
    theirs = (await mammoth.extractRawText(input)).value;
  } catch (err) {
    if (err instanceof TooLargeError) throw err;
    return undefined; // mammoth cannot read it but we could: nothing to compare against
  }
  const ours = new CharCounts();
  for (const b of blocks) if (b.part !== 'metadata' && b.part !== 'tracked-insertion') ours.add(b.text);
  const { missing, sample } = ours.takeAway(theirs, SAMPLE_LENGTH);
  if (missing === 0) return undefined;
  return {
    code: 'unread-text',
    message: `「${fileName}」中约有 ${missing} 个字符未能按段落读出（如“${sample}”），审查结果可能不完整，请人工核对原文。`,
  };
}

/**
 * How often each letter or digit occurs. Counted per code unit in a typed array (a body of ten
 * million characters as one-character strings in a Map, or in an array from String.match, costs
 * seconds and hundreds of megabytes); characters beyond the BMP go to a small map.
 */
class CharCounts {
  private readonly bmp = new Int32Array(0x10000);
  private readonly astral = new Map<number, number>();

  add(text: string): void {
    this.each(text, (c) => {
      if (c < 0x10000) this.bmp[c]++;
      else this.astral.set(c, (this.astral.get(c) ?? 0) + 1);
    });
  }

  /** Takes each letter or digit of `text` away; returns how many were not there, and the first few. */
  takeAway(text: string, sampleLength: number): { missing: number; sample: string } {
    let missing = 0;
    let sample = '';
    this.each(text, (c) => {
      const left = c < 0x10000 ? this.bmp[c] : (this.astral.get(c) ?? 0);
      if (left > 0) {
        if (c < 0x10000) this.bmp[c]--;
        else this.astral.set(c, left - 1);
      } else if (missing++ < sampleLength) sample += String.fromCodePoint(c);
    });
    return { missing, sample };
  }

  private each(text: string, visit: (codePoint: number) => void): void {
    const isWordUnit = wordUnits();
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const cp = text.codePointAt(i)!;
        if (cp > 0xffff) {
          i++;
          if (WORD_CHAR.test(String.fromCodePoint(cp))) visit(cp);
          continue;
        }
      }
      if (isWordUnit[c]) visit(c);
    }
  }
}

let wordUnitTable: Uint8Array | undefined;

/** 1 for each BMP code unit that is a letter or digit, worked out once. */
function wordUnits(): Uint8Array {
  if (!wordUnitTable) {
    wordUnitTable = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) if (WORD_CHAR.test(String.fromCharCode(c))) wordUnitTable[c] = 1;
  }
  return wordUnitTable;
}
