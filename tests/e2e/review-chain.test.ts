// @vitest-environment node
// End to end: the built window in Chromium, the real service behind the contract. A drafter imports
// drafts, reviews 02-classified-marking.docx finding by finding, and the chain is signed by the
// drafter, the division head and the office reviewer; the 审查单 is bound to the file's SHA-256.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HistoryPage } from './pages/HistoryPage';
import { ImportPage } from './pages/ImportPage';
import { LoginPage } from './pages/LoginPage';
import { PublicationDialog } from './pages/PublicationDialog';
import { ReviewPage } from './pages/ReviewPage';
import { SignoffDialog } from './pages/SignoffDialog';
import { WorkbenchPage } from './pages/WorkbenchPage';
import { CORPUS, SCREENSHOTS, USERS, startHarness, type Harness } from './support/harness';

const CLASSIFIED = '02-classified-marking';
let h: Harness;
let login: LoginPage;
let workbench: WorkbenchPage;
let importer: ImportPage;
let review: ReviewPage;
let dialog: SignoffDialog;
let history: HistoryPage;

const shot = (name: string) => h.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });

async function relogin(user: (typeof USERS)[keyof typeof USERS]): Promise<void> {
  await login.logout();
  await login.loginAs(user);
}

describe('审查流程（端到端）', () => {
  beforeAll(async () => {
    h = await startHarness();
    login = new LoginPage(h.page);
    workbench = new WorkbenchPage(h.page);
    importer = new ImportPage(h.page);
    review = new ReviewPage(h.page);
    dialog = new SignoffDialog(h.page);
    history = new HistoryPage(h.page);
  }, 180_000);

  // What the window showed when a step failed, for whoever has to find out why.
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await h?.page.screenshot({ path: join(SCREENSHOTS, `failed-${ctx.task.name.slice(0, 12)}.png`) }).catch(() => undefined);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('登录：错误密码用中文说明，登录后显示角色', async () => {
    await login.waitForForm();
    await shot('01-login');
    await login.login(USERS.drafter.username, 'wrong-password');
    expect(await login.errorText()).toContain('用户名或密码错误');
    const header = await login.loginAs(USERS.drafter);
    expect(header).toContain('张三');
    expect(header).toContain('起草人');
    expect(header).toContain('综合处');
    await h.page.getByRole('heading', { name: '工作台' }).waitFor();
    expect(await workbench.emptyState().textContent()).toContain('导入文稿');
  });

  it('导入：多个文件逐个审查，无法读取的文件列出中文原因', async () => {
    await importer.open();
    const files = ['02-classified-marking.docx', '03-personal-info.docx', '11-not-a-pdf.pdf', '06-scanned.pdf', '05-aggregation.docx'];
    await importer.chooseFiles(files.map((f) => join(CORPUS, f)));
    await importer.waitUntilFinished();
    expect(await importer.status('02-classified-marking.docx')).toBe('done');
    expect(await importer.verdictOf('02-classified-marking.docx')).toBe('block');
    expect(await importer.status('03-personal-info.docx')).toBe('done');
    expect(await importer.status('11-not-a-pdf.pdf')).toBe('failed');
    expect(await importer.failureReason('11-not-a-pdf.pdf')).toContain('内容不是 PDF');
    // One at a time: each import call finished before the next began.
    expect(h.bridgeLog.calls.filter((c) => c.channel === 'documents/import')).toHaveLength(5);
    await shot('02-import');
  });

  it('工作台：按状态分组计数，审查结论标签', async () => {
    await workbench.open();
    await workbench.showState('待自查');
    await expect.poll(() => workbench.count('待自查')).toBe(4);
    expect(await workbench.rowOf(CLASSIFIED).locator('[data-verdict]').textContent()).toBe('禁止发布');
    await shot('03-workbench');
  });

  it('审查视图：页眉的「内部资料」和正文的「机密★5年」在原处标出', async () => {
    await workbench.openReview(CLASSIFIED);
    await review.waitFor(CLASSIFIED);
    expect(await review.marks('机密★5年').first().getAttribute('data-severity')).toBe('block');
    // The first finding (a 禁止发布 one) is selected on opening and outlined in the text.
    expect(await review.selectedInDocument()).toBeGreaterThan(0);
    await shot('04-review-body');
    // The header stands above the body, as on the page, with its finding marked there.
    const header = review.marks('内部资料').first();
    await header.waitFor();
    expect(await header.getAttribute('data-severity')).toBe('block');
    await header.click();
    expect(await h.page.getByTestId('finding-detail').textContent()).toContain('内部资料');
    await shot('05-review-header');
  });

  it('签批停用：还有未处置的「禁止发布」问题时，按钮停用并说明原因（只说一次）', async () => {
    expect(await review.signoffButton().isDisabled()).toBe(true);
    const reason = (await review.signoffBlockedReason()) ?? '';
    expect(reason).toContain('禁止发布');
    expect(reason).toContain('未处置');
    // Said once, on the status line, not again under the button.
    await expect.poll(() => h.page.getByTestId('blocked-reason').count()).toBe(1);
    expect(await h.page.getByTestId('blocked-reason').textContent()).toContain('禁止发布');
    await shot('06-signoff-blocked');
  });

  it('拟公开方式：起草人填写主动公开、政府门户网站、社会公众，审查单随之显示', async () => {
    const publication = new PublicationDialog(h.page);
    await publication.open();
    await publication.fillAndSave({ publicationMode: '主动公开', channel: '政府门户网站', scope: '社会公众', publishTime: '2025年7月1日' });
    await expect.poll(async () => publication.summary().textContent()).toContain('主动公开 · 政府门户网站 · 社会公众 · 2025年7月1日');
    await shot('11-publication');
    await h.page.getByRole('button', { name: /历史与审查单/ }).click();
    await history.waitFor(CLASSIFIED);
    await expect.poll(() => history.reviewFormText()).toContain('政府门户网站');
    const form = await history.reviewFormText();
    for (const value of ['主动公开', '社会公众', '2025年7月1日']) expect(form).toContain(value);
    await h.page.getByRole('button', { name: '返回审查视图' }).click();
    await review.waitFor(CLASSIFIED);
  });

  it('逐条处置（键盘 j/k 与 1–4），然后起草人签批', async () => {
    const ids = await review.findingIds();
    expect(ids.length).toBeGreaterThanOrEqual(6);
    // j / k walk the list.
    await review.select(ids[0]);
    await review.press('j');
    expect(await review.selectedFindingId()).toBe(ids[1]);
    await review.press('ArrowDown');
    expect(await review.selectedFindingId()).toBe(ids[2]);
    await review.press('k');
    await review.press('ArrowUp');
    expect(await review.selectedFindingId()).toBe(ids[0]);
    // Keyboard only: each disposition moves on to the next finding by itself.
    const keys = ['1', '2', '3', '4'] as const;
    for (let i = 0; i < ids.length; i++) {
      expect(await review.selectedFindingId()).toBe(ids[i]);
      const key = keys[i % keys.length];
      await review.disposeSelectedByKeyboard(key, key === '2' ? '此处为引用的法规条文，不是文稿标识' : '已在正文中删除并经处室确认');
    }
    expect(await review.openCountText()).toContain('全部已处置');

    // 确认需修改 keeps a block finding open, and 签批 stays disabled saying so: dispose those again as 已修改.
    if (await review.signoffButton().isDisabled()) {
      expect(await review.signoffBlockedReason()).toContain('禁止发布');
      for (const id of ids) {
        if ((await h.page.locator(`[data-finding-id="${id}"]`).getAttribute('data-disposed')) === 'must-fix') {
          await review.select(id);
          await review.disposeSelectedByKeyboard('1');
        }
      }
    }
    await review.openSignoff();
    await dialog.fillOpinion('已逐项自查，禁止发布的内容均已删除。');
    await dialog.submit();
    await dialog.waitClosed();
    await expect.poll(() => review.state()).toBe('待处室审核');
    // The next step is the division head's: the drafter's button says so instead of failing.
    expect(await review.signoffBlockedReason()).toContain('处室负责人');
  });

  it('处室负责人审核：李四登录签批', async () => {
    await relogin(USERS.divisionHead);
    await workbench.showState('待处室审核');
    await workbench.openReview(CLASSIFIED);
    await review.waitFor(CLASSIFIED);
    await review.openSignoff();
    expect(await dialog.title()).toContain('处室负责人审核');
    await dialog.fillOpinion('同意本处室自查意见，拟主动公开。');
    await dialog.submit();
    await dialog.waitClosed();
    await expect.poll(() => review.state()).toBe('待办公室审核');
  });

  it('角色不符：起草人不能进行办公室审核（按钮停用并说明原因）', async () => {
    await relogin(USERS.drafter);
    await workbench.showState('待办公室审核');
    await workbench.openReview(CLASSIFIED);
    await review.waitFor(CLASSIFIED);
    expect(await review.signoffButton().isDisabled()).toBe(true);
    expect(await review.signoffBlockedReason()).toContain('须由办公室审核人签批');
    // Said in words on the status line too, once, and tied to the button (aria-describedby): a
    // disabled button takes no focus, so no tooltip for the keyboard.
    const reason = h.page.getByTestId('blocked-reason');
    expect(await reason.textContent()).toContain('须由办公室审核人签批');
    expect(await review.signoffButton().getAttribute('aria-describedby')).toBe(await reason.getAttribute('id'));
    await review.signoffButton().hover({ force: true });
    await h.page.getByRole('tooltip').filter({ hasText: '办公室审核人' }).waitFor();
    await shot('07-wrong-role');
    await h.page.mouse.move(0, 0);
    await h.page.getByRole('tooltip').waitFor({ state: 'hidden' });
  });

  it('办公室审核：王五给出结论（删除后公开及法律依据）并签批，审查单含 SHA-256 和签批人', async () => {
    await relogin(USERS.officeReviewer);
    await workbench.showState('待办公室审核');
    await workbench.openReview(CLASSIFIED);
    await review.waitFor(CLASSIFIED);
    await review.openSignoff();
    expect(await dialog.title()).toContain('办公室审核');
    // 已修改 findings in an unchanged file cannot be published as is: the office says so first.
    await dialog.fillOpinion('经审核，可以公开。');
    await dialog.chooseOutcome('可以公开');
    await dialog.submit();
    expect(await dialog.refusal()).toContain('可以公开');
    await dialog.fillOpinion('删除密级标志和内部标识后公开。');
    await dialog.chooseOutcome('删除后公开', '第十四条');
    await dialog.submit();
    await dialog.waitClosed();
    await expect.poll(() => review.state()).toBe('已办结');

    await h.page.getByRole('button', { name: /历史与审查单/ }).click();
    await history.waitFor(CLASSIFIED);
    const sha = h.services.records.listDocuments(h.services.records.login(USERS.officeReviewer.username, USERS.officeReviewer.password)).find((d) => d.title === CLASSIFIED)!.latestVersion.sha256;
    await expect.poll(() => history.reviewFormText()).toContain(sha);
    const form = await history.reviewFormText();
    for (const name of ['张三', '李四', '王五']) expect(form).toContain(name);
    expect(await history.signoffRecords()).toHaveLength(3);
    const saved = await history.exportPdf();
    expect(saved).toContain('已保存到');
    const path = saved.slice(saved.indexOf('已保存到：') + '已保存到：'.length).trim();
    expect(existsSync(path) && statSync(path).size > 1000).toBe(true);
    await shot('08-history');
  });

  it('扫描件：没有文字层的页面在顶部红色提示', async () => {
    await workbench.open();
    await workbench.showState('待自查');
    await workbench.openReview('06-scanned');
    await review.waitFor('06-scanned');
    expect(await review.warnings().textContent()).toContain('没有文字层');
    await shot('09-scanned-warning');
  });

  it('离线：窗口没有发出任何外部请求，也没有脚本错误', () => {
    expect(h.refusedRequests).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
