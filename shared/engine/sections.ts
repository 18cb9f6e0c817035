// Sections of the body for aggregation scoring: a new section starts at a heading, or at a
// paragraph numbered the way Chinese official documents number their parts (一、 第二章 …).
import type { TextBlock } from '../document-model';

const SECTION_START = /^\s*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十百]+[章节部分条])/;

/** Section number of every block (same index); blocks outside the body get -1. */
export function sectionsOf(blocks: readonly TextBlock[]): Int32Array {
  const out = new Int32Array(blocks.length).fill(-1);
  let section = 0;
  let sawText = false;
  blocks.forEach((b, i) => {
    if (b.part !== 'body') return;
    const starts = b.heading !== undefined || (b.table === undefined && SECTION_START.test(b.text));
    if (starts && sawText) section++;
    sawText = true;
    out[i] = section;
  });
  return out;
}
