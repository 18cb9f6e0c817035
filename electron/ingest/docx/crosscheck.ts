// A second look at the body, independent of the story walker (story.ts): every letter or digit in
// any w:t element of the main document, wherever it stands and whatever wraps it, must also be in
// one of our blocks; if not, the walker missed some construct and a reviewer is told rather than
// the text silently vanishing from the scan. It walks the document the reader has already parsed
// (mammoth's extraction did this once, at the cost of reading the whole file a second time).
// Of an mc:AlternateContent (the same content offered several ways) the branch with the most
// letters counts, the fallback on a tie as mammoth read it: text only one branch holds is checked too.

import type { ExtractWarning, TextBlock } from '../../../shared/document-model';
import { elementChildren, isW, MC_NS, type XmlElement } from './xml';

const WORD_CHAR = /[\p{L}\p{N}]/u;
const SAMPLE_LENGTH = 12;
const ELEMENT_NODE = 1;

/** `document`: the main document's root element (w:document), as the reader parsed it. */
export function crossCheckBody(document: XmlElement, blocks: readonly TextBlock[], fileName: string): ExtractWarning | undefined {
  const theirs: string[] = [];
  collectText(document, theirs);
  const ours = new CharCounts();
  for (const b of blocks) if (b.part !== 'metadata' && b.part !== 'tracked-insertion') ours.add(b.text);
  const { missing, sample } = ours.takeAway(theirs.join(''), SAMPLE_LENGTH);
  if (missing === 0) return undefined;
  return {
    code: 'unread-text',
    message: `「${fileName}」中约有 ${missing} 个字符未能按段落读出（如“${sample}”），审查结果可能不完整，请人工核对原文。`,
  };
}

/** The text of every w:t under `node`, in document order, onto `out`. */
function collectText(node: XmlElement, out: string[]): void {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== ELEMENT_NODE) continue;
    const el = c as XmlElement;
    if (isW(el, 't')) out.push(el.textContent ?? '');
    else if (el.namespaceURI === MC_NS && el.localName === 'AlternateContent') out.push(fullestBranch(el));
    else collectText(el, out);
  }
}

function fullestBranch(alternatives: XmlElement): string {
  let best = '';
  let bestLetters = -1;
  for (const branch of elementChildren(alternatives)) {
    const pieces: string[] = [];
    collectText(branch, pieces);
    const text = pieces.join('');
    const letters = countWordChars(text);
    // Branches come Choice first, Fallback last: on a tie the later one wins.
    if (letters >= bestLetters) [best, bestLetters] = [text, letters];
  }
  return best;
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
    eachWordChar(text, (c) => {
      if (c < 0x10000) this.bmp[c]++;
      else this.astral.set(c, (this.astral.get(c) ?? 0) + 1);
    });
  }

  /** Takes each letter or digit of `text` away; returns how many were not there, and the first few. */
  takeAway(text: string, sampleLength: number): { missing: number; sample: string } {
    let missing = 0;
    let sample = '';
    eachWordChar(text, (c) => {
      const left = c < 0x10000 ? this.bmp[c] : (this.astral.get(c) ?? 0);
      if (left > 0) {
        if (c < 0x10000) this.bmp[c]--;
        else this.astral.set(c, left - 1);
      } else if (missing++ < sampleLength) sample += String.fromCodePoint(c);
    });
    return { missing, sample };
  }
}

/** Visits each letter or digit of `text`, by code point. */
function eachWordChar(text: string, visit: (codePoint: number) => void): void {
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

function countWordChars(text: string): number {
  let n = 0;
  eachWordChar(text, () => n++);
  return n;
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
