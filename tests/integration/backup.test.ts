// Backup and restore through the CLI: a round trip brings back exactly the backed-up records;
// a corrupt, tampered or newer backup is refused with a message naming it, and the database
// being restored into is left as it was.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync, writeSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

function mishen(...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'bin/mishen.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, MISHEN_PASSWORD: 'backup-pass-1' },
  });
}

const count = (db: string, table: string) => Number(execFileSync('sqlite3', [db, `SELECT COUNT(*) FROM ${table}`], { encoding: 'utf8' }));

/** The number of audit entries, as `audit verify` reports it (and checks every record on the way). */
function auditEntries(db: string): number {
  const r = mishen('--db', db, 'audit', 'verify');
  expect(r.status, r.stderr).toBe(0);
  return Number(/共 (\d+) 条/.exec(r.stdout)![1]);
}

describe('backup and restore', () => {
  let dir: string;
  let db: string;
  let backup: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mishen-backup-'));
    db = join(dir, 'records.db');
    backup = join(dir, 'backup.db');
    expect(mishen('--db', db, 'init', '--admin', 'admin', '--name', '管理员').status).toBe(0);
    mishen('--db', db, 'scan', join(CORPUS, '01-public-notice.docx'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('backs up to one self-contained file with its anchor and restores both, recording the restore', () => {
    const before = auditEntries(db);
    const r = mishen('--db', db, 'backup', backup);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(backup);
    expect(existsSync(`${backup}-wal`)).toBe(false);
    expect(existsSync(`${backup}.anchor`)).toBe(true);
    expect(auditEntries(backup)).toBe(before);

    // Later work that the restore is to undo.
    mishen('--db', db, 'scan', join(CORPUS, '02-classified-marking.docx'));
    expect(count(db, 'scans')).toBe(2);

    const restored = mishen('--db', db, 'restore', backup);
    expect(restored.status, restored.stderr).toBe(0);
    // The backup's entries, and one more: the restore itself.
    expect(auditEntries(db)).toBe(before + 1);
    expect(execFileSync('sqlite3', [db, 'SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1'], { encoding: 'utf8' }).trim()).toBe('database.restore');
    expect(count(db, 'scans')).toBe(1);
    // The restored database is a working database again: it takes new records.
    mishen('--db', db, 'scan', join(CORPUS, '02-classified-marking.docx'));
    expect(count(db, 'scans')).toBe(2);
    auditEntries(db);
  });

  it('refuses a backup whose anchor is missing or cut short, and leaves the database as it was', () => {
    const before = auditEntries(db);
    const noAnchor = join(dir, 'no-anchor.db');
    copyFileSync(backup, noAnchor);
    let r = mishen('--db', db, 'restore', noAnchor);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(noAnchor);
    expect(r.stderr).toMatch(/找不到锚定文件「.*no-anchor\.db\.anchor」/);

    const cut = join(dir, 'cut.db');
    copyFileSync(backup, cut);
    const lines = readFileSync(`${backup}.anchor`, 'utf8').split('\n');
    writeFileSync(`${cut}.anchor`, lines.slice(0, -2).join('\n') + '\n'); // the last entry's line removed
    r = mishen('--db', db, 'restore', cut);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/未写入锚定文件/);
    expect(auditEntries(db)).toBe(before);
  });

  it('refuses a file that is not a database', () => {
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, '这不是数据库'.repeat(500));
    const before = auditEntries(db);
    const r = mishen('--db', db, 'restore', junk);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(junk);
    expect(r.stderr).toMatch(/已损坏或不是数据库文件/);
    expect(auditEntries(db)).toBe(before);
  });

  it('refuses a backup whose pages are damaged', () => {
    const damaged = join(dir, 'damaged.db');
    copyFileSync(backup, damaged);
    // Overwrite everything after the first page (the header stays readable; the tables do not).
    const fd = openSync(damaged, 'r+');
    const size = statSync(damaged).size;
    writeSync(fd, Buffer.alloc(size - 4096, 0x5a), 0, size - 4096, 4096);
    closeSync(fd);
    const before = auditEntries(db);
    const r = mishen('--db', db, 'restore', damaged);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(damaged);
    expect(r.stderr).toMatch(/损坏/);
    expect(auditEntries(db)).toBe(before);
  });

  it('refuses a backup whose audit log was altered, and one from a newer version', () => {
    const tampered = join(dir, 'tampered.db');
    copyFileSync(backup, tampered);
    execFileSync('sqlite3', [tampered, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'someone' WHERE seq = 1"]);
    let r = mishen('--db', db, 'restore', tampered);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/审计日志校验失败：第 1 条/);

    const newer = join(dir, 'newer.db');
    copyFileSync(backup, newer);
    execFileSync('sqlite3', [newer, 'PRAGMA user_version = 99']);
    r = mishen('--db', db, 'restore', newer);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(newer);
    expect(r.stderr).toMatch(/更高版本/);
  });

  it('refuses a missing backup file', () => {
    const r = mishen('--db', db, 'restore', join(dir, 'missing.db'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/找不到备份文件「.*missing\.db」/);
  });
});
