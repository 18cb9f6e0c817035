import { beforeAll, describe, expect, it } from 'vitest';
import { WordBoundaries, type Segmenter } from '../../../../shared/engine/word-boundary';
import { jiebaSegmenter, warmSegmenter } from '../../../../electron/segment/jieba-segmenter';

/** A segmenter that returns the given words whatever the text. */
const fixed = (...words: string[]): Segmenter => () => words;

/** Whether `term` at its first occurrence in `text` stands as a word. */
function termIsWord(text: string, term: string, segment: Segmenter): boolean {
  const start = text.indexOf(term);
  if (start < 0) throw new Error(`${term} not in ${text}`);
  return new WordBoundaries(text, segment).isWord(start, start + term.length);
}

describe('WordBoundaries with a hand-written segmenter', () => {
  it('rejects a hit that starts inside a word (机密 in 有机/密封)', () => {
    const wb = new WordBoundaries('有机密封', fixed('有机', '密封'));
    expect(wb.isWord(1, 3)).toBe(false);
  });

  it('rejects a hit that starts inside a word (国安 in 全国/安全)', () => {
    expect(termIsWord('全国安全生产', '国安', fixed('全国', '安全', '生产'))).toBe(false);
  });

  it('accepts a hit at the start of one longer word (机密 in 机密文件)', () => {
    expect(termIsWord('涉及机密文件的', '机密', fixed('涉及', '机密文件', '的'))).toBe(true);
  });

  it('accepts a hit spanning several whole words (住建云专网 over 住/建/云/专网)', () => {
    expect(termIsWord('登录住建云专网', '住建云专网', fixed('登录', '住', '建', '云', '专网'))).toBe(true);
  });

  it('rejects a hit when a word beginning inside it runs on past its end', () => {
    // 机密 over 机/密封: starts at a word, but 密封 begins inside and ends after it.
    expect(termIsWord('机密封', '机密', fixed('机', '密封'))).toBe(false);
    // 青松工程 over 青松/工程师: 工程师 runs past the end.
    expect(termIsWord('青松工程师', '青松工程', fixed('青松', '工程师'))).toBe(false);
  });

  it('accepts a hit that ends where a word ends inside the hit', () => {
    expect(termIsWord('关于青松工程二期', '青松工程', fixed('关于', '青松', '工程', '二期'))).toBe(true);
  });

  it('accepts a hit that is exactly one word, also at the end of the text', () => {
    const wb = new WordBoundaries('有机密封', fixed('有机', '密封'));
    expect(wb.isWord(2, 4)).toBe(true);
    expect(wb.isWord(0, 2)).toBe(true);
    expect(wb.isWord(0, 4)).toBe(true);
  });

  it('stops trusting a segmenter that does not give the text back', () => {
    // The first word is right, the second is not the text: only offset 0 is a known word start.
    const wb = new WordBoundaries('有机密封', fixed('有机', '密码'));
    expect(wb.isWord(0, 2)).toBe(true);
    expect(wb.isWord(2, 4)).toBe(false);
    // Nothing right at all: no word starts anywhere.
    const none = new WordBoundaries('有机密封', fixed('无关'));
    expect(none.isWord(0, 2)).toBe(false);
  });
});

describe('WordBoundaries with jieba', () => {
  beforeAll(() => {
    warmSegmenter();
  });

  it('机密 in 本厅采购有机密封材料 is not a word', () => {
    expect(termIsWord('本厅采购有机密封材料', '机密', jiebaSegmenter)).toBe(false);
  });

  it('国安 in 今年六月为全国安全生产月 is not a word', () => {
    expect(termIsWord('今年六月为全国安全生产月', '国安', jiebaSegmenter)).toBe(false);
  });

  it('机密 in 涉及机密文件的 is a word', () => {
    expect(termIsWord('涉及机密文件的', '机密', jiebaSegmenter)).toBe(true);
  });

  it('青松工程 in 关于青松工程二期建设 is a word', () => {
    expect(termIsWord('关于青松工程二期建设', '青松工程', jiebaSegmenter)).toBe(true);
  });

  it('gives words that join back to the sentence', () => {
    const text = '本厅采购有机密封材料';
    expect(jiebaSegmenter(text).join('')).toBe(text);
  });
});
