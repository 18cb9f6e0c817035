// @vitest-environment node
// End to end: a desktop is pointed at the department's server from the sign-in page — 数据库设置,
// a wrong password tested and refused in words, the right one tested, saved and switched — then
// the server's administrator signs in and the header shows the connection; when the server goes
// away the header says so within seconds. A real PostgreSQL server, started by the test itself.
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../electron/services/open-services';
import { createDepartmentDatabase, startPostgres, type PostgresServer } from '../support/postgres-server';
import { LoginPage } from './pages/LoginPage';
import { SCREENSHOTS, startHarness, type Harness } from './support/harness';

const APP_PASSWORD = 'e2e-app-role-pass';
const SERVER_ADMIN = { username: 'bumen', password: 'bumen-2026-pass', displayName: '部门管理员' };

let h: Harness;
let server: PostgresServer;
let url: string;
let login: LoginPage;

describe('数据库设置（端到端）', () => {
  beforeAll(async () => {
    server = await startPostgres();
    h = await startHarness();
    url = await createDepartmentDatabase(server, join(h.dir, 'owner'), APP_PASSWORD);
    // The department's administrator, made from another desktop.
    Object.assign(process.env, { MISHEN_DB_PASSWORD: APP_PASSWORD, MISHEN_USER_DATA: join(h.dir, 'other-desktop') });
    const other = openServices({ database: url });
    other.records.bootstrapAdmin(SERVER_ADMIN.username, SERVER_ADMIN.displayName, SERVER_ADMIN.password);
    other.close();
    // From here the window's desktop knows only what is typed into its settings.
    delete process.env.MISHEN_DB_PASSWORD;
    login = new LoginPage(h.page);
  }, 180_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await h?.page.screenshot({ path: join(SCREENSHOTS, `failed-database-${ctx.task.name.slice(0, 10)}.png`) }).catch(() => undefined);
  });

  afterAll(async () => {
    await h?.close();
    server?.stop();
  });

  it('the sign-in page says where the records are', async () => {
    await login.waitForForm();
    await h.page.getByTestId('connection-state').filter({ hasText: '本机数据库' }).waitFor();
  });

  it('tests a server: a wrong password refused in words, the right one connects; saved, the desktop is on the server', async () => {
    const page = h.page;
    await page.getByRole('button', { name: /数据库设置/ }).click();
    const dialog = page.getByRole('dialog', { name: '数据库设置' });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: /部门服务器/ }).check();
    await dialog.getByLabel('服务器地址').fill(url);
    await dialog.getByLabel('数据库密码').fill('not-the-password');
    await dialog.getByRole('button', { name: /测试连接/ }).click();
    const refused = dialog.getByRole('status').filter({ hasText: '连接失败' });
    await refused.waitFor();
    expect(await refused.textContent()).toContain('拒绝登录：数据库用户名或密码不对');
    await page.screenshot({ path: join(SCREENSHOTS, '50-database-settings-refused.png') });

    await dialog.getByLabel('数据库密码').fill(APP_PASSWORD);
    await dialog.getByRole('button', { name: /测试连接/ }).click();
    const ok = dialog.getByRole('status').filter({ hasText: '连接成功' });
    await ok.waitFor();
    expect(await ok.textContent()).toContain('审查记录可用：1 个用户');
    await page.screenshot({ path: join(SCREENSHOTS, '51-database-settings-connected.png') });
    await dialog.getByRole('button', { name: /保存并切换/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('connection-state').filter({ hasText: '已连接部门服务器' }).waitFor();
  });

  it("the server's administrator signs in; the header shows the connection, and its loss within seconds", async () => {
    await login.loginAs(SERVER_ADMIN);
    const state = h.page.getByTestId('connection-state');
    await state.filter({ hasText: '已连接部门服务器' }).waitFor();
    await h.page.screenshot({ path: join(SCREENSHOTS, '52-connected-to-server.png') });
    server.stop();
    await state.filter({ hasText: '与服务器的连接中断' }).waitFor({ timeout: 15_000 });
    expect(await state.getAttribute('aria-label')).toMatch(/无法连接|连接中断/);
    await h.page.screenshot({ path: join(SCREENSHOTS, '53-server-connection-lost.png') });
  });
});
