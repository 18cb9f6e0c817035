import type { Page } from 'playwright-core';
import type { DocumentState } from '../../../shared/records';

export class WorkbenchPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('menuitem', { name: '工作台' }).click();
    await this.page.getByRole('heading', { name: '工作台' }).waitFor();
  }

  async showState(state: DocumentState): Promise<void> {
    await this.page.getByTestId(`state-tab-${state}`).click();
  }

  async count(state: DocumentState): Promise<number> {
    return Number((await this.page.getByTestId(`state-tab-${state}`).getAttribute('data-count')) ?? '0');
  }

  /** The tab the workbench shows now. */
  async currentState(): Promise<string> {
    return (await this.page.locator('[data-testid^="state-tab-"][aria-selected="true"]').getAttribute('data-testid'))?.replace('state-tab-', '') ?? '';
  }

  emptyState() {
    return this.page.locator('.ant-empty-description');
  }

  rowOf(title: string) {
    return this.page.locator('tr.ant-table-row').filter({ hasText: title });
  }

  async openReview(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `审查「${title}」` }).click();
  }

  async openHistory(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `「${title}」的历史与审查单` }).click();
  }
}
