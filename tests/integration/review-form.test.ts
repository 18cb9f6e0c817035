// The 审查单 and the register from a real record: a classified draft submitted, every block finding
// disposed, signed by drafter, division head and office; then rendered to HTML, PDF and PNG.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEGAL_BASES, type DocumentDetail, type UserInfo } from '../../shared/records';
import { findChromium, printHtmlToPdf } from '../../electron/forms/pdf-printer';
import { openServices, type Services } from '../../electron/services/open-services';
import type { RecordsService } from '../../electron/services/records-service';
import { registerCsv, registerRows, renderRegisterHtml } from '../../electron/forms/register';
import { beijingTime } from '../../shared/beijing-time';
import { renderReviewForm } from '../../electron/forms/review-form';

const root = fileURLToPath(new URL('../..', import.meta.url));
const corpus = join(root, '..', 'shared', 'corpus');
const out = join(root, 'test-output');

function hasCommand(name: string): boolean {
  try {
    execFileSync('which', [name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let dir: string;
let dbFile: string;
let services: Services;
let service: RecordsService;
let admin: UserInfo;
let detail: DocumentDetail;
let chainHead: { seq: number; hash: string };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mishen-form-'));
  dbFile = join(dir, 'x.db');
  // Scans use the database's active dictionary version, as the CLI and the window do.
  services = openServices({ database: dbFile });
  service = services.records;
  admin = service.bootstrapAdmin('admin', '管理员', 'admin-password');
  service.createUser(admin, { username: 'zhangsan', displayName: '张三', role: 'drafter', division: '综合处', password: 'password-1' });
  service.createUser(admin, { username: 'lisi', displayName: '李四', role: 'division-head', division: '综合处', password: 'password-2' });
  service.createUser(admin, { username: 'wangwu', displayName: '王五', role: 'office-reviewer', division: '办公室', password: 'password-3' });
  // Signed in: each signs with their own key.
  const zhang = service.login('zhangsan', 'password-1');
  const li = service.login('lisi', 'password-2');
  const wang = service.login('wangwu', 'password-3');

  let d = await service.submit(zhang, join(corpus, '02-classified-marking.docx'), {
    title: '关于全省应急水源地建设情况的报告',
    docNumber: '综发〔2025〕12号',
    publicationMode: '主动公开',
    channel: '政府门户网站',
    scope: '社会公众',
    publishTime: '2025-07-01',
  });
  const blocks = d.scan.findings.filter((f) => f.severity === 'block');
  expect(blocks.length).toBeGreaterThan(0);
  blocks.forEach((f, i) => {
    d = i === 0 ? service.dispose(zhang, f.id, 'fixed') : service.dispose(zhang, f.id, 'keep', `公开稿中删除「${f.match}」，保留原件备查`);
  });
  const v = d.latestVersion.id;
  service.sign(zhang, v, { step: 'drafter', decision: 'approve', opinion: '已逐项自查，密级标志及内部标识在公开稿中删除。' });
  service.sign(li, v, { step: 'division-head', decision: 'approve', opinion: '同意起草人意见。' });
  detail = service.sign(wang, v, { step: 'office', decision: 'approve', opinion: '删除密级标志及内部标识后可以公开。', outcome: '删除后公开', legalBasis: LEGAL_BASES[0] });
  chainHead = service.chainHead()!;
  mkdirSync(out, { recursive: true });
});

afterAll(() => {
  services?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('保密审查单', () => {
  it('carries the record bound to the reviewed file', () => {
    expect(detail.state).toBe('已办结');
    const html = renderReviewForm(detail, { chainHead });
    writeFileSync(join(out, 'review-form-02.html'), html);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('lang="zh-CN"');
    expect(html).not.toMatch(/<(link|img|script)\b|https?:\/\//);
    expect(html).toContain('政府信息公开保密审查单');
    expect(html).toContain(detail.latestVersion.sha256);
    expect(html).toContain('关于全省应急水源地建设情况的报告');
    expect(html).toContain('综发〔2025〕12号');
    expect(html).toContain('机密★5年');
    for (const name of ['张三', '李四', '王五']) expect(html).toContain(name);
    expect(html).toContain('删除后公开');
    expect(html).toContain(LEGAL_BASES[0]);
    expect(html).toContain('保留并说明');
    expect(html).not.toContain('（待签批）');
  });

  it('prints the audit chain head and the hash of the dictionary version the scan used', () => {
    const html = renderReviewForm(detail, { chainHead });
    expect(chainHead.seq).toBe(Number(execFileSync('sqlite3', [dbFile, 'SELECT MAX(seq) FROM audit_log'], { encoding: 'utf8' })));
    expect(html).toContain(`审计链头：第 ${chainHead.seq} 条`);
    expect(html).toContain(`<span class="hash">${chainHead.hash}</span>`);
    expect(html).toContain(`--expect ${chainHead.seq}:哈希`);
    // The 词库哈希 is the version's hash, as the version list shows it.
    const active = services.dictionary.listVersions(admin).find((x) => x.active)!;
    expect(detail.scan.dictionaryVersion).toBe(`词库第${active.number}版`);
    expect(detail.scan.dictionaryHash).toBe(active.hash);
    expect(html).toContain(`<tr><th>词库哈希</th><td colspan="3" class="hash">${active.hash}</td></tr>`);
    const list = spawnSync(process.execPath, [join(root, 'bin/mishen.js'), '--db', dbFile, 'dict', 'list'], {
      encoding: 'utf8',
      env: { ...process.env, MISHEN_USER: 'admin', MISHEN_PASSWORD: 'admin-password' },
    });
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toContain(`* 第 ${active.number} 版  ${detail.scan.dictionaryHash}`);
  });

  it('shows steps not yet signed as empty rows, and warnings prominently', () => {
    const open: DocumentDetail = {
      ...detail,
      state: '待处室审核',
      signoffs: detail.signoffs.slice(0, 1),
      scan: { ...detail.scan, warnings: [{ code: 'no-text-layer', page: 2, message: '第2页没有文字层（可能是扫描图像），需要人工或OCR审查。' }] },
    };
    const html = renderReviewForm(open);
    expect(html.match(/（待签批）/g)).toHaveLength(2);
    expect(html).toContain('class="warnings"');
    expect(html).toContain('第2页没有文字层');
    expect(html).toContain('尚未办结');
    // Until the chain is complete, 「未办结」 stands across every page; a finished one has none.
    expect(html).toContain('<div class="watermark" aria-hidden="true">未办结</div>');
    expect(renderReviewForm(detail)).not.toContain('class="watermark"');
  });

  it('sums up by severity and category, lists what weighs, and gives 提示 as a number unless the annex is asked for', () => {
    const info = detail.scan.findings.filter((f) => f.severity === 'info');
    const weighed = detail.scan.findings.filter((f) => f.severity !== 'info');
    expect(info.length).toBeGreaterThan(0);
    const html = renderReviewForm(detail);
    expect(html).toContain(`三、审查发现汇总（共 ${detail.scan.findings.length} 处）`);
    expect(html).toContain('<td>密级标志</td>');
    expect(html).toContain(`四、禁止发布与需人工判断的发现及处置（共 ${weighed.length} 处）`);
    expect(html).toContain(`另有「提示」类发现 ${info.length} 处`);
    // One row per finding listed: the weighed ones only.
    expect(html.match(/<tr class="sev-/g)).toHaveLength(weighed.length);
    const annexed = renderReviewForm(detail, { infoAnnex: true });
    expect(annexed).toContain(`附件：「提示」类发现清单（共 ${info.length} 处）`);
    expect(annexed.match(/<tr class="sev-/g)).toHaveLength(detail.scan.findings.length);
  });

  it('escapes document content', () => {
    const [first, ...rest] = detail.scan.findings;
    const hostile: DocumentDetail = {
      ...detail,
      title: '<img src=x onerror=alert(2)>',
      scan: { ...detail.scan, findings: [{ ...first, match: '<script>alert(1)</script>', context: '"><b>x</b>' }, ...rest] },
    };
    const html = renderReviewForm(hostile);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>x</b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it.skipIf(!findChromium())('prints to an A4 PDF', async () => {
    const pdf = join(out, 'review-form-02.pdf');
    rmSync(pdf, { force: true });
    await printHtmlToPdf(renderReviewForm(detail, { chainHead }), pdf);
    expect(statSync(pdf).size).toBeGreaterThan(10_000);
    if (hasCommand('pdftoppm')) {
      const png = join(out, 'review-form-02-1.png');
      rmSync(png, { force: true });
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join(out, 'review-form-02-1')]);
      expect(existsSync(png)).toBe(true);
      expect(statSync(png).size).toBeGreaterThan(20_000);
    }
  });
});

describe('登记簿', () => {
  const month = beijingTime(new Date().toISOString(), false).slice(0, 7);

  it('lists the month’s items as CSV with BOM and full hashes', () => {
    const rows = registerRows([detail], month);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ seq: 1, division: '综合处', drafterName: '张三', outcome: '删除后公开', state: '已办结', verdict: 'block' });
    expect(registerRows([detail], '2001-01')).toHaveLength(0);
    expect(() => registerRows([detail], '2025-13')).toThrow(/YYYY-MM/);

    const csv = registerCsv(rows, chainHead);
    expect(csv.startsWith('\uFEFF序号,标题,文号,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    // header, row, an empty line, the chain head, final empty after the last CRLF
    expect(lines).toHaveLength(5);
    expect(lines[3]).toBe(`审计链头,第 ${chainHead.seq} 条,${chainHead.hash}`);
    expect(lines[1]).toContain(detail.latestVersion.sha256);
    expect(lines[1]).toContain('删除后公开');
    expect(registerCsv([{ ...rows[0], title: '甲,"乙"\n丙', docNumber: '=1+1' }])).toContain(`"甲,""乙""\n丙",'=1+1,`);
  });

  it('prints as escaped A4 landscape HTML', () => {
    const rows = registerRows([{ ...detail, title: '<script>alert(1)</script>' }], month);
    const html = renderRegisterHtml(rows, month, chainHead);
    writeFileSync(join(out, `register-${month}.html`), html);
    expect(html).toContain('size: A4 landscape');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain(detail.latestVersion.sha256.slice(0, 12));
    expect(html).toContain(`审计链头：第 ${chainHead.seq} 条`);
  });
});
