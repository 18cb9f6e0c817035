// Opens the one database file: WAL, full sync (a power cut loses no committed decision),
// foreign keys, and the migrations. A database written by a newer Mishen is refused, and so is a
// file that cannot be the database (checked before SQLite touches it, so that nothing is written
// beside a file that is refused, such as the -wal and -shm files beside a read-only one).
//
// Every write transaction begins as a writer (better-sqlite3's .immediate(): BEGIN IMMEDIATE). A
// transaction that reads first and writes later cannot wait for another writer in WAL mode (SQLite
// answers SQLITE_BUSY at once); one that takes the write lock first waits its turn, retried by
// SQLite's busy handler for up to BUSY_TIMEOUT_MS.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { accessSync, closeSync, constants, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS, applyMigration } from './migrations';

export type Db = Database.Database;

/** How long a write waits for another process's write transaction to end. */
export const BUSY_TIMEOUT_MS = 5000;

export class DatabaseVersionError extends Error {
  constructor(readonly file: string, readonly found: number, readonly supported: number) {
    super(`数据库「${file}」由更高版本的密审创建（数据库版本 ${found}，本软件支持到 ${supported}），请升级软件后再打开，以免损坏记录。`);
    this.name = 'DatabaseVersionError';
  }
}

/** A file that cannot be opened as the database: the message says what is wrong and where. */
export class DatabaseFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseFileError';
  }
}

export interface OpenOptions {
  /**
   * Take an existing 0-byte file as a new database. Only `init` does: for anything else an empty
   * file is a database that was lost (truncated, or never finished), and writing into it would
   * hide that.
   */
  readonly acceptEmptyFile?: boolean;
  /**
   * The schema only, for a copy of another database (migrate-to) that brings its own rows,
   * installation id and audit chain: no installation id, no creation entry. The file must be new.
   */
  readonly copyTarget?: boolean;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  checkDatabaseFile(file, options);
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, file, options.copyTarget === true);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

const SQLITE_HEADER = 'SQLite format 3\0';

function checkDatabaseFile(file: string, options: OpenOptions): void {
  let size: number | undefined;
  try {
    const info = statSync(file);
    if (!info.isFile()) throw new DatabaseFileError(`「${file}」不是普通文件，不能作为数据库。`);
    size = info.size;
  } catch (e) {
    if (e instanceof DatabaseFileError) throw e;
    if ((e as { code?: string }).code !== 'ENOENT') throw new DatabaseFileError(`无法访问数据库「${file}」（${fsProblem(e)}）。`);
  }
  const folder = dirname(file) || '.';
  if (size === undefined) {
    if (!writable(folder)) throw new DatabaseFileError(`无法在「${folder}」中新建数据库「${file}」：文件夹不存在或不允许写入。`);
    return;
  }
  if (size === 0 && !options.acceptEmptyFile) {
    throw new DatabaseFileError(`数据库「${file}」是空文件（0 字节），不是密审的数据库（可能在写入时被中断，或被其他程序清空）；请从备份恢复（restore），新数据库请用 init 创建。`);
  }
  if (size > 0 && !hasSqliteHeader(file)) throw new DatabaseFileError(`「${file}」不是密审的数据库文件（不是 SQLite 数据库，或已损坏）。`);
  if (!writable(file)) throw new DatabaseFileError(`数据库「${file}」是只读的（没有写入权限，或所在磁盘只读）：密审须在其中写入记录和审计日志，请检查文件权限。`);
  if (!writable(folder)) {
    throw new DatabaseFileError(`数据库「${file}」所在的文件夹「${folder}」不允许写入：密审须在数据库旁写入日志文件（-wal、-shm），请检查文件夹权限。`);
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function hasSqliteHeader(file: string): boolean {
  const head = Buffer.alloc(SQLITE_HEADER.length);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw new DatabaseFileError(`无法读取数据库「${file}」（${fsProblem(e)}）。`);
  }
  try {
    return readSync(fd, head, 0, head.length, 0) === head.length && head.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

function fsProblem(e: unknown): string {
  const code = (e as { code?: string }).code;
  return code === 'EACCES' || code === 'EPERM' ? '没有权限' : `系统错误 ${code ?? '未知'}`;
}

function migrate(db: Db, file: string, bare: boolean): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) throw new DatabaseVersionError(file, current, MIGRATIONS.length);
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      // Another process may have migrated while this one waited for the write lock.
      if ((db.pragma('user_version', { simple: true }) as number) !== v) return;
      applyMigration(db, v + 1, bare);
      if (v === 0 && !bare) {
        const insert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
        insert.run('installation_id', randomUUID());
        insert.run('created_at', new Date().toISOString());
      }
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}

/** This installation's id, recorded as `origin` on every row it writes. */
export function installationId(db: Db): string {
  return (db.prepare("SELECT value FROM meta WHERE key = 'installation_id'").get() as { value: string }).value;
}

export function now(): string {
  return new Date().toISOString();
}
