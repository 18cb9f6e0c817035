// Where a finding stands, in words a reviewer can follow in the file — the same on screen, on the
// printed 审查单 and in the command line's text: the part and its label (页眉（第 1 节）, 文档属性「标题」,
// 批注 2), the page and line of a paged file, or the paragraph, counted from 1.
import type { Part } from './document-model';
import type { Finding } from './findings';
import { placeOf } from './labels';

/**
 * Parts whose label already says where (a property, an annotation, a picture, 批注 2, 脚注 1): no
 * paragraph number, which would count the paragraphs of all comments (or notes) together.
 */
const LOCATED_BY_LABEL: ReadonlySet<Part | 'document'> = new Set(['metadata', 'annotation', 'attachment', 'ocr', 'document', 'comment', 'footnote', 'endnote']);

export function findingPlace(f: Pick<Finding, 'part' | 'label' | 'page' | 'line' | 'paragraph'>): string {
  // An aggregation names its scope: 表格 2, a section's title, 全文.
  if (f.part === 'document') return f.label ?? placeOf('document', undefined);
  const at = [placeOf(f.part, f.label)];
  if (f.page !== undefined) at.push(`第 ${f.page} 页`);
  if (f.line !== undefined) at.push(`第 ${f.line} 行`);
  else if (f.page === undefined && f.paragraph !== undefined && !LOCATED_BY_LABEL.has(f.part) && !f.label?.includes('单元格')) at.push(`第 ${f.paragraph + 1} 段`);
  return at.join(' ');
}
