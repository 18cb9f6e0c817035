import type { Page } from 'playwright-core';
import { buttonName } from './button-name';

/** 用户管理: the table of users, the dialogs that add and change them, the audit list under it. */
export class UsersPage {
  constructor(readonly page: Page) {}

  async waitFor(): Promise<void> {
    await this.page.getByRole('heading', { name: '用户管理' }).waitFor();
  }

  row(displayName: string) {
    return this.page.getByTestId('users-table').locator('tr.ant-table-row').filter({ has: this.page.getByRole('cell', { name: displayName, exact: true }) });
  }

  async add(user: { username: string; displayName: string; role: string; division: string; password: string }): Promise<void> {
    await this.page.getByTestId('add-user').click();
    const dialog = this.dialog('新增用户');
    await dialog.getByLabel('用户名（登录用）').fill(user.username);
    await dialog.getByLabel('姓名').fill(user.displayName);
    await this.pickRole(dialog, user.role);
    await this.fillDivision(dialog, user.division);
    await dialog.getByLabel('初始密码').fill(user.password);
    await this.save(dialog, '保存');
  }

  async change(displayName: string, change: { role?: string; division?: string }): Promise<void> {
    await this.page.getByRole('button', { name: `修改「${displayName}」的角色和处室` }).click();
    const dialog = this.dialog(`修改「${displayName}」`);
    if (change.role) await this.pickRole(dialog, change.role);
    if (change.division) await this.fillDivision(dialog, change.division);
    await this.save(dialog, '保存');
  }

  async toggle(displayName: string, action: '停用' | '启用'): Promise<void> {
    await this.page.getByRole('button', { name: `${action}「${displayName}」` }).click();
    await this.row(displayName).filter({ hasText: action === '停用' ? '已停用' : '正常' }).waitFor();
  }

  async resetPassword(displayName: string, password: string): Promise<void> {
    await this.page.getByRole('button', { name: `重置「${displayName}」的密码` }).click();
    const dialog = this.dialog(`重置「${displayName}」的密码`);
    await dialog.getByLabel('新密码', { exact: true }).fill(password);
    await dialog.getByLabel('确认新密码').fill(password);
    await this.save(dialog, '重置');
  }

  auditRows() {
    return this.page.getByTestId('user-audit').locator('tr.ant-table-row');
  }

  private dialog(title: string) {
    return this.page.getByRole('dialog').filter({ hasText: title });
  }

  /** Types the division; leaving the field closes its list of divisions in use. */
  private async fillDivision(dialog: ReturnType<UsersPage['dialog']>, division: string): Promise<void> {
    const input = dialog.getByRole('combobox', { name: '处室' });
    await input.fill(division);
    await input.blur();
    await this.page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' }).catch(() => undefined);
  }

  private async pickRole(dialog: ReturnType<UsersPage['dialog']>, role: string): Promise<void> {
    await dialog.getByRole('combobox', { name: '角色' }).click();
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: role }).first().click();
  }

  private async save(dialog: ReturnType<UsersPage['dialog']>, label: string): Promise<void> {
    await dialog.getByRole('button', { name: buttonName(label) }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
}
