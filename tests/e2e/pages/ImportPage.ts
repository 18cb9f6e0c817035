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
    await this.page.waitForFunction(
      () => {
        const items = [...document.querySelectorAll('[data-testid="import-item"]')];
        return items.length > 0 && items.every((i) => ['done', 'failed'].includes(i.getAttribute('data-status') ?? ''));
      },
      undefined,
      { timeout, polling: 250 },
    );
  }

  async failureReason(name: string): Promise<string> {
    return (await this.item(name).getByTestId('import-failure-reason').textContent()) ?? '';
  }

  async verdictOf(name: string): Promise<string | null> {
    return this.item(name).locator('[data-verdict]').getAttribute('data-verdict');
  }
}
