// Where a hit stands, which decides how strong the evidence is (GB/T 9704: marks stand in the first
// lines of the first page, alone on their line; the same words in running text are weaker).
import type { TextBlock } from '../document-model';

export interface Place {
  /** The first lines of the first page of the body. */
  readonly head: boolean;
  /** Nothing else on the line or paragraph but white space and punctuation. */
  readonly standalone: boolean;
  readonly header: boolean;
  readonly footer: boolean;
  /** 0-based line within the block (PDF pages hold many lines). */
  readonly line: number;
}

const HEAD_LINES = 3;
const FILLER = /[\s\p{P}\p{S}]/gu;

export function lineBounds(text: string, offset: number): { index: number; start: number; end: number } {
  let index = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    index++;
    start = i + 1;
  }
  const nl = text.indexOf('\n', offset);
  return { index, start, end: nl < 0 ? text.length : nl };
}

export function placeOf(block: TextBlock, start: number, end: number): Place {
  const line = lineBounds(block.text, start);
  const lineEnd = Math.max(line.end, lineBounds(block.text, Math.max(start, end - 1)).end);
  const rest = block.text.slice(line.start, start) + block.text.slice(end, lineEnd);
  const firstPage = block.page === undefined || block.page === 1;
  const lineNo = block.page === undefined ? block.paragraph + line.index : line.index;
  return {
    head: block.part === 'body' && firstPage && lineNo < HEAD_LINES && block.table === undefined,
    standalone: rest.replace(FILLER, '') === '',
    header: block.part === 'header',
    footer: block.part === 'footer',
    line: line.index,
  };
}
