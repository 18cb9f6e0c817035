// A database made by the previous version (database version 2, tests/fixtures/make-records-v2.sh):
// after the upgrade every record it holds is bound to an audit entry written by the migration, the
// anchor is started, and `audit verify` passes; the sign-offs and dispositions from before have no
// signature and the users no key until they sign in, which verify says as information, not as
// tampering. A migrated record changed afterwards is found like any other.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/store/migrations';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../fixtures/records-v2.db.gz', import.meta.url));

let dir: string;
let db: string;

function mishen(args: string[], user?: [string, string]) {
  const env = { ...process.env, ...(user ? { MISHEN_USER: user[0], MISHEN_PASSWORD: user[1] } : {}) };
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/mishen.js'), '--db', db, ...args], { encoding: 'utf8', env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const sql = (file: string, query: string) => execFileSync('sqlite3', [file, query], { encoding: 'utf8' }).trim();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mishen-migration-'));
  db = join(dir, 'records.db');
  writeFileSync(db, gunzipSync(readFileSync(FIXTURE)));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('upgrading a database made by the previous version', () => {
  it('is a version-2 database with records and no binding', () => {
    expect(sql(db, 'PRAGMA user_version')).toBe('2');
    expect(Number(sql(db, 'SELECT COUNT(*) FROM signoffs'))).toBe(3);
    expect(existsSync(`${db}.anchor`)).toBe(false);
  });

  it('verifies after the upgrade, saying what predates signatures', () => {
    const before = Number(sql(db, 'SELECT COUNT(*) FROM audit_log'));
    const r = mishen(['audit', 'verify']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(sql(db, 'PRAGMA user_version')).toBe(String(MIGRATIONS.length));
    expect(existsSync(`${db}.anchor`)).toBe(true);
    const dispositions = Number(sql(db, 'SELECT COUNT(*) FROM dispositions'));
    expect(r.stdout).toContain(`升级前的 3 份签批、${dispositions} 条处置没有电子签名`);
    expect(r.stdout).toMatch(/在升级后尚未登录，还没有签名密钥.*王五（wang）/);
    expect(r.stdout).toContain('电子签名有效：签批 0 份、处置 0 条');

    // The upgrade is in the log: one entry saying so, then one binding entry per record.
    const migration = JSON.parse(sql(db, "SELECT details FROM audit_log WHERE action = 'migration'")) as { fromVersion: number; records: Record<string, number> };
    expect(migration.fromVersion).toBe(2);
    const records = Object.values(migration.records).reduce((a, b) => a + b, 0);
    expect(Number(sql(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'migration.bind'"))).toBe(records);
    expect(Number(sql(db, 'SELECT COUNT(*) FROM audit_log'))).toBe(before + 1 + records);
    expect(migration.records).toMatchObject({ signoff: 3, document: 1, version: 1, scan: 1, 'allow-proposal': 1, 'dictionary-version': 2, 'trusted-key': 1 });
  });

  it('gives a user their key pair at their first sign-in', () => {
    expect(mishen(['list'], ['wang', 'wang-pass-2025']).status).toBe(0);
    expect(sql(db, "SELECT k.reason FROM user_keys k JOIN users u ON u.id = k.user_id WHERE u.username = 'wang'")).toBe('first-sign-in');
    const r = mishen(['audit', 'verify']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('王五（wang）');
    expect(r.stdout).toContain('张三（zhang）');
  });

  it('signs what is done after the upgrade', () => {
    const zhang: [string, string] = ['zhang', 'zhang-pass-2025'];
    const submitted = mishen(['submit', join(CORPUS, '01-public-notice.docx'), '--title', '升级后的文稿', '--format', 'json'], zhang);
    expect(submitted.status, submitted.stderr).toBe(0);
    const version = (JSON.parse(submitted.stdout) as { latestVersion: { id: string } }).latestVersion.id;
    expect(mishen(['sign', version, '--step', 'drafter', '--decision', 'approve', '--opinion', '已自查'], zhang).status).toBe(0);
    const r = mishen(['audit', 'verify']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('电子签名有效：签批 1 份');
    expect(r.stdout).toContain('升级前的 3 份签批');
  });

  it('finds a migrated record changed afterwards, and an unsigned sign-off added after the upgrade', () => {
    sql(db, "DROP TRIGGER signoffs_no_update; UPDATE signoffs SET opinion = '不同意' WHERE step = 'office'");
    let r = mishen(['audit', 'verify']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/《全省城市供水应急保障情况报告》第 1 版的办公室审核签批（王五，.*）与审计记录不符：意见被改动/);

    sql(
      db,
      `INSERT INTO signoffs (id, version_id, step, decision, user_id, user_name, role, opinion, scan_id, signed_at, origin)
       SELECT 'late', version_id, 'drafter', 'approve', user_id, user_name, role, '补签', scan_id, '2020-01-01T00:00:00.000Z', origin FROM signoffs WHERE step = 'drafter' LIMIT 1`,
    );
    r = mishen(['audit', 'verify']);
    expect(r.stderr).toMatch(/起草人自查签批（张三，2020-01-01 08:00）没有审计记录/);
    expect(r.stderr).toMatch(/起草人自查签批（张三，2020-01-01 08:00）没有电子签名/);
  });

  it('restores a backup made by the previous version, upgrading it', () => {
    const old = join(dir, 'old-backup.db');
    writeFileSync(old, gunzipSync(readFileSync(FIXTURE)));
    const target = join(dir, 'restored.db');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/mishen.js'), '--db', target, 'restore', old], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(sql(target, 'PRAGMA user_version')).toBe(String(MIGRATIONS.length));
    expect(sql(target, 'SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1')).toBe('database.restore');
    const v = spawnSync(process.execPath, [join(ROOT, 'bin/mishen.js'), '--db', target, 'audit', 'verify'], { encoding: 'utf8' });
    expect(v.status, v.stderr).toBe(0);
  });
});
