// Maps every code unit that occurs in some term to a small dense code (1..size), most frequent first,
// so that the double array stays compact; code 0 means "in no term", which sends the automaton home.

export interface Alphabet {
  readonly codeOf: Uint16Array; // 65536 entries
  readonly size: number;
}

export function buildAlphabet(terms: readonly string[]): Alphabet {
  const counts = new Uint32Array(0x10000);
  for (const term of terms) for (let i = 0; i < term.length; i++) counts[term.charCodeAt(i)]++;
  const used: number[] = [];
  for (let c = 0; c < 0x10000; c++) if (counts[c] > 0) used.push(c);
  used.sort((a, b) => counts[b] - counts[a]);
  const codeOf = new Uint16Array(0x10000);
  used.forEach((c, i) => (codeOf[c] = i + 1));
  return { codeOf, size: used.length };
}
