import type { Page } from 'playwright-core';

export class HistoryPage {
  constructor(readonly page: Page) {}

  async waitFor(title: string): Promise<void> {
    await this.page.getByRole('heading', { name: `历史与审查单：${title}` }).waitFor();
    await this.page.getByTestId('review-form-frame').waitFor();
  }

  /** The text of the 审查单 inside its sandboxed iframe. */
  async reviewFormText(): Promise<string> {
    const body = this.page.frameLocator('[data-testid="review-form-frame"]').locator('body');
    await body.waitFor();
    return (await body.textContent()) ?? '';
  }

  async signoffRecords(): Promise<string[]> {
    return this.page.getByTestId('signoff-record').allTextContents();
  }

  async exportPdf(): Promise<string> {
    await this.page.getByRole('button', { name: /导出 PDF/ }).click();
    const result = this.page.getByTestId('pdf-result');
    await result.waitFor();
    return (await result.textContent()) ?? '';
  }
}
