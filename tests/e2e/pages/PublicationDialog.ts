import type { Page } from 'playwright-core';
import type { PublicationInput } from '../../../shared/api-contract';
import { buttonName } from './button-name';

/** The 拟公开方式 dialog opened from the review header. */
export class PublicationDialog {
  constructor(readonly page: Page) {}

  summary() {
    return this.page.getByTestId('publication-summary');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('open-publication').click();
    await this.dialog().waitFor();
  }

  dialog() {
    return this.page.getByRole('dialog').filter({ hasText: '拟公开方式' });
  }

  /** Fills every field and saves; waits until the dialog has closed. */
  async fillAndSave(p: PublicationInput): Promise<void> {
    const dialog = this.dialog();
    await dialog.getByLabel(p.publicationMode, { exact: true }).check();
    await dialog.getByLabel('公开渠道').fill(p.channel);
    await dialog.getByLabel('公开范围').fill(p.scope);
    await dialog.getByLabel('拟公开时间').fill(p.publishTime);
    await dialog.getByRole('button', { name: buttonName('保存') }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
}
