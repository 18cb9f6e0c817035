// The monthly register (保密审查登记簿): one line per item reviewed in a month, for inspection.
// CSV for Excel (full hashes), HTML for printing on A4 landscape (short hashes).
import type { Severity, Verdict } from '../../shared/findings';
import type { DocumentDetail, DocumentState, Outcome } from '../../shared/records';
import { VERDICT_LABELS } from '../../shared/labels';
import { beijingTime } from '../../shared/beijing-time';
import { FONT_STACK, chainHeadNote, escapeHtml, officeConclusion, type PrintedChainHead } from './review-form';

export interface RegisterRow {
  readonly seq: number;
  readonly documentId: string;
  readonly title: string;
  readonly docNumber: string;
  readonly division: string;
  readonly drafterName: string;
  readonly version: number;
  readonly sha256: string;
  readonly verdict: Verdict;
  readonly findings: Readonly<Record<Severity, number>>;
  readonly state: DocumentState;
  /** The office step's outcome, once the chain is complete. */
  readonly outcome: Outcome | '';
  /** When the office signed, ISO UTC; empty while open. */
  readonly completedAt: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** 'YYYY-MM' of a timestamp in Beijing time, the same clock the printed forms use. */
function monthOf(iso: string): string {
  return beijingTime(iso, false).slice(0, 7);
}

/** Documents whose latest version was submitted, or which were signed, in the month ('YYYY-MM'). */
export function registerRows(details: readonly DocumentDetail[], month: string): RegisterRow[] {
  if (!MONTH.test(month)) throw new Error(`月份「${month}」格式不对，应为 YYYY-MM（如 2025-03）。`);
  return details
    .filter((d) => monthOf(d.latestVersion.createdAt) === month || d.signoffs.some((s) => monthOf(s.signedAt) === month))
    .slice()
    .sort((a, b) => a.latestVersion.createdAt.localeCompare(b.latestVersion.createdAt) || a.title.localeCompare(b.title, 'zh-CN'))
    .map((d, i) => {
      const office = officeConclusion(d.signoffs);
      const count = (s: Severity) => d.scan.findings.filter((f) => f.severity === s).length;
      return {
        seq: i + 1,
        documentId: d.id,
        title: d.title,
        docNumber: d.docNumber,
        division: d.division,
        drafterName: d.drafterName,
        version: d.latestVersion.number,
        sha256: d.latestVersion.sha256,
        verdict: d.scan.verdict,
        findings: { block: count('block'), review: count('review'), info: count('info') },
        state: d.state,
        outcome: office?.outcome ?? '',
        completedAt: office?.signedAt ?? '',
      };
    });
}

const CSV_HEADER = ['序号', '标题', '文号', '处室', '起草人', '版本', 'SHA-256', '审查结论', '禁止发布', '需人工判断', '提示', '状态', '办公室结论', '办结时间'];

/**
 * RFC 4180 field. A leading = + - @ would make Excel evaluate a title as a formula (CSV injection),
 * so such a field is prefixed with an apostrophe, which Excel shows as plain text.
 */
function csvField(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * UTF-8 with BOM (Excel otherwise reads Chinese as the ANSI code page), CRLF line ends. The chain
 * head, when given, is the last line, after an empty one.
 */
export function registerCsv(rows: readonly RegisterRow[], chainHead?: PrintedChainHead): string {
  const lines = [
    CSV_HEADER,
    ...rows.map((r) => [
      r.seq,
      r.title,
      r.docNumber,
      r.division,
      r.drafterName,
      r.version,
      r.sha256,
      VERDICT_LABELS[r.verdict],
      r.findings.block,
      r.findings.review,
      r.findings.info,
      r.state,
      r.outcome,
      beijingTime(r.completedAt),
    ]),
  ];
  const head = chainHead ? [[], ['审计链头', `第 ${chainHead.seq} 条`, chainHead.hash]] : [];
  return '\uFEFF' + [...lines, ...head].map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const STYLE = `
@page { size: A4 landscape; margin: 12mm 12mm 14mm 12mm;
  @bottom-right { content: "第 " counter(page) " 页 / 共 " counter(pages) " 页"; font-size: 8pt; color: #555; } }
html { font-family: ${FONT_STACK}; font-size: 9pt; color: #000; line-height: 1.4; }
body { margin: 0; }
h1 { font-size: 16pt; text-align: center; letter-spacing: 0.1em; margin: 0 0 1mm; }
.meta { text-align: center; font-size: 9pt; margin-bottom: 3mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 0.6pt solid #000; padding: 1mm 1.2mm; vertical-align: top; overflow-wrap: anywhere; }
th { background: #e8e8e8; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.c { text-align: center; }
.hash { font-family: "DejaVu Sans Mono", "Consolas", monospace; font-size: 8pt; }
.chain { font-size: 7.5pt; color: #333; margin: 0 0 2mm; }
@media screen { body { max-width: 277mm; margin: 10mm auto; } }
`;

export function renderRegisterHtml(rows: readonly RegisterRow[], month: string, chainHead?: PrintedChainHead): string {
  const body = rows.length
    ? rows
        .map(
          (r) => `<tr><td class="c">${r.seq}</td><td>${escapeHtml(r.title)}</td><td>${escapeHtml(r.docNumber)}</td><td>${escapeHtml(r.division)}</td>
<td>${escapeHtml(r.drafterName)}</td><td class="c">${r.version}</td><td class="hash" title="${escapeHtml(r.sha256)}">${escapeHtml(r.sha256.slice(0, 12))}</td>
<td>${escapeHtml(VERDICT_LABELS[r.verdict])}</td><td class="c">${r.findings.block} / ${r.findings.review} / ${r.findings.info}</td>
<td class="c">${escapeHtml(r.state)}</td><td class="c">${escapeHtml(r.outcome)}</td><td class="c">${escapeHtml(beijingTime(r.completedAt))}</td></tr>`,
        )
        .join('\n')
    : '<tr><td colspan="12" class="c">本月没有审查记录。</td></tr>';
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>保密审查登记簿 ${escapeHtml(month)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>政府信息公开保密审查登记簿</h1>
<div class="meta">${escapeHtml(month)}　共 ${rows.length} 件</div>
${chainHeadNote(chainHead)}
<table>
<colgroup><col style="width:4%"><col style="width:16%"><col style="width:12%"><col style="width:7%"><col style="width:6%"><col style="width:4%"><col style="width:10%"><col style="width:10%"><col style="width:7%"><col style="width:6%"><col style="width:7%"><col style="width:11%"></colgroup>
<thead><tr><th>序号</th><th>标题</th><th>文号</th><th>处室</th><th>起草人</th><th>版本</th><th>SHA-256</th><th>审查结论</th><th>发现数<br>禁止/人工/提示</th><th>状态</th><th>办公室结论</th><th>办结时间</th></tr></thead>
<tbody>
${body}
</tbody></table>
</body>
</html>
`;
}
