// Where a finding stands, in words a reviewer can follow in the file (paragraphs counted from 1).
import { PART_LABELS } from '../../../shared/labels';
import type { Finding } from '../../../shared/findings';

export function findingPlace(f: Finding): string {
  const parts: string[] = [PART_LABELS[f.part]];
  if (f.page !== undefined) parts.push(`第 ${f.page} 页`);
  if (f.line !== undefined) parts.push(`第 ${f.line} 行`);
  else if (f.paragraph !== undefined && f.part !== 'document' && f.page === undefined) parts.push(`第 ${f.paragraph + 1} 段`);
  if (f.label) parts.push(`（${f.label}）`);
  return parts.join(' ');
}
