// Turns the positioned text pieces pdfjs gives for one page into lines in reading order.
// pdfjs returns pieces in content-stream order, which is whatever order the producing program
// drew them in (a table may be drawn column by column, a header last). A reviewer, and the
// engine looking for a number or a term, needs the text as it is seen: lines top to bottom,
// pieces left to right.

/** One text piece in page coordinates with y growing downwards (pdfjs viewport space). */
export interface PlacedText {
  readonly str: string;
  /** Left edge of the piece. */
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  /** Advance width along x. */
  readonly width: number;
  /** Font height; for a piece with no usable size, 0. */
  readonly fontSize: number;
}

interface Line {
  /** Baseline of the first piece put on the line: later pieces are compared to it. */
  readonly y: number;
  fontSize: number;
  readonly pieces: PlacedText[];
}

/** Pieces whose baselines differ by less than this share a line (× font height). */
const SAME_LINE = 0.5;
/** A horizontal gap wider than this (× font height) between two pieces becomes a space. */
const WORD_GAP = 0.25;

/** The page's text: lines joined with '\n', pieces on a line joined with at most one space. */
export function layoutPageText(pieces: readonly PlacedText[]): string {
  return groupIntoLines(pieces)
    .map(joinLine)
    .filter((line) => line.trim() !== '')
    .join('\n');
}

function groupIntoLines(pieces: readonly PlacedText[]): Line[] {
  const lines: Line[] = [];
  // Top to bottom; a stable sort keeps stream order among pieces on exactly one baseline.
  const sorted = pieces.filter((p) => p.str !== '').sort((a, b) => a.y - b.y);
  for (const piece of sorted) {
    const line = lines[lines.length - 1];
    const size = Math.max(piece.fontSize, line?.fontSize ?? 0, 1);
    if (line && Math.abs(piece.y - line.y) <= size * SAME_LINE) {
      line.pieces.push(piece);
      line.fontSize = Math.max(line.fontSize, piece.fontSize);
    } else {
      lines.push({ y: piece.y, fontSize: piece.fontSize, pieces: [piece] });
    }
  }
  return lines;
}

function joinLine(line: Line): string {
  const pieces = [...line.pieces].sort((a, b) => a.x - b.x);
  let text = '';
  let previous: PlacedText | undefined;
  for (const piece of pieces) {
    const size = Math.max(piece.fontSize, previous?.fontSize ?? 0, 1);
    if (previous && isOverprint(previous, piece, size)) continue;
    const isSpace = piece.str.trim() === '';
    const endsWithSpace = text === '' || /\s$/.test(text);
    if (isSpace) {
      // pdfjs reports a drawn space as its own piece; keep one space, never a run of them.
      if (!endsWithSpace) text += ' ';
    } else {
      const gap = previous ? piece.x - (previous.x + previous.width) : 0;
      if (gap > size * WORD_GAP && !endsWithSpace) text += ' ';
      text += piece.str;
    }
    previous = piece;
  }
  return text.trim();
}

/**
 * Fake bold: some programs draw the same text twice, a fraction of a point apart.
 * Reading both copies would double every character ("机机密密") and hide the term.
 */
function isOverprint(previous: PlacedText, piece: PlacedText, size: number): boolean {
  return piece.str === previous.str && piece.str.trim() !== '' && Math.abs(piece.x - previous.x) < size * WORD_GAP;
}
