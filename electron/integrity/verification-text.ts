// What `audit verify` (and the window's check) tells a person: a verdict, what was checked, the
// problems one a line, and notes that are not tampering.
import type { VerifyReport } from './verify-records';

export function verificationLines(r: VerifyReport): { readonly summary: string[]; readonly problems: string[] } {
  const summary: string[] = [];
  if (r.ok) {
    summary.push(`审计日志完整：共 ${r.entries} 条，哈希链校验通过。`);
    summary.push(`记录与审计记录一致：${r.rows.map((x) => `${x.label} ${x.count}`).join('、')}。`);
    summary.push(`电子签名有效：签批 ${r.signatures.signoffs} 份、处置 ${r.signatures.dispositions} 条。`);
    if (r.head) {
      const anchored = r.anchorFile ? `，与锚定文件「${r.anchorFile}」一致` : '';
      summary.push(`链头：第 ${r.head.seq} 条 ${r.head.hash}${anchored}。`);
    }
    for (const e of r.expected) summary.push(`与审查单所印链头第 ${e.seq} 条一致。`);
  }
  summary.push(...r.notes.map((n) => `说明：${n}`));
  const problems = r.ok
    ? []
    : [
        `校验未通过：发现 ${r.problemCount} 处问题（审计日志 ${r.entries} 条）。`,
        ...r.problems.map((p) => `  ${p}`),
        ...(r.problemCount > r.problems.length ? [`  ……另有 ${r.problemCount - r.problems.length} 处未列出`] : []),
      ];
  return { summary, problems };
}
