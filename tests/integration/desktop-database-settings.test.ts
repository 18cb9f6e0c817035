// The window's database settings on a desktop (desktop-api.ts), against a PostgreSQL server the
// test starts itself: the connection test in words, switching from the desktop's file to the
// department's server (the password kept 0600, never in the settings file), the connection state
// when the server goes away, and a desktop whose server is away still starting and being switched back.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MishenApi } from '../../shared/api-contract';
import { createApiHandlers } from '../../electron/app/api-handlers';
import { createDesktopApi, type DesktopApi } from '../../electron/app/desktop-api';
import { openServices } from '../../electron/services/open-services';
import { createDepartmentDatabase, startPostgres, type PostgresServer } from '../support/postgres-server';

const APP_PASSWORD = 'settings-app-role';
let server: PostgresServer;
let work: string;
let url: string;
const desktops: DesktopApi[] = [];

/** A desktop as the service worker builds it, with its own folder; the environment holds no password. */
function desktop(userData: string): MishenApi {
  mkdirSync(userData, { recursive: true });
  const d = createDesktopApi({
    userData,
    localFile: join(userData, 'mishen.db'),
    open: (database) => openServices({ database }),
    handlers: (services) => createApiHandlers({ services }),
  });
  desktops.push(d);
  return d.api;
}

beforeAll(async () => {
  server = await startPostgres();
  work = mkdtempSync(join(tmpdir(), 'mishen-desktop-settings-'));
  url = await createDepartmentDatabase(server, join(work, 'owner'), APP_PASSWORD);
  // The department's administrator exists on the server, made by another desktop.
  Object.assign(process.env, { MISHEN_DB_PASSWORD: APP_PASSWORD, MISHEN_USER_DATA: join(work, 'other-desktop') });
  const other = openServices({ database: url });
  other.records.bootstrapAdmin('admin', '系统管理员', 'admin-pass-2026');
  other.close();
  delete process.env.MISHEN_DB_PASSWORD;
}, 120_000);

afterAll(() => {
  for (const d of desktops) d.close();
  server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("a desktop's database settings", () => {
  let api: MishenApi;
  const userData = () => join(work, 'desktop-1');

  it('starts on its own file', async () => {
    api = desktop(userData());
    expect((await api['settings/database']()).settings).toEqual({ kind: 'file' });
    expect(await api['connection/state']()).toMatchObject({ kind: 'file', connected: true });
    expect(await api['session/needs-setup']()).toBe(true);
  });

  it('tests a server connection and says what is wrong in words', async () => {
    const settings = { kind: 'server', url } as const;
    const wrong = await api['settings/database-test'](settings, 'not-the-password');
    expect(wrong.ok).toBe(false);
    expect(wrong.message).toContain('拒绝登录：数据库用户名或密码不对');
    const nowhere = await api['settings/database-test']({ kind: 'server', url: 'postgres://mishen_app@127.0.0.1:1/mishen' }, APP_PASSWORD);
    expect(nowhere).toMatchObject({ ok: false });
    expect(nowhere.message).toContain('无法连接');
    const right = await api['settings/database-test'](settings, APP_PASSWORD);
    expect(right.ok).toBe(true);
    expect(right.message).toMatch(/已连接「postgres:\/\/mishen_app@127\.0\.0\.1:\d+\/mishen」.*审查记录可用：1 个用户/);
    // A test saves nothing.
    expect((await api['settings/database']()).settings).toEqual({ kind: 'file' });
  });

  it('refuses to switch to a server it cannot open, and keeps the file', async () => {
    await expect(api['settings/database-save']({ kind: 'server', url }, 'not-the-password')).rejects.toThrow(/没有切换，仍使用原来的数据库：.*拒绝登录/);
    expect((await api['settings/database']()).settings).toEqual({ kind: 'file' });
    expect(await api['connection/state']()).toMatchObject({ kind: 'file', connected: true });
  });

  it('switches to the server: the records are the department’s, the password kept for this account only', async () => {
    const state = await api['settings/database-save']({ kind: 'server', url }, APP_PASSWORD);
    expect(state).toMatchObject({ kind: 'server', connected: true });
    expect(state.message).toContain('已连接服务器');
    expect(await api['session/needs-setup']()).toBe(false);
    expect((await api['session/login']('admin', 'admin-pass-2026')).displayName).toBe('系统管理员');
    const view = await api['settings/database']();
    expect(view).toMatchObject({ settings: { kind: 'server', url }, passwordSaved: true });
    expect(readFileSync(join(userData(), 'database.json'), 'utf8')).not.toContain(APP_PASSWORD);
    expect(statSync(join(userData(), 'server-password')).mode & 0o777).toBe(0o600);
  });

  it('a second start of the desktop opens the server with the saved password', async () => {
    const again = desktop(userData());
    expect(await again['connection/state']()).toMatchObject({ kind: 'server', connected: true });
    expect(await again['session/needs-setup']()).toBe(false);
  });

  it('the server gone: the state says so, a call is refused in Chinese; a new start still opens and switches back', async () => {
    server.stop();
    const state = await api['connection/state']();
    expect(state.connected).toBe(false);
    expect(state.message).toMatch(/无法连接|连接中断/);
    await expect(api['documents/list']({})).rejects.toThrow(/无法连接|连接中断/);

    const restarted = desktop(userData());
    const down = await restarted['connection/state']();
    expect(down).toMatchObject({ kind: 'server', connected: false });
    expect(down.message).toContain('无法打开审查记录');
    await expect(restarted['session/needs-setup']()).rejects.toThrow(/无法打开审查记录/);
    expect(await restarted['settings/database-save']({ kind: 'file' })).toMatchObject({ kind: 'file', connected: true });
    expect(await restarted['session/needs-setup']()).toBe(true);
  });
});
