// @vitest-environment node
// End to end: the document as it looks, with every finding where it stands, in Chromium against the
// real service (OCR on, as in the app) and a real database. A PDF page drawn by pdf.js with boxes over
// its findings; a Word table as a table, a finding in a cell and the aggregation outlining the table;
// a comment beside its mark and a tracked deletion struck through where it stood; a scanned page and a
// pasted picture with what OCR read boxed on them; an OFD page; a workbook's hidden sheet; the
// findings chart; the review at 1280×720 and 1920×1080; a corrected file uploaded as version 2; a
// 0-byte file refused.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DocumentPane } from './pages/DocumentPane';
import { ImportPage } from './pages/ImportPage';
import { LoginPage } from './pages/LoginPage';
import { ReviewPage } from './pages/ReviewPage';
import { WorkbenchPage } from './pages/WorkbenchPage';
import { CORPUS, SCREENSHOTS, USERS, startHarness, type Harness } from './support/harness';
import { ID_1, ID_2, correctedDocx, draftWithPicture, listWithHiddenSheet, ofdFile } from '../support/make-files';

let h: Harness;
let work: string;
let review: ReviewPage;
let pane: DocumentPane;
let workbench: WorkbenchPage;

const shot = (name: string, fullPage = false) => h.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });

async function open(title: string): Promise<void> {
  await workbench.open();
  await workbench.showState('待自查');
  await workbench.openReview(title);
  await review.waitFor(title);
}

describe('文稿原貌与发现所在（端到端）', () => {
  beforeAll(async () => {
    h = await startHarness({ ocr: true });
    review = new ReviewPage(h.page);
    pane = new DocumentPane(h.page);
    workbench = new WorkbenchPage(h.page);
    work = mkdtempSync(join(tmpdir(), 'mishen-e2e-views-'));
    writeFileSync(join(work, 'empty.txt'), '');
    writeFileSync(join(work, 'empty.docx'), '');
    await draftWithPicture(join(work, 'pasted-picture.docx'), ['内部资料', `身份证号：${ID_1}`]);
    await ofdFile(join(work, 'water-facilities.ofd'), [['机密★5年', '关于城市供水设施情况的报告'], [`联系人张伟，身份证号${ID_2}。`]]);
    await listWithHiddenSheet(join(work, 'publicity-list.xlsx'));
    await new LoginPage(h.page).loginAs(USERS.drafter);
  }, 180_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await h?.page.screenshot({ path: join(SCREENSHOTS, `failed-views-${ctx.task.name.slice(0, 12)}.png`) }).catch(() => undefined);
  });

  afterAll(async () => {
    await h?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('导入：标题与文号在导入时填写；0 字节的文件被拒绝，说明文件为空', async () => {
    const importer = new ImportPage(h.page);
    await importer.open();
    const corpus = ['07-normalization.pdf', '03-personal-info.docx', '04-hidden-content.docx', '02-classified-marking.docx', '06-scanned.pdf'].map((f) => join(CORPUS, f));
    const made = ['pasted-picture.docx', 'water-facilities.ofd', 'publicity-list.xlsx', 'empty.txt', 'empty.docx'].map((f) => join(work, f));
    await importer.chooseFiles([...corpus, ...made], {
      titles: { '02-classified-marking.docx': '关于2025年度全省城市供水应急保障工作的情况报告' },
      docNumbers: { '02-classified-marking.docx': '综〔2025〕12号' },
    });
    await importer.waitUntilFinished(300_000);
    for (const empty of ['empty.txt', 'empty.docx']) {
      expect(await importer.status(empty)).toBe('failed');
      expect(await importer.failureReason(empty)).toContain('文件为空（0 字节）');
    }
    for (const f of ['07-normalization.pdf', 'pasted-picture.docx', 'water-facilities.ofd', 'publicity-list.xlsx']) expect(await importer.status(f)).toBe('done');
    await shot('25-import-empty-refused', true);
    // The title and number given at import are the record's, and the workbench's.
    await workbench.open();
    await workbench.showState('待自查');
    expect(await workbench.rowOf('关于2025年度全省城市供水应急保障工作的情况报告').textContent()).toContain('综〔2025〕12号');
  }, 320_000);

  it('PDF：pdf.js 画出页面，发现以方框标在原处（至少三处）', async () => {
    await open('07-normalization');
    await pane.waitForPage();
    expect(await pane.boxes(1).count()).toBeGreaterThanOrEqual(3);
    const id = await pane.selectFinding('２２０１０６');
    await pane.settle();
    // The box stands over the ID number on the page: within the page, right of the left margin.
    const box = (await pane.marking(id).boundingBox())!;
    const page = (await pane.root().locator('[data-testid="pdf-page"][data-page="1"]').boundingBox())!;
    expect(box.x).toBeGreaterThan(page.x + page.width * 0.2);
    expect(box.y).toBeGreaterThan(page.y);
    expect(box.width).toBeGreaterThan(page.width * 0.25);
    await shot('21-pdf-boxes');
  });

  it('Word：表格显示为表格，单元格内的发现在原处，数据汇聚框出整张表', async () => {
    await open('03-personal-info');
    const table = pane.root().locator('table.word-table');
    await table.first().waitFor();
    expect(await table.first().locator('tr').count()).toBeGreaterThanOrEqual(6);
    // An ID number marked inside its cell.
    expect(await table.first().locator('td mark.finding-mark').filter({ hasText: '220102198503120019' }).count()).toBe(1);
    const id = await pane.selectFinding(/^表格 1/);
    const outline = pane.marking(id);
    await outline.waitFor();
    expect(await outline.getAttribute('data-testid')).toBe('aggregate-outline');
    expect(await outline.locator('table.word-table').count()).toBe(1);
    await pane.settle();
    await shot('22-word-table-aggregation');
  });

  it('Word：批注在其标记旁，删除的修订以删除线显示在原位置，隐藏文字淡显在原处', async () => {
    await open('04-hidden-content');
    const deleted = h.page.locator('del.tracked-deletion').filter({ hasText: '根据省委常委会会议纪要（机密）精神，' });
    const deletion = pane.root().locator(deleted);
    await deletion.waitFor();
    // In its paragraph, between what stood before and after it.
    const paragraph = pane.root().locator('.word-paragraph').filter({ has: deleted });
    expect(await paragraph.textContent()).toBe('经研究，根据省委常委会会议纪要（机密）精神，决定进一步简化住房公积金提取材料。');
    expect(await deletion.locator('mark.finding-mark').filter({ hasText: '机密' }).count()).toBeGreaterThan(0);
    // The comment beside the paragraph it is attached to, its mark in the text.
    const row = pane.root().locator('.word-row').filter({ has: h.page.locator('.word-comment') });
    expect(await row.locator('.word-paragraph').textContent()).toContain('今年以来提取业务量较上年增长百分之十八');
    expect(await row.locator('.comment-ref').textContent()).toBe('批注 1');
    expect(await row.locator('.word-comment').textContent()).toContain('不宜公开');
    expect(await pane.root().locator('.hidden-text').filter({ hasText: '13844556677' }).count()).toBe(1);
    expect(await pane.root().locator('ins.tracked-insertion').filter({ hasText: '本通知自发布之日起施行。' }).count()).toBe(1);
    // Properties have their own view.
    await review.showView('文档属性与注释');
    expect(await pane.root().getByTestId('properties-view').textContent()).toContain('文档属性「标题」');
    await review.showView('原貌');
    await pane.selectFinding('不宜公开');
    await pane.settle();
    await shot('23-comment-deletion-in-place');
  });

  it('统计：按严重程度和类别的图表，点击严重程度只列出这一类', async () => {
    await open('关于2025年度全省城市供水应急保障工作的情况报告');
    await h.page.getByRole('tab', { name: '统计' }).click();
    const chart = h.page.getByTestId('findings-chart');
    await chart.waitFor();
    expect(await chart.locator('.chart-row').count()).toBeGreaterThanOrEqual(2);
    expect(await chart.locator('[data-category="classification-mark"]').textContent()).toContain('密级标志');
    await shot('26-findings-chart');
    await chart.locator('[data-severity="block"]').click();
    await h.page.getByTestId('findings-list').waitFor();
    const severities = await h.page.getByTestId('findings-list').locator('[data-severity-group]').evaluateAll((els) => els.map((e) => e.getAttribute('data-severity-group')));
    expect(severities).toEqual(['block']);
    await h.page.getByText(/^全部 \d+/).click();
  });

  for (const size of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    it(`版面 ${size.width}×${size.height}：页面不滚动，处置按钮和签批原因都在视野内，页头一行`, async () => {
      await h.page.setViewportSize(size);
      await open('04-hidden-content');
      await pane.settle(600);
      const fits = await h.page.evaluate(() => {
        const doc = (globalThis as unknown as { document: { scrollingElement: { scrollHeight: number } } }).document;
        return doc.scrollingElement.scrollHeight <= (globalThis as unknown as { innerHeight: number }).innerHeight + 1;
      });
      expect(fits).toBe(true);
      for (const button of await h.page.getByTestId('disposition-controls').getByRole('button').all()) {
        const b = (await button.boundingBox())!;
        expect(b.y + b.height).toBeLessThanOrEqual(size.height);
      }
      const header = (await h.page.locator('.review-header-main').boundingBox())!;
      expect(header.height).toBeLessThan(48);
      // The list shows a good part of the findings, not a handful.
      const list = (await h.page.getByTestId('findings-list').boundingBox())!;
      expect(list.height).toBeGreaterThan(size.height * 0.25);
      await shot(`27-review-${size.width}x${size.height}`);
    });
  }

  it('上传修改稿：确认需修改后，起草人上传改正的文件，成为第 2 版，流程从起草人自查重新开始', async () => {
    await h.page.setViewportSize({ width: 1440, height: 900 });
    const title = '关于2025年度全省城市供水应急保障工作的情况报告';
    await open(title);
    await pane.selectFinding('机密★5年');
    await review.disposeSelectedByKeyboard('4');
    expect(await review.signoffButton().isDisabled()).toBe(true);
    const before = (await review.findingIds()).length;
    const fixed = await correctedDocx(join(CORPUS, '02-classified-marking.docx'), join(work, '02-classified-marking-修改稿.docx'), [
      ['机密★5年', ''],
      ['内部资料', ''],
      ['（此件不公开）', ''],
    ]);
    await h.page.getByTestId('revision-file-input').setInputFiles(fixed);
    await h.page.getByTestId('review-title').filter({ hasText: title }).waitFor();
    await expect.poll(async () => h.page.locator('.review-meta').textContent(), { timeout: 60_000 }).toContain('第 2 版');
    expect(await review.state()).toBe('待自查');
    expect(await h.page.locator('.review-meta').textContent()).toContain('02-classified-marking-修改稿.docx');
    const after = (await review.findingIds()).length;
    expect(after).toBeLessThan(before);
    expect(await pane.root().locator('mark.finding-mark').filter({ hasText: '机密★5年' }).count()).toBe(0);
    await pane.settle();
    await shot('24-revision-version-2');
    await h.page.getByRole('button', { name: /历史与审查单/ }).click();
    await h.page.getByRole('heading', { name: `历史与审查单：${title}` }).waitFor();
    expect(await h.page.locator('tr.ant-table-row').filter({ hasText: '第 2 版' }).count()).toBe(1);
    expect(await h.page.locator('tr.ant-table-row').filter({ hasText: '第 1 版' }).count()).toBe(1);
  });

  it('OCR：扫描页上识别出的「秘密★1年」框在页面原处', async () => {
    await open('06-scanned');
    await pane.waitForPage();
    const box = pane.boxes(1).first();
    await box.waitFor();
    const b = (await box.boundingBox())!;
    const page = (await pane.root().locator('[data-testid="pdf-page"][data-page="1"]').boundingBox())!;
    // The mark stands at the top left of the page.
    expect(b.x - page.x).toBeLessThan(page.width * 0.4);
    expect(b.y - page.y).toBeLessThan(page.height * 0.25);
    // ★ read by OCR as another glyph (文) is still the mark.
    expect(await h.page.getByTestId('findings-list').textContent()).toMatch(/秘\s*密\s*\S\s*1\s*年/);
    await pane.settle();
    await shot('30-ocr-scanned-page');
  });

  it('OCR：粘贴在 Word 里的截图，识别出的「内部资料」和身份证号框在图上', async () => {
    await open('pasted-picture');
    const picture = pane.root().getByTestId('picture-view');
    await picture.locator('img').waitFor();
    await expect.poll(() => picture.locator('.page-box').count()).toBeGreaterThanOrEqual(2);
    await pane.selectFinding(ID_1);
    await pane.settle();
    await shot('31-picture-ocr-in-word');
  });

  it('OFD：页面按原位置排出文字，密级标志和身份证号框在页上', async () => {
    await open('water-facilities');
    await pane.waitForPage();
    expect(await pane.root().locator('.ofd-text').filter({ hasText: '机密★5年' }).count()).toBe(1);
    expect(await pane.boxes(1).count()).toBeGreaterThanOrEqual(1);
    expect(await pane.boxes(2).count()).toBeGreaterThanOrEqual(1);
    await pane.selectFinding(ID_2);
    await pane.settle();
    await shot('32-ofd-pages');
  });

  it('表格文件：隐藏的工作表标明「隐藏」，选中身份证号即显示该表、该单元格', async () => {
    await open('publicity-list');
    const view = pane.root().getByTestId('sheet-view');
    await view.waitFor();
    expect(await view.getByRole('tab', { name: /原始数据/ }).textContent()).toContain('隐藏工作表');
    const id = await pane.selectFinding(ID_1);
    const mark = pane.marking(id);
    await mark.waitFor();
    expect(await mark.locator('xpath=ancestor::td').getAttribute('class')).toContain('hidden-cell');
    expect(await view.getByRole('tab', { selected: true }).textContent()).toContain('原始数据');
    await pane.settle();
    await shot('33-sheet-hidden-cell');
  });

  it('离线：窗口没有发出任何外部请求，也没有脚本错误', () => {
    expect(h.refusedRequests).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
