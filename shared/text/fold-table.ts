// One UTF-16 code unit in, one out: the character folding that matching sees.
// Folding is 1:1 so that every normalised position maps back to exactly one original position.
import TSCharacters from 'opencc-js/dict/TSCharacters';

/** Code units removed outright (zero-width marks that only hide a term from a naive search). */
const INVISIBLE = [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad];
/**
 * Code units treated as white space between characters. The tab is not one of them: readers put it
 * between the cells of a table row, and a term must never be made of the end of one cell and the
 * start of the next, so it stays in the normalised text as a boundary no term crosses.
 */
const SPACES = [0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000];
/** Star forms a classification mark may be written with, OCR slips included. */
const STARS = '★☆✩✪✫✬✭✮✯✰⭐＊*✱✲✳✴✵✶✷✸✹✺⋆';
const DASHES = '‐‑‒–—―−－﹣';

export const FOLD_REMOVED = 0xffff; // marker: the code unit is dropped
export const FOLD_SPACE = 0x20; // every space folds to this

/** A folded code unit that is an ASCII letter or digit: between two of these one space is kept. */
export function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);
}

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = c;
  // ASCII upper case to lower case: terms like VPN match vpn.
  for (let c = 0x41; c <= 0x5a; c++) table[c] = c + 0x20;
  // Full-width ASCII forms to their half-width forms (then lower case).
  for (let c = 0xff01; c <= 0xff5e; c++) {
    const half = c - 0xfee0;
    table[c] = half >= 0x41 && half <= 0x5a ? half + 0x20 : half;
  }
  for (const c of SPACES) table[c] = FOLD_SPACE;
  for (const c of INVISIBLE) table[c] = FOLD_REMOVED;
  for (const ch of STARS) table[ch.charCodeAt(0)] = 0x2605; // ★
  for (const ch of DASHES) table[ch.charCodeAt(0)] = 0x2d; // -
  table[0xff0e] = 0x2e; // full stop of full-width digits: ．
  table[0x3007] = 0x3007; // 〇 stays: it is a Chinese numeral, not a letter O
  addTraditionalToSimplified(table);
  return table;
}

/**
 * Traditional characters to simplified, from OpenCC's TSCharacters table (the real conversion data,
 * not a hand list). Only one-to-one BMP pairs are used; phrase-level conversion is not needed to match.
 */
function addTraditionalToSimplified(table: Uint16Array): void {
  for (const pair of TSCharacters.split('|')) {
    const [from, to] = pair.split(' ');
    if (!from || !to || from.length !== 1 || to.length !== 1) continue;
    const f = from.charCodeAt(0);
    if (table[f] !== f) continue; // never override the ASCII / width / star rules above
    table[f] = to.charCodeAt(0);
  }
}

let cached: Uint16Array | undefined;
/** Built once on first use (about 10 ms), shared by every scan. */
export function foldTable(): Uint16Array {
  return (cached ??= buildFoldTable());
}
