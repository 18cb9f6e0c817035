// Records that prove themselves on a department's server, as on a desktop's file
// (records-tamper.test.ts): the same record built through the services on a PostgreSQL server the
// test starts itself; the attacker is the server's superuser, with psql's rights, who switches the
// triggers off for the session (session_replication_role = replica) and edits, deletes or forges
// rows, or cuts the audit tail. `mishen audit verify`, run as a desktop of the department with its
// anchor of the server, must exit 1 and name the record as a person would; untouched, it exits 0.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAnchorName } from '../../electron/store/pg/open-postgres';
import { createDepartmentDatabase, startPostgres, type PostgresServer } from '../support/postgres-server';
import { buildTamperRecord, TAMPER_TITLE as TITLE } from '../support/tamper-record';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const APP_PASSWORD = 'tamper-app-role';

let server: PostgresServer;
let work: string;
let pristineUrl: string;
let copies = 0;
const userData = () => join(work, 'desktop');
const env = () => ({ ...process.env, MISHEN_DB_PASSWORD: APP_PASSWORD, MISHEN_USER_DATA: userData() });

function mishen(url: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/mishen.js'), '--db', url, ...args], { encoding: 'utf8', env: env() });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function superuser<T>(database: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: server.adminUrl.replace(/\/postgres$/, `/${database}`) });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/** A copy of the untouched database on the same server, with this desktop's anchor of it. */
async function fresh(): Promise<{ url: string; name: string }> {
  const name = `attack_${++copies}`;
  await superuser('postgres', (c) => c.query(`CREATE DATABASE ${name} TEMPLATE mishen`));
  const url = pristineUrl.replace(/\/mishen$/, `/${name}`);
  const folder = join(userData(), 'servers');
  copyFileSync(`${postgresAnchorName(pristineUrl, folder)}.anchor`, `${postgresAnchorName(url, folder)}.anchor`);
  return { url, name };
}

/** The superuser's change, with every trigger that refuses it switched off for the session. */
async function attack(database: string, sql: string): Promise<void> {
  await superuser(database, async (c) => {
    await c.query('SET session_replication_role = replica');
    await c.query(sql);
  });
}

const one = (database: string, sql: string) => superuser(database, async (c) => String(Object.values((await c.query(sql)).rows[0])[0]));

beforeAll(async () => {
  server = await startPostgres();
  work = mkdtempSync(join(tmpdir(), 'mishen-tamper-pg-'));
  pristineUrl = await createDepartmentDatabase(server, join(work, 'owner'), APP_PASSWORD);
  Object.assign(process.env, { MISHEN_DB_PASSWORD: APP_PASSWORD, MISHEN_USER_DATA: userData() });
  await buildTamperRecord(pristineUrl);
}, 120_000);

afterAll(() => {
  server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the untouched record on the server', () => {
  it('verifies: exit 0, every kind checked, every signature valid, the anchor matching', async () => {
    const r = mishen((await fresh()).url, 'audit', 'verify');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/签批 3、误报建议 1/);
    expect(r.stdout).toMatch(/电子签名有效：签批 3 份、处置 \d+ 条/);
  });
});

interface Attack {
  readonly title: string;
  readonly sql: (db: string) => Promise<string>;
  readonly report: RegExp;
}

const OFFICE = `《${TITLE}》第 1 版的办公室审核签批（王五`;
const ATTACKS: readonly Attack[] = [
  {
    title: "the office's sign-off rewritten (the issue's own attack)",
    sql: async () => "UPDATE signoffs SET opinion = '不同意', user_name = '赵六' WHERE step = 'office'",
    report: new RegExp(`${escape(OFFICE)}.*与审计记录不符：签批人姓名、意见被改动`),
  },
  {
    title: "the office's sign-off deleted",
    sql: async () => "DELETE FROM signoffs WHERE step = 'office'",
    report: new RegExp(`审计记录第 \\d+ 条记载的${escape(OFFICE)}.*已不在数据库中`),
  },
  {
    title: 'a forged sign-off inserted',
    sql: async (db) => {
      const columns = (await superuser(db, (c) => c.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'signoffs' ORDER BY ordinal_position"))).rows.map((r) => r.column_name as string);
      // rowid is an identity column: the server numbers the forged row itself.
      const copied = columns.filter((c) => c !== 'rowid');
      const select = copied.map((c) => (c === 'id' ? "'forged-signoff'" : c));
      return `INSERT INTO signoffs (${copied.join(', ')}) SELECT ${select.join(', ')} FROM signoffs WHERE step = 'office'`;
    },
    report: new RegExp(`${escape(OFFICE)}.*没有审计记录`),
  },
  {
    title: "a user's role raised to administrator",
    sql: async () => "UPDATE users SET role = 'admin' WHERE username = 'zhang'",
    report: /用户 张三（zhang）与审计记录不符：角色被改动/,
  },
  {
    title: 'the scan said to have passed, a finding removed',
    sql: async () => 'UPDATE scans SET verdict = \'pass\'; DELETE FROM findings WHERE seq = 0',
    report: new RegExp(`《${escape(TITLE)}》第 1 版的扫描结果.*与审计记录不符：审查结论、发现数、发现内容被改动`),
  },
  {
    title: 'the file of the version replaced',
    sql: async () => "UPDATE versions SET content = convert_to('另一个文件', 'UTF8')",
    report: /第 1 版（02-classified-marking\.docx）与审计记录不符：文件内容被改动/,
  },
];

describe.each(ATTACKS)('$title', (a) => {
  it('audit verify exits 1 and names it', async () => {
    const { url, name } = await fresh();
    await attack(name, await a.sql(name));
    const r = mishen(url, 'audit', 'verify');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(a.report);
  });
});

describe('the chain as a whole', () => {
  it('a cut tail: this desktop\'s anchor still lists the entries that are gone', async () => {
    const { url, name } = await fresh();
    const last = Number(await one(name, 'SELECT MAX(seq) FROM audit_log'));
    await attack(name, `DELETE FROM audit_log WHERE seq > ${last - 2}`);
    const r = mishen(url, 'audit', 'verify');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`缺少锚定文件「.*」记载的第 ${last - 1}–${last} 条审计记录`));
    expect(r.stderr).toMatch(/办公室审核签批（王五.*没有审计记录/);
  });

  it('an audit entry rewritten: the hash chain breaks there', async () => {
    const { url, name } = await fresh();
    await attack(name, "UPDATE audit_log SET actor = 'sun' WHERE seq = 3");
    const r = mishen(url, 'audit', 'verify');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/第 3 条/);
  });
});

describe('a dictionary changed on the server is not used', () => {
  it('the active version with an entry removed: the next scan refuses it, by name', async () => {
    const { url, name } = await fresh();
    await attack(name, "UPDATE dictionary_versions SET content = regexp_replace(content, '机密', '普通', 'g') WHERE number = 2");
    const r = mishen(url, 'scan', join(CORPUS, '02-classified-marking.docx'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('词库第 2 版的内容与其词库哈希不符');
    expect(r.stdout).toBe('');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
