// Which findings stand in which preview block, computed once per document instead of testing every
// finding against every block (2,000 blocks × 1,300 findings is millions of tests on each render).
import type { TextBlock } from '../../../../shared/document-model';
import type { StoredFinding } from '../../../../shared/records';
import { findingInBlock, samePlace } from './highlight';

const NONE: readonly StoredFinding[] = [];

/** The findings of each block, in the order of `blocks`; exactly what findingInBlock decides. */
export function findingsByBlock(blocks: readonly TextBlock[], findings: readonly StoredFinding[]): (readonly StoredFinding[])[] {
  // Candidates by part and paragraph, and (for paged files) findings placed on a page only.
  const byParagraph = new Map<string, StoredFinding[]>();
  const byPageOnly = new Map<string, StoredFinding[]>();
  const add = (map: Map<string, StoredFinding[]>, key: string, f: StoredFinding) => {
    const list = map.get(key);
    if (list) list.push(f);
    else map.set(key, [f]);
  };
  for (const f of findings) {
    add(byParagraph, `${f.part}:${f.paragraph}`, f);
    if (f.page !== undefined && f.paragraph === undefined) add(byPageOnly, `${f.part}:${f.page}`, f);
  }
  const placed = new Set<StoredFinding>();
  const candidatesOf = (b: TextBlock) => [...new Set([...(byParagraph.get(`${b.part}:${b.paragraph}`) ?? NONE), ...(b.page !== undefined ? (byPageOnly.get(`${b.part}:${b.page}`) ?? NONE) : NONE)])];
  const out = blocks.map((b) => {
    const mine = candidatesOf(b).filter((f) => findingInBlock(f, b));
    for (const f of mine) placed.add(f);
    return mine.length ? mine : NONE;
  });
  // A finding whose offsets fit none of the pieces of its paragraph still belongs to the first of them.
  blocks.forEach((b, i) => {
    const stray = candidatesOf(b).filter((f) => !placed.has(f) && samePlace(f, b));
    for (const f of stray) placed.add(f);
    if (stray.length) out[i] = [...out[i], ...stray];
  });
  return out;
}
