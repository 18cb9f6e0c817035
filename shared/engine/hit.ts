// A finding before it is written out: the finding plus the block it came from, which aggregation
// and de-duplication need.
import type { Box, TextBlock } from '../document-model';
import type { Finding } from '../findings';

export interface Hit {
  readonly finding: Finding;
  readonly block: TextBlock;
  readonly blockIndex: number;
}

const CONTEXT_CHARS = 20;
const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;

/**
 * Up to 20 characters either side, as a reviewer reads them: a line break or a space between two
 * Chinese characters disappears (a wrapped PDF line gives 防止泄露, not 防 止泄露), a tab between
 * table cells shows as a cell rule, any other run of white space as one space.
 */
export function contextOf(text: string, start: number, end: number): string {
  return readable(text.slice(Math.max(0, start - CONTEXT_CHARS), Math.min(text.length, end + CONTEXT_CHARS)));
}

export function readable(text: string): string {
  return text
    .replace(/[ \f\r\v\u00a0\u3000]*\t[\s]*/g, ' ｜ ')
    .replace(/\s+/g, (run, at: number, all: string) => (CJK.test(all[at - 1] ?? '') && CJK.test(all[at + run.length] ?? '') ? '' : ' '))
    .trim();
}

/** Location fields of a finding at [start, end) of a block; `line` is 0-based within the block. */
export function locate(block: TextBlock, start: number, end: number, line: number) {
  return {
    part: block.part,
    page: block.page,
    paragraph: block.paragraph,
    line: block.page !== undefined ? line + 1 : undefined,
    start,
    end,
    label: block.label,
    author: block.author,
    ...(block.regions ? boxOf(block, start, end) : {}),
  };
}

/**
 * The union of the boxes of the span within each region it overlaps. A region is a run of text (a
 * PDF text piece, an OCR word); the span's part of it is taken in proportion to its characters, so
 * a hit inside a long run is boxed where it stands, not as the whole run.
 */
function boxOf(block: TextBlock, start: number, end: number): { box?: Box } {
  const boxes = (block.regions ?? [])
    .filter((r) => r.start < end && start < r.end)
    .map((r) => {
      const length = r.end - r.start;
      const from = (Math.max(start, r.start) - r.start) / length;
      const to = (Math.min(end, r.end) - r.start) / length;
      return { ...r.box, x: r.box.x + r.box.width * from, width: r.box.width * (to - from) };
    });
  if (boxes.length === 0) return {};
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { box: { x, y, width: right - x, height: bottom - y } };
}
