// @vitest-environment node
// End to end: the administrator manages the users from the window — lands on 用户管理, adds a
// drafter, changes their role and division, disables and enables the account, resets the password
// — and every change is in the audit log with people's names; the user then signs in with the new
// password, and an administrator cannot disable their own account.
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LoginPage } from './pages/LoginPage';
import { UsersPage } from './pages/UsersPage';
import { ADMIN, SCREENSHOTS, startHarness, type Harness } from './support/harness';

let h: Harness;
let login: LoginPage;
let users: UsersPage;
const NEW = { username: 'sunqi', displayName: '孙七', role: '起草人', division: '法规处', password: 'sunqi-2024-first' };

describe('用户管理（端到端）', () => {
  beforeAll(async () => {
    h = await startHarness();
    login = new LoginPage(h.page);
    users = new UsersPage(h.page);
  }, 180_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await h?.page.screenshot({ path: join(SCREENSHOTS, `failed-users-${ctx.task.name.slice(0, 10)}.png`) }).catch(() => undefined);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('the administrator lands on 用户管理 and sees every user with role and division', async () => {
    await login.loginAs(ADMIN);
    await users.waitFor();
    expect(await h.page.getByRole('menuitem', { name: '用户管理' }).count()).toBe(1);
    // Not an importer: no 导入文稿 in the menu.
    expect(await h.page.getByRole('menuitem', { name: '导入文稿' }).count()).toBe(0);
    for (const name of ['张三', '李四', '王五', '赵六']) await users.row(name).waitFor();
    expect(await users.row('李四').textContent()).toContain('处室负责人');
  });

  it('adds a drafter, changes role and division, disables and enables, resets the password; each change audited', async () => {
    await users.add(NEW);
    await users.row('孙七').filter({ hasText: '法规处' }).waitFor();
    await users.change('孙七', { role: '处室负责人', division: '综合处' });
    await users.row('孙七').filter({ hasText: '处室负责人' }).filter({ hasText: '综合处' }).waitFor();
    await users.toggle('孙七', '停用');
    await users.toggle('孙七', '启用');
    await users.resetPassword('孙七', 'sunqi-2024-second');
    const audit = await users.auditRows().allTextContents();
    expect(audit.some((r) => r.includes('新增用户「孙七」（起草人，法规处）'))).toBe(true);
    expect(audit.some((r) => r.includes('「孙七」：角色改为「处室负责人」，处室改为「综合处」'))).toBe(true);
    expect(audit.some((r) => r.includes('「孙七」：停用'))).toBe(true);
    expect(audit.some((r) => r.includes('「孙七」：启用'))).toBe(true);
    expect(audit.some((r) => r.includes('「孙七」：重置密码'))).toBe(true);
    // People by name, never the account names the log keeps.
    expect(audit.every((r) => r.includes('系统管理员'))).toBe(true);
    expect(audit.join('')).not.toMatch(/\badmin\b|sunqi|user\./);
    // The same in the record: one bound entry per change.
    const admin = h.services.records.login(ADMIN.username, ADMIN.password);
    const actions = h.services.records.listAudit(admin, 1000).filter((e) => e.action.startsWith('user.') && e.record?.kind === 'user').map((e) => e.action);
    expect(actions.filter((a) => a === 'user.update')).toHaveLength(4);
    await h.page.getByText('用户变更记录（审计日志）').scrollIntoViewIfNeeded();
    await h.page.screenshot({ path: join(SCREENSHOTS, '20-users.png'), fullPage: true });
  });

  it('an administrator cannot disable their own account: the button says why', async () => {
    const own = h.page.getByRole('button', { name: '停用「系统管理员」' });
    expect(await own.isDisabled()).toBe(true);
    expect(await users.row('系统管理员').textContent()).toContain('不能停用自己的账号');
  });

  it('the user signs in with the new password, as a division head of 综合处', async () => {
    await login.logout();
    const header = await login.loginAs({ username: NEW.username, password: 'sunqi-2024-second', displayName: NEW.displayName });
    expect(header).toContain('处室负责人');
    expect(header).toContain('综合处');
    // A division head lands on the documents waiting for them.
    await h.page.getByRole('heading', { name: '工作台' }).waitFor();
    expect(await h.page.locator('[data-testid^="state-tab-"][aria-selected="true"]').getAttribute('data-testid')).toBe('state-tab-待处室审核');
    expect(h.pageErrors).toEqual([]);
    expect(h.refusedRequests).toEqual([]);
  });
});
