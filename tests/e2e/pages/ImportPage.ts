import type { Page } from 'playwright-core';
import { buttonName } from './button-name';

export class ImportPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('menuitem', { name: '导入文稿' }).click();
    await this.page.getByTestId('drop-zone').waitFor();
  }

  /**
   * Picks files through the real <input type=file multiple>, then answers the dialog that asks what
   * each is to be recorded as: the titles given (by file name), the others left at their file names.
   */
  async chooseFiles(paths: string[], details: { titles?: Record<string, string>; docNumbers?: Record<string, string> } = {}): Promise<void> {
    await this.page.getByTestId('import-file-input').setInputFiles(paths);
    const dialog = this.page.getByRole('dialog').filter({ hasText: '开始审查' });
    await dialog.waitFor();
    // A click while the dialog is still zooming in can be lost (seen once in ten runs): let it settle.
    await this.page.locator('.ant-modal[class*="ant-zoom"]').waitFor({ state: 'detached' });
    for (const [name, title] of Object.entries(details.titles ?? {})) await dialog.getByLabel(`「${name}」的标题`).fill(title);
    for (const [name, number] of Object.entries(details.docNumbers ?? {})) await dialog.getByLabel(`「${name}」的文号`).fill(number);
    await dialog.getByRole('button', { name: buttonName('开始审查') }).click();
    await dialog.waitFor({ state: 'hidden' });
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
