// Marks findings in the text of one preview block. Findings may overlap (an address and the street
// inside it), so the text is cut at every span boundary and each piece knows every finding over it.
import type { TextBlock } from '../../../../shared/document-model';
import { SEVERITY_RANK, type Severity } from '../../../../shared/findings';
import type { StoredFinding } from '../../../../shared/records';

export interface HighlightSegment {
  readonly text: string;
  readonly start: number;
  /** Findings covering this piece, most severe first; empty for plain text. */
  readonly findings: readonly StoredFinding[];
  readonly severity?: Severity;
}

export function blockKey(b: { part: string; paragraph?: number; page?: number }): string {
  return `${b.part}:${b.paragraph ?? ''}:${b.page ?? ''}`;
}

/**
 * Whether a finding stands in this block: same part and paragraph, and same page where paged (PDF).
 * Two pieces of one paragraph (two tracked deletions in it) share part and paragraph: the text at
 * the finding's offsets tells them apart.
 */
export function findingInBlock(f: StoredFinding, b: Pick<TextBlock, 'part' | 'paragraph' | 'page' | 'text'>): boolean {
  return samePlace(f, b) && (f.start === undefined || f.end === undefined || b.text.slice(f.start, f.end) === f.match);
}

/** Same part and paragraph (and page, where paged), whatever the text. */
export function samePlace(f: StoredFinding, b: Pick<TextBlock, 'part' | 'paragraph' | 'page'>): boolean {
  if (f.part !== b.part) return false;
  if (b.page !== undefined && f.page !== undefined) return f.page === b.page && (f.paragraph === undefined || f.paragraph === b.paragraph);
  return f.paragraph === b.paragraph;
}

/**
 * Where a finding stands in the block's text. Offsets come from the engine and index the text as it
 * stands in the file; when they are missing or do not fit, the match is looked up instead.
 */
export function findingSpan(f: StoredFinding, text: string): { start: number; end: number } | undefined {
  if (f.start !== undefined && f.end !== undefined && f.start >= 0 && f.end <= text.length && f.start < f.end) {
    return { start: f.start, end: f.end };
  }
  const at = f.match ? text.indexOf(f.match) : -1;
  return at >= 0 ? { start: at, end: at + f.match.length } : undefined;
}

export function highlightSegments(text: string, findings: readonly StoredFinding[]): HighlightSegment[] {
  const spans = findings.flatMap((f) => {
    const s = findingSpan(f, text);
    return s ? [{ ...s, finding: f }] : [];
  });
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: HighlightSegment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i];
    const end = points[i + 1];
    const over = spans
      .filter((s) => s.start <= start && s.end >= end)
      .map((s) => s.finding)
      .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
    segments.push({ text: text.slice(start, end), start, findings: over, severity: over[0]?.severity });
  }
  return segments;
}

/** An attribute selector for a finding id (CSS.escape is not everywhere; ids are uuids anyway). */
export function findingSelector(attribute: string, id: string, word = false): string {
  return `[${attribute}${word ? '~' : ''}="${id.replace(/["\\]/g, '\\$&')}"]`;
}
