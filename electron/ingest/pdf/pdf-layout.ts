// Turns the positioned text pieces pdfjs gives for one page into lines in reading order.
// pdfjs returns pieces in content-stream order, which is whatever order the producing program
// drew them in (a table may be drawn column by column, a header last). A reviewer, and the
// engine looking for a number or a term, needs the text as it is seen: lines top to bottom,
// pieces left to right.

import type { Region } from '../../../shared/document-model';

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
/** A gap wider than this (× font height) may separate two table cells. */
const CELL_GAP = 1.5;
/** A cell's text wrapped onto the next line sits at most this far below (× font height). */
const WRAP_LINE = 1.7;
/** How far apart (× font height) a column's left edges may be on two lines and still be one column. */
const COLUMN_TOLERANCE = 1;

/** A run of text on a line between two wide gaps: one table cell, or a whole line of prose. */
interface Segment {
  readonly x0: number;
  x1: number;
  text: string;
  /** The pieces it is made of, each with its offset in `text`: where the text stands on the page. */
  readonly parts: Array<{ at: number; piece: PlacedText }>;
}

/** Of a piece's font height, the part above the baseline (a box starts that far above it). */
const ASCENT = 0.88;

interface LaidOutLine {
  readonly y: number;
  readonly fontSize: number;
  readonly segments: Segment[];
  /** Baseline of the lowest line joined into this one (its cells' wrapped text). */
  bottom: number;
  /** Part of a table: its cells are separated by tabs, so no term is made of two cells. */
  table: boolean;
}

/**
 * The page's text: lines joined with '\n'. On a line of prose, pieces are joined with at most one
 * space. Lines that are rows of a table (several cells whose columns line up with a neighbouring
 * line) get a tab between cells, and a cell's text that wraps onto the next line — a number split
 * over two lines of one cell — is joined back into its cell.
 */
export function layoutPageText(pieces: readonly PlacedText[]): string {
  return layoutPage(pieces).text;
}

/** The page's text, and where each piece of it stands on the page (for boxes over findings). */
export function layoutPage(pieces: readonly PlacedText[]): { text: string; regions: Region[] } {
  const lines = groupIntoLines(pieces).map(segmentsOf);
  markTableRows(lines);
  let text = '';
  const regions: Region[] = [];
  for (const line of joinWrappedCells(lines)) {
    const rendered = line.segments.map((s) => s.text).join(line.table ? '\t' : ' ');
    if (rendered.trim() === '') continue;
    if (text) text += '\n';
    let at = text.length;
    for (const segment of line.segments) {
      for (const { at: offset, piece } of segment.parts) {
        const size = piece.fontSize || 1;
        regions.push({
          start: at + offset,
          end: at + offset + piece.str.length,
          box: { x: piece.x, y: piece.y - size * ASCENT, width: piece.width, height: size },
        });
      }
      at += segment.text.length + 1;
    }
    text += rendered;
  }
  return { text, regions };
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

function segmentsOf(line: Line): LaidOutLine {
  const pieces = [...line.pieces].sort((a, b) => a.x - b.x);
  const segments: Segment[] = [];
  let current: Segment | undefined;
  let previous: PlacedText | undefined;
  for (const piece of pieces) {
    const size = Math.max(piece.fontSize, previous?.fontSize ?? 0, 1);
    if (previous && isOverprint(previous, piece, size)) continue;
    previous = piece;
    if (piece.str.trim() === '') {
      // pdfjs reports a drawn space as its own piece; keep one space, never a run of them.
      if (current && !/\s$/.test(current.text)) current.text += ' ';
      continue;
    }
    const gap = current ? piece.x - current.x1 : 0;
    if (!current || gap > size * CELL_GAP) {
      current = { x0: piece.x, x1: piece.x + piece.width, text: piece.str, parts: [{ at: 0, piece }] };
      segments.push(current);
      continue;
    }
    if (gap > size * WORD_GAP && !/\s$/.test(current.text)) current.text += ' ';
    current.parts.push({ at: current.text.length, piece });
    current.text += piece.str;
    current.x1 = Math.max(current.x1, piece.x + piece.width);
  }
  for (const s of segments) s.text = s.text.trim();
  return { y: line.y, bottom: line.y, fontSize: Math.max(line.fontSize, 1), segments, table: false };
}

/** Lines with two or more cells whose columns line up with those of a neighbouring line are table rows. */
function markTableRows(lines: LaidOutLine[]): void {
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i];
    if (a.segments.length < 2) continue;
    for (const j of [i + 1, i + 2]) {
      const b = lines[j];
      if (!b || b.segments.length < 2 || sharedColumns(a, b) < 2) continue;
      a.table = true;
      b.table = true;
      break;
    }
  }
}

/** How many cells of `a` start where a cell of `b` starts. */
function sharedColumns(a: LaidOutLine, b: LaidOutLine): number {
  const tolerance = COLUMN_TOLERANCE * Math.max(a.fontSize, b.fontSize);
  return a.segments.filter((s) => b.segments.some((t) => Math.abs(s.x0 - t.x0) <= tolerance)).length;
}

/**
 * A line right under a table row, with fewer cells, its first column empty, and each cell inside
 * one of the row's columns, continues that row's cells (220103197902 above 230057 is one ID number).
 */
function joinWrappedCells(lines: readonly LaidOutLine[]): LaidOutLine[] {
  const out: LaidOutLine[] = [];
  for (const line of lines) {
    const row = out[out.length - 1];
    const columns = row?.table ? continuedColumns(row, line) : undefined;
    if (!row || !columns) {
      out.push(line);
      continue;
    }
    line.segments.forEach((s, k) => {
      const cell = row.segments[columns[k]];
      const joined = joinWrapped(cell.text, s.text);
      const shift = joined.length - s.text.length;
      for (const part of s.parts) cell.parts.push({ at: part.at + shift, piece: part.piece });
      cell.text = joined;
      cell.x1 = Math.max(cell.x1, s.x1);
    });
    row.bottom = line.y;
  }
  return out;
}

/** For each cell of `next`, the column of `row` it continues; undefined when it is no continuation. */
function continuedColumns(row: LaidOutLine, next: LaidOutLine): number[] | undefined {
  if (next.segments.length === 0 || next.segments.length >= row.segments.length) return undefined;
  if (next.y - row.bottom > WRAP_LINE * row.fontSize) return undefined;
  const columns: number[] = [];
  for (const s of next.segments) {
    const matches = row.segments.map((c, k) => (s.x0 < c.x1 + row.fontSize * WORD_GAP && c.x0 - row.fontSize * WORD_GAP < s.x1 ? k : -1)).filter((k) => k >= 0);
    if (matches.length !== 1 || columns.includes(matches[0])) return undefined;
    columns.push(matches[0]);
  }
  return columns.includes(0) ? undefined : columns;
}

/** Wrapped text joins without a space between CJK characters or digits, with one between words. */
function joinWrapped(before: string, after: string): string {
  const last = before[before.length - 1] ?? '';
  const first = after[0] ?? '';
  const tight = /[\u3000-\u9fff\uff00-\uffef\d]/.test(last) && /[\u3000-\u9fff\uff00-\uffef\d]/.test(first);
  return tight ? before + after : `${before} ${after}`;
}

/**
 * Fake bold: some programs draw the same text twice, a fraction of a point apart.
 * Reading both copies would double every character ("机机密密") and hide the term.
 */
function isOverprint(previous: PlacedText, piece: PlacedText, size: number): boolean {
  return piece.str === previous.str && piece.str.trim() !== '' && Math.abs(piece.x - previous.x) < size * WORD_GAP;
}
