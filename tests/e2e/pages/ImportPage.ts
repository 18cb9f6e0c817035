import type { Page } from 'playwright-core';

export class ImportPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('menuitem', { name: '导入文稿' }).click();
    await this.page.getByTestId('drop-zone').waitFor();
  }

  /** Picks files through the real <input type=file multiple>. */
  async chooseFiles(paths: string[]): Promise<void> {
    await this.page.getByTestId('import-file-input').setInputFiles(paths);
  }

  item(name: string) {
    return this.page.getByTestId('import-item').filter({ hasText: name });
  }

  async status(name: string): Promise<string | null> {
    return this.item(name).getAttribute('data-status');
  }

  /** Waits until every listed file is done or failed. */
  async waitUntilFinished(timeout = 120_000): Promise<void> {
    const deadline = Date.now() + timeout;
    const items = this.page.getByTestId('import-item');
    for (;;) {
      const statuses = await Promise.all((await items.all()).map((item) => item.getAttribute('data-status')));
      if (statuses.length > 0 && statuses.every((s) => s === 'done' || s === 'failed')) return;
      if (Date.now() > deadline) throw new Error(`导入未在 ${timeout} ms 内完成：${statuses.join(', ')}`);
      await this.page.waitForTimeout(250);
    }
  }

  async failureReason(name: string): Promise<string> {
    return (await this.item(name).getByTestId('import-failure-reason').textContent()) ?? '';
  }

  async verdictOf(name: string): Promise<string | null> {
    return this.item(name).locator('[data-verdict]').getAttribute('data-verdict');
  }
}
