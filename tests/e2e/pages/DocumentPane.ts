import type { Page } from 'playwright-core';

/** The document pane of the review view: the file as it looks, with the findings drawn in place. */
export class DocumentPane {
  constructor(readonly page: Page) {}

  root() {
    return this.page.getByTestId('document-pane');
  }

  /** Waits until the first page of a PDF or OFD is drawn. */
  async waitForPage(): Promise<void> {
    await this.root().locator('[data-testid="pdf-page"][data-rendered="true"]').first().waitFor();
  }

  boxes(page = 1) {
    return this.root().locator(`[data-testid="pdf-page"][data-page="${page}"] .page-box`);
  }

  /** Selects a finding from the findings list by its match (the first such row). */
  async selectFinding(match: string | RegExp): Promise<string> {
    const row = this.page.getByTestId('findings-list').locator('[data-finding-id]').filter({ hasText: match }).first();
    await row.click();
    return (await row.getAttribute('data-finding-id')) ?? '';
  }

  /** Whatever marks finding `id` in the document: a mark, a box, an outline. */
  marking(id: string) {
    return this.root().locator(`[data-finding-ids~="${id}"]`);
  }

  async settle(ms = 400): Promise<void> {
    await this.page.waitForTimeout(ms);
  }
}
