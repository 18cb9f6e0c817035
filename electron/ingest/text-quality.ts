// Whether extracted text reads as text. A PDF whose font lacks what the reader needs (a CID font
// without a descriptor, a missing ToUnicode map) decodes to control characters, stray symbols and
// spacing accents; a broken encoding gives U+FFFD or private-use code points. Scanned as it is,
// such a page yields no finding and would pass, while the page a person sees may say 机密★5年.
// So each page (PDF) or part (Word, text) whose characters are too often outside what written
// text is made of gets a warning that sends it to a person.
import type { ExtractedDocument, ExtractWarning, Part, TextBlock } from '../../shared/document-model';
import { PART_LABELS } from '../../shared/labels';

/** Below this many non-space characters a share says nothing (a page number, a lone symbol). */
export const MIN_CHARACTERS = 20;
/** More than this share of odd characters and the text is taken as not extracted correctly. */
export const MAX_ODD_SHARE = 0.1;

/**
 * Characters written text is made of besides ASCII and the CJK block (handled in the fast path):
 * letters and marks of any script (CJK, Latin, but also Cyrillic, Hebrew, Arabic, Thai: real text,
 * which a reviewer may meet in an appendix), digits and numerals, punctuation, and the symbols
 * documents use (★, ①, ℃, →, ×, ≤, ■, box drawing in text tables). What stays out is what broken
 * decoding produces: control characters, spacing accents and modifier symbols (˘ ˛ ¯ ¨), other
 * stray symbols, U+FFFD, private-use and unassigned code points.
 */
const TEXT_CHARACTER =
  /[\p{L}\p{M}\p{N}\p{P}\p{Zs}\u3000-\u303f\u3200-\u33ff\ufe30-\ufe4f\uff00-\uffef\u2100-\u22ff\u2460-\u27bf°±×÷§©®¥£€¢\u02c7\u02c9]/u;

export interface TextStats {
  /** Characters other than white space. */
  readonly characters: number;
  /** Of those, characters that written text is not made of (see isOdd). */
  readonly odd: number;
}

export function textStats(texts: Iterable<string>): TextStats {
  let characters = 0;
  let odd = 0;
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0x3000) continue;
      characters++;
      if ((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff)) continue; // ASCII, CJK: the common case
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
          i++;
        }
      }
      if (isOdd(c)) odd++;
    }
  }
  return { characters, odd };
}

/** Control characters, U+FFFD, lone surrogates, and anything outside TEXT_CHARACTER. */
export function isOdd(codePoint: number): boolean {
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0) || codePoint === 0xfffd) return true;
  return !TEXT_CHARACTER.test(String.fromCodePoint(codePoint));
}

export function looksGarbled(stats: TextStats): boolean {
  return stats.characters >= MIN_CHARACTERS && stats.odd > stats.characters * MAX_ODD_SHARE;
}

/** A warning for each PDF page, and each part of other files, whose text does not read as text. */
export function garbledTextWarnings(doc: ExtractedDocument, fileName: string): ExtractWarning[] {
  const warnings: ExtractWarning[] = [];
  for (const [key, blocks] of unitsOf(doc.blocks)) {
    if (!looksGarbled(textStats(blocks.map((b) => b.text)))) continue;
    const page = blocks[0].page;
    warnings.push(
      typeof key === 'number' && page !== undefined
        ? { code: 'garbled-text', page, message: `第${page}页文字无法正确提取，须人工核对或 OCR。` }
        : {
            code: 'garbled-text',
            message: `「${fileName}」的${PART_LABELS[blocks[0].part]}文字无法正确提取（多为乱码或无法识别的字符），须人工核对原文。`,
          },
    );
  }
  return warnings;
}

/** PDF body text by page, everything else by part: the unit a person is sent to look at. */
function unitsOf(blocks: readonly TextBlock[]): Map<number | Part, TextBlock[]> {
  const units = new Map<number | Part, TextBlock[]>();
  for (const block of blocks) {
    const key = block.part === 'body' && block.page !== undefined ? block.page : block.part;
    const list = units.get(key);
    if (list) list.push(block);
    else units.set(key, [block]);
  }
  return units;
}
