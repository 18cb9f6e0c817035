// A desktop that loses the department's server mid-action: the server ends the desktop's session
// (as a restart or a network cut would, pg_terminate_backend here), once between actions and once
// inside a transaction. The action refused says so in Chinese, nothing of it is written, and the
// desktop carries on by itself once the server answers again; the record still verifies.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail, UserInfo } from '../../shared/records';
import { databaseProblem } from '../../electron/services/database-file';
import { openServices, type Services } from '../../electron/services/open-services';
import { createDepartmentDatabase, startPostgres, type PostgresServer } from '../support/postgres-server';

const PASSWORD = 'loss-pass-2026';
const APP_PASSWORD = 'loss-app-role';

let server: PostgresServer;
let work: string;
let url: string;
let services: Services;
const people: Record<string, UserInfo> = {};

/** What the server's administrator (or a restart) does: every session of the application ended. */
async function dropDesktopSessions(): Promise<number> {
  const c = new pg.Client({ connectionString: server.adminUrl });
  await c.connect();
  try {
    const r = await c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'mishen_app'");
    return r.rowCount ?? 0;
  } finally {
    await c.end();
  }
}

function problem(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return databaseProblem(e, url) ?? `unexpected: ${(e as Error).message}`;
  }
  throw new Error('the action was not refused');
}

async function documentReadyForOffice(n: number): Promise<DocumentDetail> {
  const s = services.records;
  let d = await s.submitFile(people.zhang, { name: `报告-${n}.txt`, bytes: Buffer.from(`内部资料\n关于第${n}号事项的报告\n`, 'utf8') }, { title: `第${n}号事项` });
  for (const f of d.scan.findings.filter((x) => x.severity === 'block')) d = s.dispose(people.zhang, f.id, 'fixed');
  s.sign(people.zhang, d.latestVersion.id, { step: 'drafter', decision: 'approve', opinion: '已自查' });
  return s.sign(people.li, d.latestVersion.id, { step: 'division-head', decision: 'approve', opinion: '同意' });
}

const office = { step: 'office', decision: 'approve', opinion: '删除内部标识后公开', outcome: '删除后公开', legalBasis: '《政府信息公开条例》第十四条' } as const;

beforeAll(async () => {
  server = await startPostgres();
  work = mkdtempSync(join(tmpdir(), 'mishen-server-loss-'));
  url = await createDepartmentDatabase(server, join(work, 'owner'), APP_PASSWORD);
  Object.assign(process.env, { MISHEN_DB_PASSWORD: APP_PASSWORD, MISHEN_USER_DATA: join(work, 'desktop') });
  services = openServices({ database: url });
  const s = services.records;
  const admin = s.bootstrapAdmin('admin', '管理员', PASSWORD);
  for (const [username, displayName, role, division] of [
    ['zhang', '张三', 'drafter', '综合处'],
    ['li', '李四', 'division-head', '综合处'],
    ['wang', '王五', 'office-reviewer', '办公室'],
    ['sun', '孙七', 'security-officer', '办公室'],
  ] as const) {
    s.createUser(admin, { username, displayName, role, division, password: PASSWORD });
    people[username] = s.login(username, PASSWORD);
  }
}, 120_000);

afterAll(() => {
  services?.close();
  server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('a desktop that loses the server', () => {
  it('between actions: the next action reconnects and is recorded', async () => {
    const d = await documentReadyForOffice(1);
    expect(await dropDesktopSessions()).toBeGreaterThan(0);
    const signed = services.records.sign(people.wang, d.latestVersion.id, office);
    expect(signed.state).toBe('已办结');
  });

  it('inside a transaction: refused in Chinese, nothing of it written, and the desktop carries on', async () => {
    const first = await documentReadyForOffice(2);
    const second = await documentReadyForOffice(3);
    const s = services.records;
    const entriesBefore = s.listAudit(people.sun, 100_000).length;
    let message = '';
    // One transaction holding two sign-offs; the server drops the session between them.
    await expect(
      services.batch(async () => {
        s.sign(people.wang, first.latestVersion.id, office);
        await dropDesktopSessions();
        message = problem(() => s.sign(people.wang, second.latestVersion.id, office));
        throw new Error('the batch cannot commit');
      }),
    ).rejects.toThrow('the batch cannot commit');
    expect(message).toContain('连接中断');
    expect(message).toContain('没有留下半截记录');
    // Neither sign-off is there: the first went with the transaction the server rolled back.
    expect(s.getDocument(people.wang, first.id).state).not.toBe('已办结');
    expect(s.getDocument(people.wang, second.id).state).not.toBe('已办结');
    expect(s.listAudit(people.sun, 100_000)).toHaveLength(entriesBefore);
    // And the desktop goes on: both are signed now, and the record verifies.
    expect(s.sign(people.wang, first.latestVersion.id, office).state).toBe('已办结');
    expect(s.sign(people.wang, second.latestVersion.id, office).state).toBe('已办结');
    const report = await s.verifyRecords(people.sun);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
