// Where each finding falls in the document, from 0 (the top) to 1 (the end), in the order the
// document view shows it: pages in order (and down each page) for PDF and OFD; headers, the body,
// notes and footers for Word; sheets and rows for workbooks. What stands beside the document
// (properties, annotations) has no place on it.
import type { DocumentModel } from '../../../../shared/api-contract';
import type { Part, TextBlock } from '../../../../shared/document-model';
import type { StoredFinding } from '../../../../shared/records';
import { findingsByBlock } from './block-findings';
import { PROPERTY_PARTS, isPaged } from './views';

const STORY_RANK: Partial<Record<Part, number>> = { header: 0, body: 1, textbox: 1, comment: 1, footnote: 2, endnote: 2, footer: 3, ocr: 4 };

/** The part and paragraph a block is shown in: its host's, for a piece that stands inside another. */
function shownAt(b: TextBlock): [number, number] {
  const part = b.anchor && b.part !== 'footnote' && b.part !== 'endnote' ? b.anchor.part : b.part;
  const paragraph = b.anchor && part === b.anchor.part ? b.anchor.paragraph : b.paragraph;
  return [STORY_RANK[part] ?? 1, paragraph];
}

export function findingPositions(model: DocumentModel, findings: readonly StoredFinding[]): Map<string, number> {
  const out = new Map<string, number>();
  if (isPaged(model.format)) {
    const pages = model.pageCount ?? model.pages?.length ?? 1;
    const heights = new Map((model.pages ?? []).map((p) => [p.number, p.height]));
    for (const f of findings) {
      if (f.page === undefined || PROPERTY_PARTS.has(f.part)) continue;
      const down = f.box ? Math.min(1, (f.box.y + f.box.height / 2) / (heights.get(f.page) ?? 842)) : 0;
      out.set(f.id, (f.page - 1 + down) / pages);
    }
    return out;
  }
  const blocks = model.blocks;
  const lists = findingsByBlock(blocks, findings);
  const keys = blocks.map((b) => (model.format === 'xlsx' ? [b.table ?? b.anchor?.table ?? 0, b.row ?? b.anchor?.row ?? 0] : shownAt(b)));
  const order = [...new Set(keys.map((k) => k.join(':')))].sort((a, b) => {
    const [a1, a2] = a.split(':').map(Number);
    const [b1, b2] = b.split(':').map(Number);
    return a1 - b1 || a2 - b2;
  });
  const rank = new Map(order.map((k, i) => [k, i]));
  const total = Math.max(1, order.length);
  blocks.forEach((b, i) => {
    if (PROPERTY_PARTS.has(b.part)) return;
    for (const f of lists[i]) if (!out.has(f.id)) out.set(f.id, rank.get(keys[i].join(':'))! / total);
  });
  // An aggregation stands where its first hit does.
  for (const f of findings) {
    if (f.part !== 'document' || out.has(f.id)) continue;
    const at = blocks.findIndex((b) => b.part === 'body' && (f.table !== undefined ? b.table === f.table : b.paragraph === f.paragraph));
    if (at >= 0) out.set(f.id, rank.get(keys[at].join(':'))! / total);
  }
  return out;
}
