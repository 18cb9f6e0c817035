// Which findings stand in which preview block, computed once per document instead of testing every
// finding against every block (2,000 blocks × 1,300 findings is millions of tests on each render).
import type { PreviewBlock } from '../../../shared/api-contract';
import type { StoredFinding } from '../../../shared/records';
import { findingInBlock } from './highlight';

const NONE: readonly StoredFinding[] = [];

/** The findings of each block, in the order of `blocks`; exactly what findingInBlock decides. */
export function findingsByBlock(blocks: readonly PreviewBlock[], findings: readonly StoredFinding[]): (readonly StoredFinding[])[] {
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
  return blocks.map((b) => {
    const candidates = [...(byParagraph.get(`${b.part}:${b.paragraph}`) ?? NONE), ...(b.page !== undefined ? (byPageOnly.get(`${b.part}:${b.page}`) ?? NONE) : NONE)];
    if (candidates.length === 0) return NONE;
    return [...new Set(candidates)].filter((f) => findingInBlock(f, b));
  });
}
