import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../scripts/lib/seeded-random';
import { TermAutomaton } from '../../../../shared/match/term-automaton';

type Match = [start: number, end: number, term: number];

function scanOriginalAll(terms: readonly string[], text: string): Match[] {
  const out: Match[] = [];
  TermAutomaton.build(terms).scanOriginal(text, (s, e, t) => out.push([s, e, t]));
  return out;
}

/** Over text that folding leaves as it is (lower case, no spaces inside CJK): the plain Aho-Corasick search. */
const scanAll = scanOriginalAll;

/** The oracle: every (overlapping) occurrence of every non-empty term, by indexOf. */
function naive(terms: readonly string[], text: string): Match[] {
  const out: Match[] = [];
  terms.forEach((term, t) => {
    if (!term) return;
    for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) out.push([i, i + term.length, t]);
  });
  return out;
}

const sorted = (ms: Match[]): Match[] => [...ms].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);

function randomString(rand: () => number, alphabet: readonly string[], len: number): string {
  let s = '';
  for (let i = 0; i < len; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
  return s;
}

describe('TermAutomaton: the search', () => {
  it('finds overlapping terms he/she/his/hers', () => {
    const terms = ['he', 'she', 'his', 'hers'];
    const text = 'ushers ahishers';
    const found = scanAll(terms, text);
    expect(sorted(found)).toEqual(
      sorted([
        [1, 4, 1], // she
        [2, 4, 0], // he
        [2, 6, 3], // hers
        [8, 11, 2], // his
        [10, 13, 1], // she
        [11, 13, 0], // he
        [11, 15, 3], // hers
      ]),
    );
    expect(sorted(found)).toEqual(sorted(naive(terms, text)));
  });

  it('reports matches in order of end position', () => {
    const found = scanAll(['he', 'she', 'his', 'hers'], 'ushers ahishers');
    for (let i = 1; i < found.length; i++) expect(found[i][1]).toBeGreaterThanOrEqual(found[i - 1][1]);
  });

  it('finds a term that is a prefix or a suffix of another', () => {
    const terms = ['机密', '机密文件', '文件', '密文'];
    const text = '这是机密文件和机密';
    expect(sorted(scanAll(terms, text))).toEqual(
      sorted([
        [2, 4, 0],
        [2, 6, 1],
        [4, 6, 2],
        [3, 5, 3],
        [7, 9, 0],
      ]),
    );
  });

  it('reports duplicate terms under both indexes', () => {
    const terms = ['国安', '青松', '国安'];
    expect(sorted(scanAll(terms, '全国安全'))).toEqual([
      [1, 3, 0],
      [1, 3, 2],
    ]);
  });

  it('finds single-character terms, including repeated ones', () => {
    expect(sorted(scanAll(['密', 'a'], '密a密密'))).toEqual([
      [0, 1, 0],
      [1, 2, 1],
      [2, 3, 0],
      [3, 4, 0],
    ]);
  });

  it('finds terms with non-BMP characters by code-unit offsets', () => {
    const terms = ['𠮷', '𠮷野', '野𠮷'];
    const text = '𠮷野𠮷'; // code units: D842 DFB7 91CE D842 DFB7
    expect(text.length).toBe(5);
    expect(sorted(scanAll(terms, text))).toEqual(
      sorted([
        [0, 2, 0],
        [0, 3, 1],
        [3, 5, 0],
        [2, 5, 2],
      ]),
    );
  });

  it('finds nothing with an empty term list, and ignores empty terms', () => {
    expect(scanAll([], '机密文件')).toEqual([]);
    expect(scanAll([''], '机密文件')).toEqual([]);
    expect(scanAll(['', '文件'], '机密文件')).toEqual([[2, 4, 1]]);
    expect(scanAll(['机密'], '')).toEqual([]);
  });

  it('agrees with the naive oracle on random texts and a few hundred random terms', () => {
    const alphabet = ['a', 'b', 'c', '机', '𠮷'];
    for (const seed of [1, 2, 3, 4, 5]) {
      const rand = mulberry32(seed);
      const terms: string[] = [];
      for (let i = 0; i < 300; i++) terms.push(randomString(rand, alphabet, 1 + Math.floor(rand() * 6)));
      const text = randomString(rand, alphabet, 3000);
      const expected = sorted(naive(terms, text));
      expect(expected.length).toBeGreaterThan(1000); // the test has something to compare
      expect(sorted(scanAll(terms, text))).toEqual(expected);
    }
  });

  it('agrees with the naive oracle on a binary alphabet with many nested terms', () => {
    const rand = mulberry32(99);
    const terms: string[] = [];
    for (let i = 0; i < 400; i++) terms.push(randomString(rand, ['x', 'y'], 1 + Math.floor(rand() * 10)));
    const text = randomString(rand, ['x', 'y', 'z'], 2000);
    expect(sorted(scanAll(terms, text))).toEqual(sorted(naive(terms, text)));
  });
});

describe('TermAutomaton: folding on the way (scanOriginal)', () => {
  it('agrees with scan on text that normalisation leaves alone', () => {
    const alphabet = ['a', 'b', '机', '密', '𠮷'];
    const rand = mulberry32(42);
    const terms: string[] = [];
    for (let i = 0; i < 300; i++) terms.push(randomString(rand, alphabet, 1 + Math.floor(rand() * 5)));
    const text = randomString(rand, alphabet, 3000);
    const expected = sorted(naive(terms, text));
    expect(sorted(scanOriginalAll(terms, text))).toEqual(expected);
  });

  it('reports original offsets through traditional forms, spaces and line breaks', () => {
    const text = '见機 密\n文件。';
    expect(scanOriginalAll(['机密文件'], text)).toEqual([[1, 7, 0]]);
    expect(text.slice(1, 7)).toBe('機 密\n文件');
  });

  it('reports original offsets through full width, case, stars and zero-width marks', () => {
    const text = '绝\u200b密☆长期，ＶＰＮ账号';
    expect(sorted(scanOriginalAll(['绝密★长期', 'vpn'], text))).toEqual([
      [0, 6, 0],
      [7, 10, 1],
    ]);
  });

  it('matches 机密 in 机 密 but not 12 in 1 2', () => {
    expect(scanOriginalAll(['机密'], '机 密')).toEqual([[0, 3, 0]]);
    expect(scanOriginalAll(['12'], '1 2')).toEqual([]);
    expect(scanOriginalAll(['12'], '1\n2')).toEqual([]);
    expect(scanOriginalAll(['12'], '1\u200b2')).toEqual([[0, 3, 0]]);
    // Between a digit and a CJK character the space goes, so the term does match.
    expect(scanOriginalAll(['1号'], '1 号')).toEqual([[0, 3, 0]]);
  });

  it('matches a term holding the one kept space across a run of white space', () => {
    expect(scanOriginalAll(['139 4431'], '电话139 \n 4431')).toEqual([[2, 12, 0]]);
    expect(scanOriginalAll(['139 4431'], '电话1394431')).toEqual([]);
  });

  // Independent reference for the folding, for a small alphabet (see normalize.ts's header comment).
  const FOLD: Record<string, string> = { a: 'a', A: 'a', '1': '1', '２': '2', '2': '2', 機: '机', 机: '机', 密: '密', '☆': '★', '★': '★' };
  const SPACE = new Set([' ', '\n', '\u3000']);
  const REMOVED = new Set(['\u200b']);
  const alnum = (c: string | undefined) => c !== undefined && /^[0-9a-z]$/.test(c);

  function referenceNormalize(original: string): { text: string; origin: number[] } {
    let text = '';
    const origin: number[] = [];
    let pending = -1;
    for (let i = 0; i < original.length; i++) {
      const ch = original[i];
      if (REMOVED.has(ch)) continue;
      if (SPACE.has(ch)) {
        if (pending < 0) pending = i;
        continue;
      }
      const f = FOLD[ch];
      if (pending >= 0 && alnum(text[text.length - 1]) && alnum(f)) {
        text += ' ';
        origin.push(pending);
      }
      pending = -1;
      text += f;
      origin.push(i);
    }
    return { text, origin };
  }

  it('agrees with a naive search over a reference normalisation on random folded text', () => {
    const textAlphabet = [...Object.keys(FOLD), ...SPACE, ...REMOVED];
    const termAlphabet = ['a', '1', '2', '机', '密', '★'];
    for (const seed of [11, 12, 13]) {
      const rand = mulberry32(seed);
      const terms: string[] = [];
      for (let i = 0; i < 300; i++) {
        let t = randomString(rand, termAlphabet, 1 + Math.floor(rand() * 5));
        // Now and then a term holds the one space normalisation keeps between two alphanumerics.
        if (rand() < 0.2) t = `${randomString(rand, ['a', '1', '2'], 1 + Math.floor(rand() * 2))} ${randomString(rand, ['a', '1', '2'], 1 + Math.floor(rand() * 2))}`;
        terms.push(t);
      }
      const text = randomString(rand, textAlphabet, 3000);
      const ref = referenceNormalize(text);
      const expected = sorted(naive(terms, ref.text).map(([s, e, t]): Match => [ref.origin[s], ref.origin[e - 1] + 1, t]));
      expect(expected.length).toBeGreaterThan(500);
      expect(sorted(scanOriginalAll(terms, text))).toEqual(expected);
    }
  });

  it('finds nothing with an empty term list', () => {
    expect(scanOriginalAll([], '机密 文件 1 2')).toEqual([]);
  });
});
