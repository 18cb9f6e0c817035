// Lazily computed views of one block that several stages read: its lines, its normalised text and
// the map back, its word boundaries, and (for a PDF page) which line breaks only wrap a sentence.
import type { TextBlock } from '../document-model';
import { normalizeText, type NormalizedText } from '../text/normalize';
import { BlockLines } from './block-lines';
import { CLAUSE_END, SENTENCE_END } from './role-cues';
import { WordBoundaries, type Segmenter } from './word-boundary';

/** How far a sentence is followed either way; a "sentence" of a million characters is not one. */
const MAX_SENTENCE_REACH = 400;
/** A PDF line this long (× the page's typical line) that does not end a sentence runs on. */
const FULL_LINE = 0.85;

export class BlockViews {
  private normalized?: NormalizedText;
  private inverse?: Int32Array;
  private words?: WordBoundaries;
  private lineIndex?: BlockLines;
  private softBreaks?: Set<number>;

  constructor(
    readonly block: TextBlock,
    private readonly segment: Segmenter | undefined,
  ) {}

  get norm(): NormalizedText {
    return (this.normalized ??= normalizeText(this.block.text));
  }

  get lines(): BlockLines {
    return (this.lineIndex ??= new BlockLines(this.block.text));
  }

  /** Whether the original span [start, end) stands as a word; true when no segmenter is at hand. */
  isWord(start: number, end: number): boolean {
    if (!this.segment) return true;
    const norm = this.norm;
    if (!this.inverse) {
      this.inverse = new Int32Array(this.block.text.length + 1).fill(-1);
      norm.origin.forEach((orig, i) => (this.inverse![orig] = i));
      this.words = new WordBoundaries(norm.text, this.segment);
    }
    const s = this.inverse[start];
    const e = this.inverse[end - 1];
    return s < 0 || e < 0 || this.words!.isWord(s, e + 1);
  }

  /** Whether `cue` occurs as a word in the original span [from, to), outside [skipFrom, skipTo). */
  hasWord(cue: string, from: number, to: number, skips: readonly (readonly [number, number])[]): boolean {
    const text = this.block.text;
    for (let i = text.indexOf(cue, from); i >= 0 && i + cue.length <= to; i = text.indexOf(cue, i + 1)) {
      if (skips.some(([s, e]) => i < e && s < i + cue.length)) continue;
      if (this.isWord(i, i + cue.length)) return true;
    }
    return false;
  }

  /**
   * The sentence around [start, end): up to a sentence end, a tab (a table cell's edge) or a line
   * break — except the line breaks of a PDF page that only wrap a sentence onto the next line.
   */
  sentence(start: number, end: number): { start: number; end: number } {
    return this.span(start, end, SENTENCE_END);
  }

  /** The clause around [start, end): the sentence, cut at commas and colons too. */
  clause(start: number, end: number): { start: number; end: number } {
    return this.span(start, end, CLAUSE_END);
  }

  private span(start: number, end: number, delimiter: RegExp): { start: number; end: number } {
    const text = this.block.text;
    let from = start;
    const low = Math.max(0, start - MAX_SENTENCE_REACH);
    while (from > low && !this.ends(from - 1, delimiter)) from--;
    let to = end;
    const high = Math.min(text.length, end + MAX_SENTENCE_REACH);
    while (to < high && !this.ends(to, delimiter)) to++;
    return { start: from, end: to };
  }

  private ends(i: number, delimiter: RegExp): boolean {
    const c = this.block.text[i];
    if (c === '\t') return true;
    if (c === '\n') return !this.isSoftBreak(i);
    return delimiter.test(c);
  }

  private isSoftBreak(newlineAt: number): boolean {
    if (this.block.page === undefined) return false;
    this.softBreaks ??= findSoftBreaks(this.lines);
    return this.softBreaks.has(newlineAt);
  }
}

/** Line breaks of a page that fall inside a sentence: after a full-width line that does not end one. */
function findSoftBreaks(lines: BlockLines): Set<number> {
  const lengths: number[] = [];
  for (let i = 0; i < lines.count; i++) lengths.push(lines.end(i) - lines.start(i));
  const long = lengths.filter((n) => n > 10).sort((a, b) => a - b);
  const typical = long.length ? long[Math.floor(long.length / 2)] : Infinity;
  const soft = new Set<number>();
  for (let i = 0; i + 1 < lines.count; i++) {
    const line = lines.line(i).trimEnd();
    if (lengths[i] >= typical * FULL_LINE && !/[。！？；：:!?;]$/.test(line) && !line.includes('\t')) soft.add(lines.end(i));
  }
  return soft;
}
