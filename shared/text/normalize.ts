// Normalisation for matching: fold width, case, traditional forms, star and dash forms; drop white space
// inside runs of CJK text (a term broken by a space or a line break is still the term) but keep one
// space between two Latin letters or digits (two numbers side by side must not fuse into one). A tab
// (between table cells) is kept: no term is made of two cells.
// Every normalised code unit remembers the original offset it came from.
import { FOLD_REMOVED, FOLD_SPACE, foldTable, isAsciiAlnum } from './fold-table';

export interface NormalizedText {
  /** The normalised text, for the regular-expression rules (the automaton folds as it goes). */
  readonly text: string;
  /** `origin[i]` is the offset in the original text of normalised code unit i. */
  readonly origin: Int32Array;
}

const utf16 = new TextDecoder('utf-16le');

export function normalizeText(original: string): NormalizedText {
  const fold = foldTable();
  const n = original.length;
  const codes = new Uint16Array(n);
  const origin = new Int32Array(n);
  let len = 0;
  let pendingSpaceAt = -1; // original offset of the first space of a run not yet emitted
  for (let i = 0; i < n; i++) {
    const c = fold[original.charCodeAt(i)];
    if (c === FOLD_REMOVED) continue;
    if (c === FOLD_SPACE) {
      if (pendingSpaceAt < 0) pendingSpaceAt = i;
      continue;
    }
    if (pendingSpaceAt >= 0) {
      if (len > 0 && isAsciiAlnum(codes[len - 1]) && isAsciiAlnum(c)) {
        codes[len] = FOLD_SPACE;
        origin[len++] = pendingSpaceAt;
      }
      pendingSpaceAt = -1;
    }
    codes[len] = c;
    origin[len++] = i;
  }
  return { text: utf16.decode(codes.subarray(0, len)), origin: origin.subarray(0, len) };
}

/** Maps a normalised span [start, end) back to the original text's span. */
export function toOriginalSpan(norm: NormalizedText, start: number, end: number): { start: number; end: number } {
  const origStart = norm.origin[start];
  const last = norm.origin[end - 1];
  return { start: origStart, end: last + 1 };
}

/**
 * Normalises a dictionary term the same way the text is normalised, so both sides meet. The same
 * rules as normalizeText without the offset map: a 100,000-term dictionary normalises in milliseconds.
 */
export function normalizeTerm(term: string): string {
  const fold = foldTable();
  let out = '';
  let pendingSpace = false;
  let lastAlnum = false;
  for (let i = 0; i < term.length; i++) {
    const c = fold[term.charCodeAt(i)];
    if (c === FOLD_REMOVED) continue;
    if (c === FOLD_SPACE) {
      pendingSpace = true;
      continue;
    }
    const alnum = isAsciiAlnum(c);
    if (pendingSpace && lastAlnum && alnum) out += ' ';
    pendingSpace = false;
    lastAlnum = alnum;
    out += String.fromCharCode(c);
  }
  return out;
}
