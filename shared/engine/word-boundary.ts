// Whether a hit stands as a word of its sentence, judged against a Chinese word segmentation
// (nodejieba on the Node side; injected, since shared/ must not load native code).
//
// A hit is a word when it starts where a word starts, and no word that begins inside it runs on
// past its end. So 机密 in 有机/密封 is not a word (it starts inside 有机), 国安 in 全国/安全 is not,
// but 机密 in 机密文件 (one word that begins with the term) is, as is 住建云专网 over 住/建/云/专网.

/** Splits a sentence into words; the words joined give the sentence back. */
export type Segmenter = (text: string) => readonly string[];

export class WordBoundaries {
  private readonly starts: Uint8Array; // starts[i] = 1 where a word starts at offset i
  private readonly ends: Int32Array; // ends[i] = end of the word starting at i

  constructor(text: string, segment: Segmenter) {
    this.starts = new Uint8Array(text.length + 1);
    this.ends = new Int32Array(text.length + 1);
    let at = 0;
    for (const word of segment(text)) {
      if (!text.startsWith(word, at)) break; // a segmenter that does not give the text back: stop trusting it
      this.starts[at] = 1;
      this.ends[at] = at + word.length;
      at += word.length;
    }
    this.starts[text.length] = 1;
    this.ends[text.length] = text.length;
  }

  /** The decision for the span [start, end) of the original text. */
  isWord(start: number, end: number): boolean {
    if (!this.starts[start]) return false;
    for (let i = start + 1; i < end; i++) if (this.starts[i] && this.ends[i] > end) return false;
    return true;
  }
}
