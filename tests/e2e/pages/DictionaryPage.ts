import type { Page } from 'playwright-core';
import { buttonName } from './button-name';

/** 词库管理: the security officer's screen. */
export class DictionaryPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('menuitem', { name: '词库管理' }).click();
    await this.page.getByRole('heading', { name: '词库管理' }).waitFor();
    await this.page.getByTestId('entry-table').waitFor();
  }

  async showTab(label: string): Promise<void> {
    await this.page.getByRole('tab', { name: new RegExp(`^${label}`) }).click();
  }

  async versionText(): Promise<string> {
    return (await this.page.getByTestId('dictionary-version').textContent()) ?? '';
  }

  editor() {
    return this.page.getByTestId('entry-editor');
  }

  async startNewTerm(): Promise<void> {
    await this.page.getByRole('button', { name: /新增词条/ }).click();
    await this.editor().waitFor();
  }

  async typeTerm(text: string): Promise<void> {
    await this.editor().getByTestId('entry-text').fill(text);
  }

  async typeCategory(category: string): Promise<void> {
    const input = this.editor().getByRole('combobox', { name: '类别' });
    await input.fill(category);
    // Leave the field to close its suggestion list. Not Escape: when the list has not opened yet
    // (a loaded machine), Escape closes the whole dialog instead.
    await input.blur();
  }

  async chooseSeverity(label: string): Promise<void> {
    await this.editor().getByRole('radio', { name: label }).check();
  }

  async typeNote(note: string): Promise<void> {
    await this.editor().getByLabel('说明').fill(note);
  }

  problems(field: string) {
    return this.editor().getByTestId(`problems-${field}`);
  }

  async confirmEditor(): Promise<void> {
    await this.page.getByRole('dialog').getByRole('button', { name: buttonName('确定') }).click();
    await this.editor().waitFor({ state: 'detached' });
  }

  async unsavedCount(): Promise<string> {
    return (await this.page.getByTestId('unsaved-count').textContent()) ?? '';
  }

  async pasteIntoTester(text: string): Promise<void> {
    await this.page.getByTestId('tester-text').fill(text);
  }

  testerFinding(match: string) {
    return this.page.locator(`[data-testid="tester-finding"][data-match="${match}"]`);
  }

  async save(note: string): Promise<void> {
    await this.page.getByRole('button', { name: /保存为新版本/ }).click();
    const dialog = this.page.getByRole('dialog').filter({ hasText: '保存为新版本' });
    await dialog.getByLabel('修改说明').fill(note);
    await dialog.getByRole('button', { name: buttonName('保存') }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  async compare(from: number, to: number): Promise<string> {
    await this.pickOption('比较的旧版本', `第 ${from} 版`);
    await this.pickOption('比较的新版本', `第 ${to} 版`);
    await this.page.getByRole('button', { name: buttonName('比较') }).click();
    const view = this.page.getByTestId('diff-view');
    await view.waitFor();
    return (await view.textContent()) ?? '';
  }

  private async pickOption(label: string, option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: label }).click();
    // The dropdown just opened is the one that is visible; a previous one may still be fading out.
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).last().click();
    await this.page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' }).catch(() => undefined);
    await this.page.waitForFunction(() => !(globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)'));
  }

  async chooseImportFile(path: string): Promise<void> {
    await this.page.getByTestId('dictionary-import-input').setInputFiles(path);
    await this.page.getByTestId('import-preview-table').waitFor();
    await this.settleDialog();
  }

  /** Waits until the dialog's opening animation is over (for screenshots). */
  async settleDialog(): Promise<void> {
    await this.page.locator('.ant-modal').evaluate((el) => Promise.all((el as unknown as { getAnimations(o: object): { finished: Promise<unknown> }[] }).getAnimations({ subtree: true }).map((a) => a.finished)));
    await this.page.waitForTimeout(300);
  }

  async importCount(action: 'add' | 'change' | 'duplicate' | 'invalid'): Promise<number> {
    const text = (await this.page.getByTestId(`import-count-${action}`).textContent()) ?? '';
    return Number(text.replace(/[^0-9]/g, ''));
  }

  importRows(action: 'add' | 'change' | 'duplicate' | 'invalid') {
    return this.page.locator(`tr.import-row-${action}`);
  }

  async cancelDialog(): Promise<void> {
    await this.page.getByRole('dialog').getByRole('button', { name: buttonName('取消') }).click();
    await this.page.getByRole('dialog').waitFor({ state: 'detached' });
  }

  async importPackage(path: string): Promise<string> {
    await this.page.getByTestId('package-import-input').setInputFiles(path);
    const outcome = this.page.getByTestId('package-outcome');
    await outcome.waitFor();
    return (await outcome.textContent()) ?? '';
  }
}
