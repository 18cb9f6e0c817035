import type { Page } from 'playwright-core';
import { buttonName } from './button-name';

export class LoginPage {
  constructor(readonly page: Page) {}

  async waitForForm(): Promise<void> {
    await this.page.getByRole('button', { name: buttonName('登录') }).waitFor();
  }

  async login(username: string, password: string): Promise<void> {
    await this.waitForForm();
    await this.page.getByLabel('用户名').fill(username);
    await this.page.getByLabel('密码').fill(password);
    // Enter submits: the login works from the keyboard alone.
    await this.page.getByLabel('密码').press('Enter');
  }

  /** Signs in and waits until the header shows the user and their role. */
  async loginAs(user: { username: string; password: string; displayName: string }): Promise<string> {
    await this.login(user.username, user.password);
    const header = this.page.getByTestId('current-user');
    await header.filter({ hasText: user.displayName }).waitFor();
    return (await header.textContent()) ?? '';
  }

  async errorText(): Promise<string> {
    const alert = this.page.getByRole('alert').filter({ hasText: '登录失败' });
    await alert.waitFor();
    return (await alert.textContent()) ?? '';
  }

  async logout(): Promise<void> {
    await this.page.getByRole('button', { name: /退出登录/ }).click();
    await this.waitForForm();
  }
}
