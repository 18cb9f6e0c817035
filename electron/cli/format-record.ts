// The review record as text for a terminal: a document with its findings (and their ids, which
// `dispose` needs), its versions and its sign-offs; the document list; users; audit entries.
import type { AuditEntry } from '../services/records-service';
import { SEVERITY_LABELS, VERDICT_LABELS, categoryLabel } from '../../shared/labels';
import { DISPOSITION_LABELS, ROLE_LABELS, STEP_LABELS, type DocumentDetail, type DocumentSummary, type UserInfo } from '../../shared/records';
import { beijingTime } from '../../shared/beijing-time';
import { whereOf } from './format-text';

export function formatDocument(d: DocumentDetail): string {
  const v = d.latestVersion;
  const lines = [
    `文稿：${d.title}`,
    `  文稿编号：${d.id}`,
    `  文号：${d.docNumber || '—'}    处室：${d.division}    起草人：${d.drafterName}`,
    `  拟公开方式：${d.publicationMode}    渠道：${d.channel || '—'}    范围：${d.scope || '—'}    时间：${d.publishTime || '—'}`,
    `  状态：${d.state}`,
    `  最新版本：第 ${v.number} 版  ${v.fileName}  版本编号：${v.id}`,
    `    SHA-256：${v.sha256}`,
    `  审查结论：${VERDICT_LABELS[d.scan.verdict]}    发现 ${d.scan.findings.length} 处`,
  ];
  for (const w of d.scan.warnings) lines.push(`  ⚠ 警告${w.page ? `（第 ${w.page} 页）` : ''}：${w.message}`);
  if (d.scan.findings.length > 0) lines.push('', '  发现（编号供 dispose 使用）：');
  for (const f of d.scan.findings) {
    const disp = f.disposition
      ? `${DISPOSITION_LABELS[f.disposition.action]}${f.disposition.reason ? `（${f.disposition.reason}）` : ''}，${f.disposition.userName}`
      : '未处置';
    lines.push(
      `  ${f.seq + 1}. 【${SEVERITY_LABELS[f.severity]}】${categoryLabel(f.category)}：「${f.match}」  ${whereOf(f)}`,
      `     编号：${f.id}    处置：${disp}`,
    );
  }
  if (d.versions.length > 1) {
    lines.push('', '  版本：');
    for (const ver of d.versions) lines.push(`  第 ${ver.number} 版  ${ver.fileName}  ${beijingTime(ver.createdAt)}  ${ver.id}`);
  }
  lines.push('', `  签批（第 ${v.number} 版）：${d.signoffs.length === 0 ? '尚无' : ''}`);
  for (const s of d.signoffs) {
    const decision = s.decision === 'return' ? '退回' : s.step === 'office' ? `同意，结论：${s.outcome ?? ''}` : '同意';
    lines.push(`  ${STEP_LABELS[s.step]}  ${s.userName}（${ROLE_LABELS[s.role]}）  ${decision}  ${beijingTime(s.signedAt)}`);
    lines.push(`     意见：${s.opinion}${s.legalBasis ? `    法律依据：${s.legalBasis}` : ''}`);
  }
  lines.push('');
  return lines.join('\n');
}

export function formatDocumentList(docs: readonly DocumentSummary[]): string {
  if (docs.length === 0) return '没有文稿。\n';
  return (
    docs
      .map((d) => `${d.id}  ${d.state}  第 ${d.latestVersion.number} 版  ${VERDICT_LABELS[d.verdict]}  ${d.division}  ${d.drafterName}  ${d.title}${d.docNumber ? `（${d.docNumber}）` : ''}`)
      .join('\n') + '\n'
  );
}

export function formatUsers(users: readonly UserInfo[]): string {
  return users.map((u) => `${u.username}  ${u.displayName}  ${ROLE_LABELS[u.role]}  ${u.division}${u.disabled ? '  （已停用）' : ''}`).join('\n') + '\n';
}

export function formatAudit(entries: readonly AuditEntry[]): string {
  return entries.map((e) => `${e.seq}  ${beijingTime(e.at)}  ${e.actor}  ${e.action}  ${e.subject}  ${JSON.stringify(e.details)}`).join('\n') + '\n';
}
