// @vitest-environment node
// End to end with a real 100-page law text (about 1,260 findings): the review view must open in
// reasonable time, show the first findings, and walk them by keyboard with the list virtualised.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ImportPage } from './pages/ImportPage';
import { LoginPage } from './pages/LoginPage';
import { ReviewPage } from './pages/ReviewPage';
import { WorkbenchPage } from './pages/WorkbenchPage';
import { SCREENSHOTS, USERS, startHarness, type Harness } from './support/harness';

/** The timing documents: the `shared/perf` folder beside the project. */
const PERF_DOCX = fileURLToPath(new URL('../../../shared/perf/perf-100p.docx', import.meta.url));
const TITLE = 'perf-100p';

let h: Harness;
let review: ReviewPage;

describe('大文稿（端到端）', () => {
  beforeAll(async () => {
    h = await startHarness();
    review = new ReviewPage(h.page);
    await new LoginPage(h.page).loginAs(USERS.drafter);
  }, 180_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await h?.page.screenshot({ path: join(SCREENSHOTS, 'failed-large-document.png') }).catch(() => undefined);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('导入 100 页的法规文本', async () => {
    const importer = new ImportPage(h.page);
    await importer.open();
    await importer.chooseFiles([PERF_DOCX]);
    await importer.waitUntilFinished(120_000);
    expect(await importer.status('perf-100p.docx')).toBe('done');
  }, 150_000);

  it('审查视图打开，前几条发现显示出来', async () => {
    const workbench = new WorkbenchPage(h.page);
    await workbench.open();
    await workbench.showState('待自查');
    const started = Date.now();
    await workbench.openReview(TITLE);
    await review.waitFor(TITLE);
    await review.findingItems().first().waitFor();
    await h.page.locator('[data-testid="document-pane"] mark.finding-mark').first().waitFor();
    const elapsed = Date.now() - started;
    process.stdout.write(`[large-document] review view ready in ${elapsed} ms\n`);
    const total = Number((await h.page.getByTestId('findings-card').getByRole('tab', { name: /审查发现/ }).textContent())?.match(/\d+/)?.[0]);
    expect(total).toBeGreaterThan(1000);
    // Only a window of the list is in the DOM, not every finding.
    expect(await review.findingItems().count()).toBeLessThan(200);
  }, 60_000);

  it('按 j 50 次，选中第 51 条发现，并滚动到可见处', async () => {
    const ids = await review.findingIds();
    await review.select(ids[0]);
    const first = await review.selectedFindingId();
    expect(first).toBe(ids[0]);
    for (let i = 0; i < 50; i++) await review.press('j');
    const selected = h.page.locator('.finding-item.selected');
    await expect.poll(() => selected.getAttribute('data-finding-ordinal')).toBe('51');
    expect(await selected.isVisible()).toBe(true);
    const list = await h.page.getByTestId('findings-list').boundingBox();
    const item = await selected.boundingBox();
    expect(item!.y).toBeGreaterThanOrEqual(list!.y - 1);
    expect(item!.y + item!.height).toBeLessThanOrEqual(list!.y + list!.height + 1);
    await h.page.screenshot({ path: join(SCREENSHOTS, '10-large-document.png') });
    expect(h.pageErrors).toEqual([]);
  }, 60_000);
});
