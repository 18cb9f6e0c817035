import type { Page } from 'playwright-core';
import { buttonName } from './button-name';

export class SignoffDialog {
  constructor(readonly page: Page) {}

  root() {
    return this.page.getByRole('dialog');
  }

  async title(): Promise<string> {
    return (await this.root().locator('.ant-modal-title').textContent()) ?? '';
  }

  async fillOpinion(text: string): Promise<void> {
    await this.root().getByLabel('审查意见').fill(text);
  }

  async chooseReturn(): Promise<void> {
    await this.root().getByText('退回修改').click();
  }

  /** Picks the office outcome (and legal basis when it withholds) from the antd selects. */
  async chooseOutcome(outcome: string, legalBasis?: string): Promise<void> {
    await this.root().getByLabel('审查结论').click();
    await this.page.locator('.ant-select-item-option').filter({ hasText: outcome }).first().click();
    if (legalBasis) {
      await this.root().getByLabel('法律依据').click();
      await this.page.locator('.ant-select-item-option').filter({ hasText: legalBasis }).first().click();
    }
  }

  async submit(): Promise<void> {
    await this.root().getByRole('button', { name: /确认签批|退\s*回/ }).click();
  }

  async refusal(): Promise<string> {
    const alert = this.root().getByTestId('signoff-refusal');
    await alert.waitFor();
    return (await alert.textContent()) ?? '';
  }

  async cancel(): Promise<void> {
    await this.root().getByRole('button', { name: buttonName('取消') }).click();
    await this.root().waitFor({ state: 'hidden' });
  }

  async waitClosed(): Promise<void> {
    await this.root().waitFor({ state: 'hidden' });
  }
}
