// The 保密审查单: one printable page set per reviewed item (一事一审), bound to the exact file that
// was reviewed by its SHA-256. Self-contained HTML (no external resources) so it can be archived,
// opened offline in any browser, or printed to PDF by pdf-printer.ts.
import { beijingTime } from '../../shared/beijing-time';
import { countFindings } from '../../shared/finding-counts';
import { SEVERITIES, SEVERITY_RANK, type Severity } from '../../shared/findings';
import { SEVERITY_LABELS, VERDICT_LABELS, categoryLabel, describePlace } from '../../shared/labels';
import {
  DISPOSITION_LABELS,
  ROLE_LABELS,
  SIGNOFF_STEPS,
  STEP_LABELS,
  chainState,
  type DocumentDetail,
  type SignoffRecord,
  type StoredFinding,
} from '../../shared/records';


/** Fonts Debian (fonts-noto-cjk) and Windows offices have; the first one present wins. */
export const FONT_STACK = `"Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "Microsoft YaHei", "SimSun", sans-serif`;

/** Everything that reaches the page passes through here: document content must never become markup. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}


function formatSize(bytes: number): string {
  const kb = bytes / 1024;
  const human = kb < 1024 ? `${kb.toFixed(1)} KB` : `${(kb / 1024).toFixed(2)} MB`;
  return `${human}（${bytes.toLocaleString('en-US')} 字节）`;
}

/** A cell value, or a dash so an empty field is visibly empty rather than forgotten. */
function val(value: string | undefined): string {
  return value?.trim() ? escapeHtml(value) : '<span class="empty">—</span>';
}

/** Same wording as the window and the CLI (describePlace in shared/labels.ts). */
function location(f: StoredFinding): string {
  return escapeHtml(describePlace(f));
}

function explanation(f: StoredFinding): string {
  const combines = f.combines?.length ? `（汇聚：${f.combines.map((c) => `${c.label} ${c.count} 项`).join('、')}）` : '';
  const author = f.author ? `（修订人：${f.author}）` : '';
  return escapeHtml(f.explanation + combines + author);
}

function disposition(f: StoredFinding): string {
  const d = f.disposition;
  if (!d) return f.severity === 'block' ? '<span class="open">未处置</span>' : '<span class="empty">未处置</span>';
  const reason = d.reason ? `<div>理由：${escapeHtml(d.reason)}</div>` : '';
  return `<strong>${escapeHtml(DISPOSITION_LABELS[d.action] ?? d.action)}</strong>${reason}<div class="who">${escapeHtml(d.userName)} ${escapeHtml(beijingTime(d.createdAt))}</div>`;
}

/** Counts by category and severity, and how many are still open: what the reader takes in first. */
function summaryTable(findings: readonly StoredFinding[]): string {
  if (findings.length === 0) return '<p class="none">本次审查未发现问题。</p>';
  const counts = countFindings(findings);
  const cells = (n: Readonly<Record<Severity, number>>, total: number) =>
    `${SEVERITIES.map((s) => `<td class="c${s === 'block' && n[s] ? ' open' : ''}">${n[s] || '—'}</td>`).join('')}<td class="c"><strong>${total}</strong></td>`;
  const rows = counts.categories.map((c) => `<tr><td>${escapeHtml(c.label)}</td>${cells(c.bySeverity, c.total)}</tr>`).join('\n');
  const open = findings.filter((f) => !f.disposition && f.severity !== 'info').length;
  return `<table class="grid summary">
<colgroup><col style="width:36%"><col style="width:16%"><col style="width:16%"><col style="width:16%"><col style="width:16%"></colgroup>
<thead><tr><th>类别</th>${SEVERITIES.map((s) => `<th>${SEVERITY_LABELS[s]}</th>`).join('')}<th>合计</th></tr></thead>
<tbody>
${rows}
<tr class="total"><td><strong>合计</strong></td>${cells(counts.bySeverity, findings.length)}</tr>
</tbody></table>
<p class="none">禁止发布、需人工判断的发现共 ${counts.bySeverity.block + counts.bySeverity.review} 处，其中尚未处置 <strong${open ? ' class="open"' : ''}>${open}</strong> 处。</p>`;
}

function findingsTable(findings: readonly StoredFinding[], empty: string): string {
  if (findings.length === 0) return `<p class="none">${empty}</p>`;
  // Most serious first, as the CLI groups them; numbered in the order printed.
  const rows = [...findings]
    .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.seq - b.seq)
    .map(
      (f, i) => `<tr class="sev-${f.severity}">
<td class="c">${i + 1}</td><td class="c sev nowrap">${escapeHtml(SEVERITY_LABELS[f.severity])}</td><td>${escapeHtml(categoryLabel(f.category))}</td>
<td>${location(f)}</td><td class="match">${escapeHtml(f.match)}</td><td class="ctx">${escapeHtml(f.context)}</td><td class="expl">${explanation(f)}</td><td>${disposition(f)}</td></tr>`,
    )
    .join('\n');
  return `<table class="grid findings">
<colgroup><col style="width:5.5%"><col style="width:9.5%"><col style="width:10%"><col style="width:11%"><col style="width:10%"><col style="width:16%"><col style="width:21%"><col style="width:17%"></colgroup>
<thead><tr><th class="nowrap">序号</th><th class="nowrap">严重程度</th><th>类别</th><th>位置</th><th>命中内容</th><th>上下文</th><th>说明</th><th>处置</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
}

function signoffRow(s: SignoffRecord): string {
  const conclusion = s.decision === 'return' ? '退回修改' : s.step === 'office' ? (s.outcome ?? '') : '同意';
  return `<tr><td>${escapeHtml(STEP_LABELS[s.step])}</td><td class="name">${escapeHtml(s.userName)}</td><td>${escapeHtml(ROLE_LABELS[s.role] ?? s.role)}</td>
<td>${val(s.opinion)}</td><td class="c">${escapeHtml(conclusion)}</td><td>${val(s.legalBasis)}</td><td class="c nowrap">${escapeHtml(beijingTime(s.signedAt))}</td></tr>`;
}

function signoffTable(signoffs: readonly SignoffRecord[]): string {
  // Steps still to come get empty rows, so the printed form shows what is missing.
  const next = chainState(signoffs).next;
  const pending = next === undefined ? [] : SIGNOFF_STEPS.slice(SIGNOFF_STEPS.indexOf(next));
  const empty = pending.map((step) => `<tr class="pending"><td>${escapeHtml(STEP_LABELS[step])}</td><td></td><td></td><td class="empty">（待签批）</td><td></td><td></td><td></td></tr>`);
  return `<table class="grid signoffs">
<colgroup><col style="width:14%"><col style="width:8%"><col style="width:12%"><col style="width:22%"><col style="width:12%"><col style="width:18%"><col style="width:14%"></colgroup>
<thead><tr><th>步骤</th><th>签批人</th><th>角色</th><th>意见</th><th>结论</th><th>法律依据</th><th>时间</th></tr></thead>
<tbody>
${[...signoffs.map(signoffRow), ...empty].join('\n')}
</tbody></table>`;
}

/** The office step's approval of the current chain decides; a later return voids an earlier one. */
export function officeConclusion(signoffs: readonly SignoffRecord[]): SignoffRecord | undefined {
  const last = signoffs[signoffs.length - 1];
  return last && last.step === 'office' && last.decision === 'approve' ? last : undefined;
}

const STYLE = `
@page { size: A4; margin: 16mm 14mm 18mm 14mm;
  @bottom-right { content: "第 " counter(page) " 页 / 共 " counter(pages) " 页"; font-size: 8pt; color: #555; } }
* { box-sizing: border-box; }
html { font-family: ${FONT_STACK}; font-size: 10pt; color: #000; line-height: 1.45; }
body { margin: 0; }
h1 { font-size: 18pt; text-align: center; letter-spacing: 0.15em; margin: 0 0 2mm; }
.meta { display: flex; justify-content: space-between; font-size: 8.5pt; color: #333; margin-bottom: 3mm; }
h2 { font-size: 11.5pt; margin: 5mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 0.6pt solid #000; padding: 1.2mm 1.5mm; vertical-align: top; overflow-wrap: anywhere; word-break: break-word; }
th { background: #e8e8e8; font-weight: bold; text-align: center; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.fields th { width: 14%; text-align: left; background: #f2f2f2; }
.fields td { width: 36%; }
.hash { font-family: "DejaVu Sans Mono", "Consolas", monospace; font-size: 8.5pt; word-break: break-all; }
.grid { font-size: 8.5pt; }
.c { text-align: center; }
.nowrap { white-space: nowrap; }
.match { font-weight: bold; }
.ctx, .expl { font-size: 8pt; }
.who { color: #444; font-size: 7.5pt; }
.sev-block .sev { color: #b00000; font-weight: bold; }
.open { color: #b00000; font-weight: bold; }
.empty { color: #888; }
.pending td { height: 11mm; }
.name { font-weight: bold; }
.warnings { border: 1.5pt solid #b00000; background: #fff0f0; padding: 2mm 3mm; margin: 3mm 0; break-inside: avoid; }
.warnings strong { color: #b00000; }
.warnings ul { margin: 1mm 0 0; padding-left: 6mm; }
.conclusion { border: 1.2pt solid #000; padding: 3mm 4mm; break-inside: avoid; page-break-inside: avoid; }
.conclusion .outcome { font-size: 14pt; font-weight: bold; }
.note { font-size: 8pt; color: #333; margin-top: 4mm; }
.chain { font-size: 7.5pt; color: #333; margin: -1mm 0 3mm; border: 0.6pt solid #888; padding: 1mm 2mm; }
.none { margin: 1mm 0; }
/* Repeated on every printed page (position: fixed), until the chain is complete. */
.watermark { position: fixed; top: 38%; left: 0; right: 0; text-align: center; font-size: 110pt; font-weight: bold; letter-spacing: 0.2em;
  color: rgba(176, 0, 0, 0.13); transform: rotate(-28deg); pointer-events: none; z-index: 10; }
.summary .total td { background: #f2f2f2; }
h2.annex { break-before: page; page-break-before: always; }
@media screen { body { max-width: 190mm; margin: 10mm auto; } }
`;

/** The audit chain's newest entry when the page was made: printed, so that paper proves the record's state. */
export interface PrintedChainHead {
  readonly seq: number;
  readonly hash: string;
}

/** The chain head for the top of a printed record (so it is on the first page), with how to check it. */
export function chainHeadNote(head: PrintedChainHead | undefined): string {
  if (!head) return '';
  return `<div class="chain">审计链头：第 ${head.seq} 条　<span class="hash">${escapeHtml(head.hash)}</span><br>
核对：<span class="hash">mishen --db 数据库文件 audit verify --expect ${head.seq}:哈希</span>（哈希可只写前 16 位；此前任何记录被改动、删除，或数据库被替换，均校验不通过）</div>`;
}

export interface ReviewFormRenderOptions {
  readonly generatedAt?: Date;
  readonly chainHead?: PrintedChainHead;
  /** The 提示 findings in full, as an annex; without it the form gives only their number. */
  readonly infoAnnex?: boolean;
}

export function renderReviewForm(detail: DocumentDetail, options: ReviewFormRenderOptions = {}): string {
  const v = detail.latestVersion;
  const scan = detail.scan;
  const generatedAt = (options.generatedAt ?? new Date()).toISOString();
  const office = officeConclusion(detail.signoffs);
  const warnings = scan.warnings.length
    ? `<div class="warnings"><strong>⚠ 审查警告：以下内容未能完整审查，须人工核对原件</strong><ul>${scan.warnings
        .map((w) => `<li>${escapeHtml(w.message)}</li>`)
        .join('')}</ul></div>`
    : '';
  const conclusion = office
    ? `<div class="outcome">${escapeHtml(office.outcome ?? '')}</div>
<div>法律依据：${val(office.legalBasis)}</div>
<div>审核意见：${val(office.opinion)}</div>
<div>办公室审核人：<span class="name">${escapeHtml(office.userName)}</span>　　日期：${escapeHtml(beijingTime(office.signedAt, false))}</div>`
    : `<div class="outcome empty">（尚未办结，当前状态：${escapeHtml(detail.state)}）</div>`;
  const weighed = scan.findings.filter((f) => f.severity !== 'info');
  const infos = scan.findings.filter((f) => f.severity === 'info');
  const infoNote = infos.length
    ? `<p class="none">另有「提示」类发现 ${infos.length} 处（多为公开文件中常见的用法，供参考），${options.infoAnnex ? '见附件。' : '不逐条列出；需要时可在打印时选择附上清单。'}</p>`
    : '';
  const annex = options.infoAnnex && infos.length
    ? `<h2 class="annex">附件：「提示」类发现清单（共 ${infos.length} 处）</h2>\n${findingsTable(infos, '')}`
    : '';
  // Until the chain is complete the paper must not pass for a finished review.
  const unfinished = chainState(detail.signoffs).next !== undefined ? '<div class="watermark" aria-hidden="true">未办结</div>' : '';

  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>政府信息公开保密审查单 - ${escapeHtml(detail.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${unfinished}
<h1>政府信息公开保密审查单</h1>
<div class="meta"><span>状态：${escapeHtml(detail.state)}</span><span>生成时间：${escapeHtml(beijingTime(generatedAt))}</span></div>
${chainHeadNote(options.chainHead)}

<h2>一、文稿信息</h2>
<table class="fields">
<tr><th>文稿标题</th><td colspan="3"><strong>${val(detail.title)}</strong></td></tr>
<tr><th>文号</th><td>${val(detail.docNumber)}</td><th>产生处室</th><td>${val(detail.division)}</td></tr>
<tr><th>起草人</th><td>${val(detail.drafterName)}</td><th>拟公开方式</th><td>${val(detail.publicationMode)}</td></tr>
<tr><th>公开渠道</th><td>${val(detail.channel)}</td><th>公开范围</th><td>${val(detail.scope)}</td></tr>
<tr><th>拟公开时间</th><td colspan="3">${val(detail.publishTime)}</td></tr>
</table>

<h2>二、所审文件与审查结果</h2>
<table class="fields">
<tr><th>文件名</th><td>${val(v.fileName)}</td><th>版本</th><td>第 ${v.number} 版（共 ${detail.versions.length} 版）</td></tr>
<tr><th>文件大小</th><td>${escapeHtml(formatSize(v.size))}</td><th>提交时间</th><td>${escapeHtml(beijingTime(v.createdAt))}</td></tr>
<tr><th>SHA-256</th><td colspan="3" class="hash">${escapeHtml(v.sha256)}</td></tr>
<tr><th>扫描时间</th><td>${escapeHtml(beijingTime(scan.createdAt))}</td><th>引擎版本</th><td>${val(scan.engineVersion)}</td></tr>
<tr><th>词库版本</th><td>${val(scan.dictionaryVersion)}</td><th>自动审查结论</th><td><strong>${escapeHtml(VERDICT_LABELS[scan.verdict])}</strong></td></tr>
<tr><th>词库哈希</th><td colspan="3" class="hash">${escapeHtml(scan.dictionaryHash)}</td></tr>
${scan.dictionaryLists
  .map((l) => `<tr><th>自定义词库</th><td>${escapeHtml(l.name)}</td><th>哈希</th><td class="hash">${escapeHtml(l.hash)}</td></tr>`)
  .join('\n')}
</table>
${warnings}
<h2>三、审查发现汇总（共 ${scan.findings.length} 处）</h2>
${summaryTable(scan.findings)}

<h2>四、禁止发布与需人工判断的发现及处置（共 ${weighed.length} 处）</h2>
${findingsTable(weighed, '没有禁止发布或需人工判断的发现。')}
${infoNote}

<h2>五、签批记录</h2>
${signoffTable(detail.signoffs)}

<h2>六、审查结论</h2>
<div class="conclusion">${conclusion}</div>

<p class="note">本审查单仅对 SHA-256 为 <span class="hash">${escapeHtml(v.sha256)}</span> 的文件有效；文件如有任何改动，须作为新版本重新审查。</p>
${annex}
</body>
</html>
`;
}
