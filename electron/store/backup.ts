// Backup and restore of the database file. A backup is taken online with SQLite's backup API (a
// consistent snapshot even while the window is writing), written as one self-contained file, and
// checked before it is given its final name. A restore checks the source before anything is
// replaced, then swaps the target in one rename, so a crash leaves either the old or the new file.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { verifyAuditLog } from './audit-log';
import type { Db } from './connection';
import { MIGRATIONS } from './migrations';

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** Copies the open database to `outFile` and checks the copy. Replaces `outFile` if it exists. */
export async function backupDatabase(db: Db, outFile: string): Promise<{ auditEntries: number }> {
  if (resolve(outFile) === resolve(db.name)) throw new BackupError(`备份文件「${outFile}」不能是正在使用的数据库本身。`);
  const tmp = tempName(outFile);
  try {
    await db.backup(tmp);
    // The copy inherits WAL mode; switch it to a rollback journal so the backup is one file
    // that can be carried on removable media without its -wal/-shm companions.
    const copy = new Database(tmp, { fileMustExist: true });
    let auditEntries: number;
    try {
      copy.pragma('journal_mode = DELETE');
      auditEntries = checkDatabase(copy, outFile);
    } finally {
      copy.close();
    }
    fsyncFile(tmp);
    renameSync(tmp, outFile);
    fsyncDir(dirname(outFile));
    return { auditEntries };
  } catch (e) {
    removeTemp(tmp);
    if (e instanceof BackupError) throw e;
    throw new BackupError(`备份到「${outFile}」失败：${(e as Error).message}`);
  }
}

/**
 * Replaces the database `toFile` with the backup `fromFile`, after checking that the backup is
 * sound. Close every window using `toFile` first: a restore under a running program is undone by it.
 */
export async function restoreDatabase(fromFile: string, toFile: string): Promise<{ auditEntries: number }> {
  if (!existsSync(fromFile)) throw new BackupError(`找不到备份文件「${fromFile}」。`);
  if (resolve(fromFile) === resolve(toFile)) throw new BackupError(`备份文件「${fromFile}」就是要恢复的数据库本身。`);
  let source: Db;
  try {
    source = new Database(fromFile, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new BackupError(`备份文件「${fromFile}」无法打开：${(e as Error).message}`);
  }
  const tmp = tempName(toFile);
  try {
    const auditEntries = checkDatabase(source, fromFile);
    // The backup API (not a byte copy) so that a source still in WAL mode comes with its log.
    await source.backup(tmp);
    source.close();
    const copy = new Database(tmp, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fsyncFile(tmp);
    // A -wal left by the old database would be replayed into the new one: remove it first.
    rmSync(`${toFile}-wal`, { force: true });
    rmSync(`${toFile}-shm`, { force: true });
    renameSync(tmp, toFile);
    fsyncDir(dirname(toFile));
    return { auditEntries };
  } catch (e) {
    if (source.open) source.close();
    removeTemp(tmp);
    if (e instanceof BackupError) throw e;
    throw new BackupError(`从「${fromFile}」恢复到「${toFile}」失败：${(e as Error).message}`);
  }
}

/** Integrity, schema version and audit chain of a database; returns the number of audit entries. */
function checkDatabase(db: Db, file: string): number {
  let version: number;
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new BackupError(`数据库文件「${file}」已损坏（完整性检查：${String(integrity)}）。`);
    version = db.pragma('user_version', { simple: true }) as number;
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(`数据库文件「${file}」已损坏或不是数据库文件（${(e as Error).message}）。`);
  }
  if (version === 0) throw new BackupError(`文件「${file}」不是密审数据库。`);
  if (version > MIGRATIONS.length) {
    throw new BackupError(`数据库文件「${file}」由更高版本的密审创建（数据库版本 ${version}，本软件支持到 ${MIGRATIONS.length}），请升级软件后再使用。`);
  }
  const audit = verifyAuditLog(db);
  if (!audit.ok) {
    throw new BackupError(`数据库文件「${file}」的审计日志校验失败：第 ${audit.brokenSeq} 条（${audit.brokenId}）${audit.reason}。`);
  }
  return audit.entries;
}

function tempName(target: string): string {
  // Same folder as the target, so that the final rename never crosses file systems.
  return join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes the rename itself durable. Windows cannot open a folder for fsync; NTFS journals renames. */
function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // not supported on this platform
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function removeTemp(tmp: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(tmp + suffix, { force: true });
}
