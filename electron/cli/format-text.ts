// The report as a reviewer reads it in a terminal: per file, the verdict, then findings grouped by
// severity, each with where it stands, its context and why it was flagged.
import { SEVERITIES, type Finding } from '../../shared/findings';
import { SEVERITY_LABELS, VERDICT_LABELS, categoryLabel, describePlace } from '../../shared/labels';
import type { FileReport } from '../../shared/report';

export function formatReportText(report: FileReport): string {
  const lines: string[] = [`文件：${report.file}`];
  if (report.error) {
    lines.push(`  无法审查：${report.error.message}（${report.error.code}）`, '');
    return lines.join('\n');
  }
  lines.push(`  格式：${report.format}    SHA-256：${report.sha256}`);
  lines.push(`  结论：${VERDICT_LABELS[report.verdict]}    发现 ${report.findings.length} 处`);
  for (const w of report.warnings) lines.push(`  ⚠ 警告${w.page ? `（第 ${w.page} 页）` : ''}：${w.message}`);
  for (const severity of SEVERITIES) {
    const group = report.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push('', `  【${SEVERITY_LABELS[severity]}】${group.length} 处`);
    group.forEach((f, i) => lines.push(...formatFinding(f, i + 1)));
  }
  lines.push('');
  return lines.join('\n');
}

function formatFinding(f: Finding, n: number): string[] {
  return [
    `  ${n}. ${categoryLabel(f.category)}${f.kind ? `/${f.kind}` : ''}：「${f.match}」  ${whereOf(f)}`,
    `     上下文：…${f.context}…`,
    `     说明：${f.explanation}`,
  ];
}

export function whereOf(f: Finding): string {
  return `（${describePlace(f)}）`;
}
