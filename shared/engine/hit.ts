// A finding before it is written out: the finding plus the block it came from, which aggregation
// and de-duplication need.
import type { TextBlock } from '../document-model';
import type { Finding } from '../findings';

export interface Hit {
  readonly finding: Finding;
  readonly block: TextBlock;
  readonly blockIndex: number;
}

const CONTEXT_CHARS = 20;

/** Up to 20 characters either side, white space runs shown as one space. */
export function contextOf(text: string, start: number, end: number): string {
  return text.slice(Math.max(0, start - CONTEXT_CHARS), Math.min(text.length, end + CONTEXT_CHARS)).replace(/\s+/g, ' ');
}

/** Location fields of a finding at [start, end) of a block. */
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
  };
}
