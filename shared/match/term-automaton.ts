// Aho-Corasick over a double-array trie: finds every occurrence of every term in one pass, at a cost
// per character that does not grow with the number of terms. Terms and text must be normalised alike
// (../text/normalize.ts); the automaton only compares code units.
import { FOLD_REMOVED, FOLD_SPACE, foldTable, isAsciiAlnum } from '../text/fold-table';
import { buildAlphabet } from './alphabet';
import { DoubleArrayBuilder } from './double-array';

export class TermAutomaton {
  private constructor(
    /**
     * One record of four per state, side by side so that a step touches one cache line:
     * base, check, failure state, first state with an output along the failure chain (0: none).
     */
    private readonly records: Int32Array,
    /** Index of the first term ending at this state, or -1. */
    private readonly output: Int32Array,
    /** Next state with an output along the failure chain, or 0. */
    private readonly outputLink: Int32Array,
    /** Terms that are the same after normalisation share a state: termsAt lists them, nextSame chains them. */
    private readonly nextSame: Int32Array,
    readonly termLengths: Int32Array,
    readonly stateCount: number,
    /**
     * Raw code unit -> alphabet code after folding (low 16 bits), with flags: SPACE_FLAG for white
     * space, REMOVED_FLAG for invisible marks, ALNUM_FLAG for ASCII letters and digits — one lookup
     * per character in the hot loop.
     */
    private readonly rawInfo: Int32Array,
    /** The root's transitions as a direct table: the state reached from the root on each code, or 0. */
    private readonly rootNext: Int32Array,
    private readonly spaceCode: number,
    private readonly maxTermLength: number,
  ) {}

  /** Builds the automaton; term i is reported as pattern i. Empty terms are ignored. */
  static build(terms: readonly string[]): TermAutomaton {
    const alphabet = buildAlphabet(terms);
    const codeOf = alphabet.codeOf;
    // Sorting the strings natively groups every prefix into one run of the sorted list.
    const order = terms.map((_, i) => i).filter((i) => terms[i].length > 0);
    order.sort((a, b) => (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0));

    // Breadth-first work list of trie nodes; a node's children are appended side by side,
    // so "the children of node q" is the range [firstChild[q], firstChild[q] + childCount[q]).
    let totalChars = 1;
    for (const t of terms) totalChars += t.length;
    const qState = new Int32Array(totalChars);
    const qLo = new Int32Array(totalChars);
    const qHi = new Int32Array(totalChars);
    const qDepth = new Int32Array(totalChars);
    const qCode = new Int32Array(totalChars);
    const firstChild = new Int32Array(totalChars);
    const childCount = new Int32Array(totalChars);
    const endsAt: number[] = []; // pairs: queue index, term
    qHi[0] = order.length;
    let queued = 1;
    const da = new DoubleArrayBuilder(Math.ceil(totalChars * 1.2) + 16, alphabet.size);
    const codes = new Int32Array(alphabet.size + 1);
    const groups: Array<[number, number, number]> = []; // code, lo, hi
    for (let q = 0; q < queued; q++) {
      const depth = qDepth[q];
      const hi = qHi[q];
      let i = qLo[q];
      while (i < hi && terms[order[i]].length === depth) endsAt.push(q, order[i++]);
      groups.length = 0;
      while (i < hi) {
        const ch = terms[order[i]].charCodeAt(depth);
        let j = i + 1;
        while (j < hi && terms[order[j]].charCodeAt(depth) === ch) j++;
        groups.push([codeOf[ch], i, j]);
        i = j;
      }
      if (groups.length === 0) continue;
      groups.sort((a, b) => a[0] - b[0]);
      for (let k = 0; k < groups.length; k++) codes[k] = groups[k][0];
      const b = da.place(qState[q], codes, groups.length);
      firstChild[q] = queued;
      childCount[q] = groups.length;
      for (const [code, lo, hiChild] of groups) {
        qState[queued] = b + code;
        qCode[queued] = code;
        qLo[queued] = lo;
        qHi[queued] = hiChild;
        qDepth[queued] = depth + 1;
        queued++;
      }
    }
    const { base, check, size } = da.finish();

    const output = new Int32Array(size).fill(-1);
    const nextSame = new Int32Array(terms.length).fill(-1);
    for (let k = endsAt.length - 2; k >= 0; k -= 2) {
      const state = qState[endsAt[k]];
      const term = endsAt[k + 1];
      nextSame[term] = output[state];
      output[state] = term;
    }
    const fail = new Int32Array(size);
    const outputLink = new Int32Array(size);
    for (let q = 0; q < queued; q++) {
      const u = qState[q];
      for (let v = firstChild[q], last = v + childCount[q]; v < last; v++) {
        const c = qCode[v];
        let f = 0;
        if (u !== 0) {
          for (let st = fail[u]; ; st = fail[st]) {
            const t = base[st] + c;
            if (check[t] === st) {
              f = t;
              break;
            }
            if (st === 0) break;
          }
        }
        const child = qState[v];
        fail[child] = f;
        outputLink[child] = output[f] >= 0 ? f : outputLink[f];
      }
    }
    const records = new Int32Array(size * 4);
    for (let st = 0; st < size; st++) {
      records[st * 4] = base[st];
      records[st * 4 + 1] = check[st];
      records[st * 4 + 2] = fail[st];
      records[st * 4 + 3] = output[st] >= 0 ? st : outputLink[st];
    }
    const termLengths = Int32Array.from(terms, (t) => t.length);
    const fold = foldTable();
    const rawInfo = new Int32Array(0x10000);
    for (let c = 0; c < 0x10000; c++) {
      const f = fold[c];
      if (f === FOLD_REMOVED) rawInfo[c] = REMOVED_FLAG;
      else if (f === FOLD_SPACE) rawInfo[c] = SPACE_FLAG;
      else rawInfo[c] = alphabet.codeOf[f] | (isAsciiAlnum(f) ? ALNUM_FLAG : 0);
    }
    const rootNext = new Int32Array(alphabet.size + 1);
    for (let c = 1; c <= alphabet.size; c++) {
      const t = base[0] + c;
      if (check[t] === 0) rootNext[c] = t;
    }
    const maxTermLength = termLengths.reduce((m, l) => Math.max(m, l), 1);
    return new TermAutomaton(
      records, output, outputLink, nextSame, termLengths, queued,
      rawInfo, rootNext, alphabet.codeOf[FOLD_SPACE], maxTermLength,
    );
  }

  /**
   * Calls onMatch(start, end, term) for every occurrence, in order of end position, straight over
   * the original text: each character is folded on the way (see ../text/normalize.ts for the rules:
   * white space inside CJK text is skipped, one space is kept between two ASCII letters or digits),
   * and spans are reported in ORIGINAL code-unit offsets, so no normalised copy of the text and no
   * offset map are needed.
   */
  scanOriginal(text: string, onMatch: (start: number, end: number, term: number) => void): void {
    const { rawInfo, rootNext, records, output, outputLink, nextSame, termLengths, spaceCode } = this;
    // Original offsets of the last fed characters, to find where a match began.
    let ringSize = 1;
    while (ringSize < this.maxTermLength + 1) ringSize <<= 1;
    const mask = ringSize - 1;
    const fedAt = new Int32Array(ringSize);
    let fed = 0;
    let lastFedAlnum = false;
    let s = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      const info = rawInfo[text.charCodeAt(i)];
      let c = info & CODE_MASK;
      if (info & SKIP_FLAGS) {
        if (!lastFedAlnum || info & REMOVED_FLAG || !nextIsAsciiAlnum(text, i + 1, rawInfo)) continue;
        c = spaceCode; // the one space normalisation keeps between two letters or digits
        lastFedAlnum = false;
      } else {
        lastFedAlnum = (info & ALNUM_FLAG) !== 0;
      }
      fedAt[fed & mask] = i;
      fed++;
      if (c === 0) {
        s = 0;
        continue;
      }
      for (;;) {
        if (s === 0) {
          s = rootNext[c];
          break;
        }
        const t = records[s << 2] + c;
        if (records[(t << 2) + 1] === s) {
          s = t;
          break;
        }
        s = records[(s << 2) + 2];
      }
      let o = records[(s << 2) + 3];
      while (o !== 0) {
        for (let term = output[o]; term >= 0; term = nextSame[term]) {
          onMatch(fedAt[(fed - termLengths[term]) & mask], i + 1, term);
        }
        o = outputLink[o];
      }
    }
  }
}

const CODE_MASK = 0xffff;
const SPACE_FLAG = 1 << 16;
const REMOVED_FLAG = 1 << 17;
const ALNUM_FLAG = 1 << 18;
const SKIP_FLAGS = SPACE_FLAG | REMOVED_FLAG;

/** Whether the next character that is not white space (after folding) is an ASCII letter or digit. */
function nextIsAsciiAlnum(text: string, from: number, rawInfo: Int32Array): boolean {
  for (let j = from; j < text.length; j++) {
    const info = rawInfo[text.charCodeAt(j)];
    if (info & SKIP_FLAGS) continue;
    return (info & ALNUM_FLAG) !== 0;
  }
  return false;
}
