import type { Page } from 'playwright-core';

/** 送审包 in the window: export from the review or history view, import on the workbench, keys and trust on their own screen. */
export class PackagesPage {
  constructor(readonly page: Page) {}

  exportButton() {
    return this.page.getByTestId('export-package');
  }

  /** Clicks the export button and saves the file the window hands over to `path`; the suggested name. */
  async exportTo(path: string): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.exportButton().click()]);
    await download.saveAs(path);
    return download.suggestedFilename();
  }

  /** Picks `path` with the workbench's 导入送审包 / 导入审核决定包 button; the outcome's text. */
  async importFile(path: string): Promise<string> {
    await this.page.getByTestId('package-file-input').setInputFiles(path);
    const outcome = this.page.getByTestId('package-import-outcome');
    await outcome.waitFor();
    return (await outcome.textContent()) ?? '';
  }

  outcome() {
    return this.page.getByTestId('package-import-outcome');
  }

  /** The 送审包 screen, from the workbench. */
  async openScreen(): Promise<void> {
    await this.page.getByTestId('open-packages').click();
    await this.page.getByRole('heading', { name: /送审包：本机公钥与信任的安装/ }).waitFor();
  }

  async fingerprint(): Promise<string> {
    const f = this.page.getByTestId('installation-fingerprint');
    await f.waitFor();
    return ((await f.textContent()) ?? '').trim();
  }

  async exportKeyTo(path: string): Promise<void> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: /导出本机公钥文件/ }).click()]);
    await download.saveAs(path);
  }

  async trustKeyFile(label: string, path: string): Promise<void> {
    await this.page.getByLabel('对方名称').fill(label);
    await this.page.getByTestId('trust-installation-input').setInputFiles(path);
  }

  trustedRow(label: string) {
    return this.page.getByTestId('trusted-installations').locator('tr.ant-table-row').filter({ hasText: label });
  }
}
