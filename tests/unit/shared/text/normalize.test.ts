import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../scripts/lib/seeded-random';
import { normalizeTerm, normalizeText, toOriginalSpan } from '../../../../shared/text/normalize';

/** The normalised text and its origin map, as plain arrays for readable assertions. */
function norm(original: string): { text: string; origin: number[] } {
  const n = normalizeText(original);
  return { text: n.text, origin: Array.from(n.origin) };
}

/** The original substring a normalised span [start, end) stands for. */
function originalOf(original: string, start: number, end: number): string {
  const span = toOriginalSpan(normalizeText(original), start, end);
  return original.slice(span.start, span.end);
}

describe('normalizeText: character folding', () => {
  it('folds full-width digits to ASCII digits, one to one', () => {
    expect(norm('２２０１')).toEqual({ text: '2201', origin: [0, 1, 2, 3] });
    expect(norm('编号２２０１号')).toEqual({ text: '编号2201号', origin: [0, 1, 2, 3, 4, 5, 6] });
  });

  it('folds full-width letters to lower-case ASCII', () => {
    expect(norm('ＡＢｃ')).toEqual({ text: 'abc', origin: [0, 1, 2] });
  });

  it('lower-cases ASCII upper case', () => {
    expect(norm('VPN账号Ab')).toEqual({ text: 'vpn账号ab', origin: [0, 1, 2, 3, 4, 5, 6] });
  });

  it('turns traditional characters into simplified ones', () => {
    expect(norm('機密')).toEqual({ text: '机密', origin: [0, 1] });
    expect(norm('國家')).toEqual({ text: '国家', origin: [0, 1] });
    expect(norm('國家機密文件').text).toBe('国家机密文件');
  });

  it('leaves simplified text and 〇 as they are', () => {
    expect(norm('二〇二四年机密').text).toBe('二〇二四年机密');
  });

  it('folds star forms to ★', () => {
    expect(norm('机密☆5年').text).toBe('机密★5年');
    expect(norm('机密＊5年').text).toBe('机密★5年');
    expect(norm('机密*5年').text).toBe('机密★5年');
    expect(norm('☆＊*★')).toEqual({ text: '★★★★', origin: [0, 1, 2, 3] });
  });

  it('folds dash forms to -', () => {
    expect(norm('138—1234–5678－0')).toEqual({
      text: '138-1234-5678-0',
      origin: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14],
    });
    expect(norm('a‐b‑c−d').text).toBe('a-b-c-d');
  });

  it('drops zero-width characters and the soft hyphen, keeping origins of the rest', () => {
    expect(norm('机\u200b密')).toEqual({ text: '机密', origin: [0, 2] });
    expect(norm('\ufeff机\u200c\u200d密\u2060文\u00ad件')).toEqual({ text: '机密文件', origin: [1, 4, 6, 8] });
    // A zero-width mark between two digits does not become a space.
    expect(norm('12\u200b34')).toEqual({ text: '1234', origin: [0, 1, 3, 4] });
  });
});

describe('normalizeText: white space', () => {
  it('removes white space between CJK characters', () => {
    expect(norm('绝 密 ★ 长 期')).toEqual({ text: '绝密★长期', origin: [0, 2, 4, 6, 8] });
  });

  it('removes line breaks and ideographic spaces between CJK characters too', () => {
    expect(norm('绝\n密')).toEqual({ text: '绝密', origin: [0, 2] });
    expect(norm('绝\r\n密 ★\u3000长  期')).toEqual({ text: '绝密★长期', origin: [0, 3, 5, 7, 10] });
  });

  it('keeps a tab (the edge of a table cell) so that no term is made of two cells', () => {
    expect(norm('内部\t资料')).toEqual({ text: '内部\t资料', origin: [0, 1, 2, 3, 4] });
    expect(norm('139 \t 4431')).toEqual({ text: '139\t4431', origin: [0, 1, 2, 4, 6, 7, 8, 9] });
  });

  it('removes white space between CJK and ASCII', () => {
    expect(norm('机密 2024')).toEqual({ text: '机密2024', origin: [0, 1, 3, 4, 5, 6] });
    expect(norm('2024 年')).toEqual({ text: '2024年', origin: [0, 1, 2, 3, 5] });
  });

  it('keeps one space between two ASCII digits', () => {
    expect(norm('139 4431')).toEqual({ text: '139 4431', origin: [0, 1, 2, 3, 4, 5, 6, 7] });
  });

  it('collapses a run of spaces between ASCII alphanumerics into one, at the run start', () => {
    expect(norm('139   4431')).toEqual({ text: '139 4431', origin: [0, 1, 2, 3, 6, 7, 8, 9] });
    expect(norm('ab \n\u3000 cd')).toEqual({ text: 'ab cd', origin: [0, 1, 2, 6, 7] });
  });

  it('keeps a space between full-width digits (they are ASCII after folding)', () => {
    expect(norm('１ ２')).toEqual({ text: '1 2', origin: [0, 1, 2] });
  });

  it('drops a space next to punctuation and leading/trailing white space', () => {
    expect(norm('  12 , 34  ')).toEqual({ text: '12,34', origin: [2, 3, 5, 7, 8] });
    expect(norm(' \n ').text).toBe('');
  });

  it('keeps the space when only a zero-width mark separates it from a digit', () => {
    expect(norm('1 \u200b2')).toEqual({ text: '1 2', origin: [0, 1, 3] });
  });

  it('keeps one original offset per normalised code unit', () => {
    const n = normalizeText('機 密 Ａ1');
    expect(n.text).toBe('机密a1');
    expect([...n.origin]).toEqual([0, 2, 4, 5]);
  });

  it('keeps non-BMP characters as their two code units', () => {
    expect(norm('𠮷 𠮷')).toEqual({ text: '𠮷𠮷', origin: [0, 1, 3, 4] });
  });
});

describe('toOriginalSpan', () => {
  it('maps the span of 绝密★长期 back to the whole spaced original', () => {
    const original = '绝 密 ★ 长 期';
    const n = normalizeText(original);
    expect(n.text).toBe('绝密★长期');
    expect(toOriginalSpan(n, 0, 5)).toEqual({ start: 0, end: 9 });
    expect(originalOf(original, 0, 5)).toBe('绝 密 ★ 长 期');
  });

  it('maps a span inside a longer text to exactly its original substring', () => {
    const original = '标题\n機 密\n文件☆长期。';
    // normalised: 标题机密文件★长期。
    expect(normalizeText(original).text).toBe('标题机密文件★长期。');
    expect(originalOf(original, 2, 6)).toBe('機 密\n文件');
    expect(originalOf(original, 6, 9)).toBe('☆长期');
  });

  it('maps across a collapsed space run between digits', () => {
    const original = '电话 139   4431 止';
    // normalised: 电话139 4431止
    expect(normalizeText(original).text).toBe('电话139 4431止');
    expect(originalOf(original, 2, 10)).toBe('139   4431');
    expect(originalOf(original, 6, 10)).toBe('4431');
  });

  it('does not include zero-width marks beyond the span end', () => {
    expect(originalOf('机密\u200b\u200b文', 0, 2)).toBe('机密');
    expect(originalOf('机\u200b密', 0, 2)).toBe('机\u200b密');
  });

  it('maps single-unit spans of full-width text to their own character', () => {
    const original = 'ＡＢ２';
    expect(originalOf(original, 1, 2)).toBe('Ｂ');
    expect(toOriginalSpan(normalizeText(original), 2, 3)).toEqual({ start: 2, end: 3 });
  });
});

describe('normalizeTerm', () => {
  it('normalises a term the same way as text', () => {
    expect(normalizeTerm('機 密★５年')).toBe('机密★5年');
    expect(normalizeTerm('VPN 2')).toBe('vpn 2');
  });
});

// An independent reference for a small alphabet, written from the rules in the header comment:
// fold each character, drop invisible ones, and keep one space (at the first white space of a run)
// only between two ASCII letters or digits; a tab is a character of its own.
const REF_FOLD: Record<string, string> = {
  a: 'a', B: 'b', '1': '1', '２': '2', 機: '机', 密: '密', '☆': '★', '★': '★', '—': '-', ',': ',', '\t': '\t',
};
const REF_SPACE = new Set([' ', '\n', '\u3000']);
const REF_REMOVED = new Set(['\u200b', '\ufeff']);
const isAlnum = (c: string | undefined) => c !== undefined && /^[0-9a-z]$/.test(c);

function referenceNormalize(original: string): { text: string; origin: number[] } {
  let text = '';
  const origin: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const ch = original[i];
    if (REF_REMOVED.has(ch)) continue;
    if (REF_SPACE.has(ch)) {
      // Start of a white-space run (possibly with invisible marks in it)?
      let k = i - 1;
      while (k >= 0 && REF_REMOVED.has(original[k])) k--;
      if (k >= 0 && REF_SPACE.has(original[k])) continue;
      let j = i + 1;
      while (j < original.length && (REF_SPACE.has(original[j]) || REF_REMOVED.has(original[j]))) j++;
      const next = j < original.length ? REF_FOLD[original[j]] : undefined;
      if (isAlnum(text[text.length - 1]) && isAlnum(next)) {
        text += ' ';
        origin.push(i);
      }
      continue;
    }
    text += REF_FOLD[ch];
    origin.push(i);
  }
  return { text, origin };
}

describe('normalizeText against a reference on random text', () => {
  const alphabet = [...Object.keys(REF_FOLD), ...REF_SPACE, ...REF_REMOVED];

  it('gives the same text and origins as the reference', () => {
    const rand = mulberry32(20240611);
    for (let round = 0; round < 500; round++) {
      const len = Math.floor(rand() * 25);
      let s = '';
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
      expect(norm(s), JSON.stringify(s)).toEqual(referenceNormalize(s));
    }
  });

  it('maps every span not bounded by a space back to an original substring that normalises to the span', () => {
    const rand = mulberry32(7);
    for (let round = 0; round < 200; round++) {
      let s = '';
      for (let i = 0; i < 20; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
      const n = normalizeText(s);
      for (let a = 0; a < n.text.length; a++) {
        for (let b = a + 1; b <= n.text.length; b++) {
          if (n.text[a] === ' ' || n.text[b - 1] === ' ') continue;
          const span = toOriginalSpan(n, a, b);
          expect(normalizeText(s.slice(span.start, span.end)).text, JSON.stringify([s, a, b])).toBe(n.text.slice(a, b));
          expect(span.start).toBe(n.origin[a]);
          expect(span.end).toBe(n.origin[b - 1] + 1);
        }
      }
    }
  });
});
