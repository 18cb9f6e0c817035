// One finding per thing: where findings of the same category overlap in the same block (机密 inside
// 机密★5年, two phone patterns on one number), the strongest stays — higher severity, then longer.
import { SEVERITY_RANK } from '../findings';
import type { Hit } from './hit';

export function dedupeHits(hits: readonly Hit[]): Hit[] {
  const ranked = [...hits].sort(
    (a, b) =>
      SEVERITY_RANK[b.finding.severity] - SEVERITY_RANK[a.finding.severity] ||
      (b.finding.end ?? 0) - (b.finding.start ?? 0) - ((a.finding.end ?? 0) - (a.finding.start ?? 0)),
  );
  const kept: Hit[] = [];
  for (const hit of ranked) {
    const f = hit.finding;
    const covered = kept.some(
      (k) =>
        k.blockIndex === hit.blockIndex &&
        k.finding.category === f.category &&
        (k.finding.start ?? 0) < (f.end ?? 0) &&
        (f.start ?? 0) < (k.finding.end ?? 0),
    );
    if (!covered) kept.push(hit);
  }
  return kept.sort((a, b) => a.blockIndex - b.blockIndex || (a.finding.start ?? 0) - (b.finding.start ?? 0));
}
