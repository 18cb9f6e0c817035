// The database under faults, through the real command and a real SQLite file: a second writer
// holding the write lock, a 0-byte file, a file that is not a database, a read-only file, a full disk.
// The read-only and full-disk cases mount a small tmpfs where the test runs as root and may mount;
// elsewhere they are skipped here, and the messages are checked on injected errors in
// tests/unit/electron/store/database-errors.test.ts.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileReport } from '../../shared/report';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = join(projectRoot, 'bin/mishen.js');
const CLASSIFIED = resolve(projectRoot, '../shared/corpus/02-classified-marking.docx');
const TRAPS = resolve(projectRoot, '../shared/corpus/08-false-positive-traps.txt');

function mishen(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, MISHEN_PASSWORD: 'admin-pass-2025' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const init = (db: string) => mishen('--db', db, 'init', '--admin', 'admin', '--name', '管理员');
const scans = (db: string) => {
  const raw = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return (raw.prepare('SELECT count(*) AS n FROM scans').get() as { n: number }).n;
  } finally {
    raw.close();
  }
};

/** Another process that takes the write lock (BEGIN IMMEDIATE) `rounds` times, holding it `holdMs` each. */
function writer(db: string, holdMs: number, rounds: number): Promise<ChildProcess> {
  const script = `
    const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))});
    const db = new Database(process.argv[1]);
    const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    for (let i = 0; i < ${rounds}; i++) {
      db.exec('BEGIN IMMEDIATE');
      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('other-writer', ?)").run(String(i));
      if (i === 0) process.stdout.write('holding\\n');
      sleep(${holdMs});
      db.exec('COMMIT');
      sleep(5);
    }`;
  const child = spawn(process.execPath, ['-e', script, db], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((holding) => child.stdout!.once('data', () => holding(child)));
}

const ended = (child: ChildProcess) => new Promise((done) => (child.exitCode !== null ? done(null) : child.once('exit', done)));

/** Mounts a tmpfs of `size` at a fresh folder, or returns undefined where that is not allowed. */
function tmpfs(size: string): string | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  const at = mkdtempSync(join(tmpdir(), 'mishen-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', at], { stdio: 'pipe' });
    mounts.push(at);
    return at;
  } catch {
    rmSync(at, { recursive: true, force: true });
    return undefined;
  }
}

const mounts: string[] = [];
/** Whether this run may mount a tmpfs (root on Linux, in a container that allows it). */
const canMount = tmpfs('1m') !== undefined;
let dir: string;

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: projectRoot, stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'mishen-db-faults-'));
}, 120_000);

afterAll(() => {
  for (const at of mounts.reverse()) {
    spawnSync('umount', [at]);
    rmSync(at, { recursive: true, force: true });
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('two writers on one database', () => {
  it('scan --db waits while another process holds the write lock, then records', async () => {
    const db = join(dir, 'shared.db');
    expect(init(db).status).toBe(0);
    const other = await writer(db, 2000, 1);
    const r = mishen('--db', db, 'scan', TRAPS, '--format', 'json');
    await ended(other);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`已将 1 份文件的审查结果记入「${db}」`);
    expect(scans(db)).toBe(1);
  });

  it('scan --db and submit get their turn between another writer’s 200 ms transactions', async () => {
    const db = join(dir, 'busy.db');
    expect(init(db).status).toBe(0);
    const env = ['--user', 'admin'];
    expect(mishen('--db', db, 'users', 'add', '--username', 'zhang', '--name', '张三', '--role', 'drafter', '--division', '综合处', '--new-password-env', 'MISHEN_PASSWORD', ...env).status).toBe(0);
    const other = await writer(db, 200, 60);
    const results = [];
    for (let i = 0; i < 3; i++) results.push(mishen('--db', db, 'scan', TRAPS, '--format', 'json'));
    results.push(mishen('--db', db, 'submit', CLASSIFIED, '--user', 'zhang', '--format', 'json'));
    other.kill();
    await ended(other);
    for (const r of results) expect(r.status === 0 || r.status === 1, r.stderr).toBe(true);
    expect(scans(db)).toBe(4);
  });
});

describe('files that are not the database', () => {
  it('a 0-byte file is refused by scan and other commands, and becomes a database only through init', () => {
    const db = join(dir, 'zero.db');
    writeFileSync(db, '');
    const r = mishen('--db', db, 'scan', TRAPS);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`数据库「${db}」是空文件（0 字节），不是密审的数据库`);
    expect(r.stdout).toBe('');
    expect(statSync(db).size).toBe(0);
    expect(existsSync(`${db}-wal`)).toBe(false);
    expect(mishen('--db', db, 'audit', 'verify').stderr).toContain('是空文件（0 字节）');
    expect(init(db).status).toBe(0);
    expect(mishen('--db', db, 'audit', 'verify').status).toBe(0);
  });

  it('a file that is not SQLite is named, and left untouched', () => {
    const db = join(dir, 'notes.db');
    writeFileSync(db, '会议记录，不是数据库');
    const r = mishen('--db', db, 'scan', TRAPS);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`错误：「${db}」不是密审的数据库文件（不是 SQLite 数据库，或已损坏）。\n`);
    expect(existsSync(`${db}-wal`) || existsSync(`${db}-shm`)).toBe(false);
  });

  it.skipIf(!canMount)('a read-only database is refused with where and why, and no -wal or -shm appears beside it', () => {
    const mount = tmpfs('4m')!;
    const db = join(mount, 'records.db');
    expect(init(db).status).toBe(0);
    execFileSync('mount', ['-o', 'remount,ro', mount]);
    const r = mishen('--db', db, 'scan', TRAPS);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`错误：数据库「${db}」是只读的（没有写入权限，或所在磁盘只读）：密审须在其中写入记录和审计日志，请检查文件权限。\n`);
    expect(existsSync(`${db}-wal`) || existsSync(`${db}-shm`)).toBe(false);
  });
});

describe('a full disk', () => {
  it.skipIf(!canMount)('scan --db still prints every review, says each was not recorded and why, and leaves the database whole', () => {
    const mount = tmpfs('1m')!;
    const db = join(mount, 'records.db');
    expect(init(db).status).toBe(0);
    expect(mishen('--db', db, 'scan', TRAPS).status).toBe(0);
    // Fill the disk but for 48 KiB: room to open the database, none for a new scan and its file.
    const free = Number(execFileSync('df', ['-B1', '--output=avail', mount], { encoding: 'utf8' }).trim().split('\n')[1]);
    mkdirSync(join(mount, 'filler'));
    writeFileSync(join(mount, 'filler/fill'), Buffer.alloc(free - 48 * 1024));

    const r = mishen('--db', db, 'scan', CLASSIFIED, TRAPS, '--format', 'json');
    expect(r.status).toBe(2);
    const { reports } = JSON.parse(r.stdout) as { reports: FileReport[] };
    expect(reports.map((x) => x.verdict)).toEqual(['block', 'pass']);
    expect(r.stderr).toContain(`未记入数据库：「${CLASSIFIED}」的审查结果（已在上面输出）未能写入。数据库「${db}」所在的磁盘（${mount}）已满，无法写入`);
    expect(r.stderr).toContain('已将 0 份文件的审查结果记入');

    rmSync(join(mount, 'filler'), { recursive: true });
    expect(scans(db)).toBe(1);
    expect(mishen('--db', db, 'audit', 'verify').status).toBe(0);
  });
});
