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

const WORD_CHAR = /[\p{L}\p{N}]/gu;
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
  const ours = countChars(
    blocks.filter((b) => b.part !== 'metadata' && b.part !== 'tracked-insertion').map((b) => b.text).join(''),
  );
  const missing: string[] = [];
  for (const ch of theirs.match(WORD_CHAR) ?? []) {
    const left = ours.get(ch) ?? 0;
    if (left > 0) ours.set(ch, left - 1);
    else missing.push(ch);
  }
  if (missing.length === 0) return undefined;
  return {
    code: 'unread-text',
    message: `「${fileName}」中约有 ${missing.length} 个字符未能按段落读出（如“${missing
      .slice(0, SAMPLE_LENGTH)
      .join('')}”），审查结果可能不完整，请人工核对原文。`,
  };
}

function countChars(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text.match(WORD_CHAR) ?? []) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}
