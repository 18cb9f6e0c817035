// A limit on the characters of one block. No one writes a paragraph (or a PDF page) of tens of
// thousands of characters, but a hostile or broken file can hold one of millions, and parts of the
// engine look at a whole line or clause for each hit (the cost grows with hits × length). A longer
// block is cut into pieces, each reviewed in full: nothing is dropped. A cut falls after a sentence
// end where there is one near the limit, so a term is rarely split; the file is still flagged
// for a person, since a term or a number across a cut, or the place of a hit, may be misjudged.
import type { ExtractedDocument, ExtractWarning, TextBlock } from '../../shared/document-model';
import { PART_LABELS } from '../../shared/labels';

export const MAX_BLOCK_CHARS = 10_000;
/** How far before the limit a sentence end is looked for. */
const LOOK_BACK = 1_000;
const SENTENCE_END = /[。！？；!?;\n]/g;

export function splitLongBlocks(doc: ExtractedDocument, fileName: string, max = MAX_BLOCK_CHARS): ExtractedDocument {
  const long = doc.blocks.filter((b) => b.text.length > max);
  if (long.length === 0) return doc;
  const blocks = doc.blocks.flatMap((b) => (b.text.length > max ? pieces(b.text, max).map((text) => ({ ...b, text })) : [b]));
  return { ...doc, blocks, warnings: [...doc.warnings, splitWarning(long, fileName, max)] };
}

/** The text cut into pieces of at most `max` code units, after a sentence end where one is near. */
export function pieces(text: string, max: number): string[] {
  const out: string[] = [];
  let from = 0;
  while (text.length - from > max) {
    let cut = from + max;
    const window = text.slice(Math.max(from, cut - LOOK_BACK), cut);
    let lastEnd = -1;
    for (const m of window.matchAll(SENTENCE_END)) lastEnd = m.index;
    if (lastEnd >= 0) cut = cut - window.length + lastEnd + 1;
    // Never between the two halves of a surrogate pair.
    else if (isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
    out.push(text.slice(from, cut));
    from = cut;
  }
  out.push(text.slice(from));
  return out;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function splitWarning(long: readonly TextBlock[], fileName: string, max: number): ExtractWarning {
  const first = long[0];
  const where = first.page !== undefined ? `第${first.page}页` : `${PART_LABELS[first.part]}第${first.paragraph + 1}段`;
  const longest = long.reduce((n, b) => Math.max(n, b.text.length), 0);
  const count = long.length > 1 ? `共 ${long.length} 处（首处在${where}），最长 ${longest} 字` : `${where}有 ${longest} 字`;
  return {
    code: 'long-block',
    ...(first.page !== undefined ? { page: first.page } : {}),
    message: `「${fileName}」中有超长段落：${count}，超过每段 ${max} 字的上限，已分段全部审查；分段处前后的文字须人工核对。`,
  };
}
