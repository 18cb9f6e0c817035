// The lines of one block of text (a PDF page holds many; a Word paragraph or a text-file line one),
// indexed once, so that finding the line of an offset costs a binary search, not a scan from the
// start of the block for every hit (which grows with the square of a long block).

export class BlockLines {
  /** Offset where each line starts. */
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get count(): number {
    return this.starts.length;
  }

  /** 0-based line holding `offset`. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  start(line: number): number {
    return this.starts[line];
  }

  /** End of the line, before its '\n'. */
  end(line: number): number {
    return line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
  }

  line(index: number): string {
    return this.text.slice(this.start(index), this.end(index));
  }
}
