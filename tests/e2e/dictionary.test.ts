// @vitest-environment node
// End to end: the security officer adds a term in the built window, the live tester (the shared
// engine in a Web Worker, over the UNSAVED set) finds it with its explanation, the officer saves
// version 2; a drafter's next scan finds the term and records 词库第2版. Also: an import preview
// with an invalid row, and a tampered package refused with its reason.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DictionaryPage } from './pages/DictionaryPage';
import { ImportPage } from './pages/ImportPage';
import { LoginPage } from './pages/LoginPage';
import { ReviewPage } from './pages/ReviewPage';
import { WorkbenchPage } from './pages/WorkbenchPage';
import { OFFICER, SCREENSHOTS, USERS, startHarness, type Harness } from './support/harness';

const TERM = '松柏计划';
let h: Harness;
let login: LoginPage;
let dict: DictionaryPage;

const shot = (name: string) => h.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });

/** A minimal Word file: one body paragraph per line. */
async function makeDocx(path: string, lines: readonly string[]): Promise<void> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const body = lines.map((l) => `<w:p><w:r><w:t xml:space="preserve">${l}</w:t></w:r></w:p>`).join('');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
}

describe('词库管理（端到端）', () => {
  beforeAll(async () => {
    h = await startHarness({
      people: [
        { ...USERS.drafter, role: 'drafter' },
        { ...OFFICER, role: 'security-officer' },
      ],
      timeoutMs: 20_000,
    });
    login = new LoginPage(h.page);
    dict = new DictionaryPage(h.page);
  }, 180_000);

  afterAll(async () => {
    await h?.close();
  });

  it('保密员打开词库管理：类别与条目计数，当前为第 1 版', async () => {
    await login.loginAs(OFFICER);
    await dict.open();
    expect(await dict.versionText()).toContain('词库第 1 版');
    const total = h.services.dictionary.activeSet().set.entries.length;
    expect(await h.page.getByTestId('entry-count').textContent()).toContain(String(total));
    await shot('20-dictionary-entries');
  });

  it('新增词条时随输入校验：正则无法编译、与已有条目重复', async () => {
    // A pattern that does not compile.
    await h.page.getByRole('button', { name: /新增正则/ }).click();
    await dict.editor().waitFor();
    await dict.typeTerm('(机密');
    await expect.poll(() => dict.problems('pattern').textContent()).toContain('无法编译');
    await dict.cancelDialog();
    // A duplicate of a starter entry.
    const existing = h.services.dictionary.activeSet().set.entries.find((e) => e.type === 'term' && e.enabled !== false)!;
    await dict.startNewTerm();
    await dict.typeTerm(existing.type === 'term' ? existing.term : '');
    await dict.typeCategory(existing.category);
    await expect.poll(() => dict.problems('term').textContent()).toContain('重复');
    // Then the new term: the problems go away as it is typed.
    await dict.typeTerm(TERM);
    await dict.typeCategory('project-codename');
    await dict.chooseSeverity('禁止发布');
    await dict.typeNote('内部工程代号，未公开');
    expect(await dict.problems('term').count()).toBe(0);
    await shot('21-dictionary-editor');
    await dict.confirmEditor();
    expect(await dict.unsavedCount()).toContain('1 处未保存');
  });

  it('实时检测：未保存的词库在粘贴的文字中找到新词条，并给出解释', async () => {
    await dict.showTab('实时检测');
    await dict.pasteIntoTester(`关于${TERM}二期工程进展情况的报告\n经研究，现将有关事项通知如下。`);
    const finding = dict.testerFinding(TERM);
    await finding.waitFor({ timeout: 30_000 });
    expect(await finding.getAttribute('data-severity')).toBe('block');
    expect(await finding.getByTestId('tester-explanation').textContent()).toContain(`词条「${TERM}」`);
    expect(await h.page.getByTestId('tester-status').textContent()).toContain('未保存');
    await shot('22-dictionary-live-tester');
  });

  it('保存为第 2 版；版本比较列出新增的词条', async () => {
    await dict.save('新增工程代号');
    await expect.poll(() => dict.versionText()).toContain('词库第 2 版');
    expect(h.services.dictionary.activeVersionNumber()).toBe(2);
    await dict.showTab('版本与比较');
    const diff = await dict.compare(1, 2);
    expect(diff).toContain(TERM);
    expect(diff).toContain('新增 1');
    await shot('23-dictionary-diff');
  });

  it('导入预览：逐行列出新增、重复和无效的行，取消后不生成新版本', async () => {
    const csv = join(h.dir, '代号清单.csv');
    writeFileSync(csv, `term,category,severity,note\n青松工程,project-codename,block,内部工程代号\n${TERM},project-codename,block,\n翠柏工程,project-codename,紧急,严重程度写错\n`);
    await dict.showTab('导入导出');
    await dict.chooseImportFile(csv);
    expect(await dict.importCount('add')).toBe(1);
    expect(await dict.importCount('duplicate')).toBe(1);
    expect(await dict.importCount('invalid')).toBe(1);
    expect(await dict.importRows('invalid').textContent()).toContain('翠柏工程');
    await shot('24-dictionary-import-preview');
    await dict.cancelDialog();
    expect(h.services.dictionary.activeVersionNumber()).toBe(2);
  });

  it('分发：被篡改的词库包被拒绝，并说明原因', async () => {
    const officer = h.services.records.login(OFFICER.username, OFFICER.password);
    const pkg = JSON.parse(h.services.dictionary.exportPackage(officer).toString('utf8'));
    // A newer version number would be welcome, but the signature no longer holds.
    const tampered = { ...pkg, version: pkg.version + 5, content: pkg.content.replace(TERM, '松柏规划') };
    const file = join(h.dir, '词库包-篡改.json');
    writeFileSync(file, JSON.stringify(tampered, null, 2));
    await dict.showTab('分发');
    const outcome = await dict.importPackage(file);
    expect(outcome).toContain('被拒绝');
    expect(outcome).toContain('篡改');
    expect(outcome).toContain('tampered');
    expect(h.services.dictionary.activeVersionNumber()).toBe(2);
    await shot('25-dictionary-package-refused');
  });

  it('起草人导入含新词条的 Word 文稿：扫描找到它，并记录词库第 2 版', async () => {
    await login.logout();
    await login.loginAs(USERS.drafter);
    // The drafter's menu has no 词库管理.
    expect(await h.page.getByRole('menuitem', { name: '词库管理' }).count()).toBe(0);
    const docx = join(h.dir, 'songbai-report.docx');
    await makeDocx(docx, ['关于推进重点工程建设的报告', `${TERM}一期已于今年完工，二期正在论证。`]);
    const importer = new ImportPage(h.page);
    await importer.open();
    await importer.chooseFiles([docx]);
    await importer.waitUntilFinished();
    expect(await importer.status('songbai-report.docx')).toBe('done');
    expect(await importer.verdictOf('songbai-report.docx')).toBe('block');

    const drafter = h.services.records.login(USERS.drafter.username, USERS.drafter.password);
    const summary = h.services.records.listDocuments(drafter).find((d) => d.latestVersion.fileName === 'songbai-report.docx')!;
    const detail = h.services.records.getDocument(drafter, summary.id);
    expect(detail.scan.dictionaryVersion).toBe('词库第2版');
    expect(detail.scan.findings.map((f) => f.match)).toContain(TERM);

    const workbench = new WorkbenchPage(h.page);
    await workbench.open();
    await workbench.openReview(summary.title);
    const review = new ReviewPage(h.page);
    await review.waitFor(summary.title);
    expect(await review.marks(TERM).first().getAttribute('data-severity')).toBe('block');
    await shot('26-dictionary-scan-finds-term');
  });

  it('离线：没有外部请求，也没有脚本错误', () => {
    expect(h.refusedRequests).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
