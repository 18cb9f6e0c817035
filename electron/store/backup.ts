// Backup and restore of the database file, with its anchor. A backup is taken online with SQLite's
// backup API (a consistent snapshot even while the window is writing), written as one
// self-contained file with its anchor (`<backup>.anchor`: the database's anchor up to the
// snapshot's last entry), and verified in full before it is given its final name. A restore
// verifies the source and its anchor before anything is replaced, then swaps the target in one
// rename and records the restore in the restored database's audit log.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { anchorFileOf, anchorNewEntries, anchorOf, copyAnchor } from './anchor-file';
import { appendAudit, chainHead, verifyAuditLog } from './audit-log';
import { openDatabase, type Db } from './connection';
import { fsyncDir, fsyncFile } from './fsync-dir';
import { MIGRATIONS } from './migrations';
import { recordTransaction } from './record-transaction';
import { verifyDatabase } from './verify-database';

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** Copies the open database and its anchor to `outFile` and checks the copy. Replaces `outFile` if it exists. */
export async function backupDatabase(db: Db, outFile: string): Promise<{ auditEntries: number; anchorFile: string }> {
  if (resolve(outFile) === resolve(db.name)) throw new BackupError(`备份文件「${outFile}」不能是正在使用的数据库本身。`);
  const source = anchorOf(db);
  if (!source || !existsSync(source)) throw new BackupError(`找不到数据库的锚定文件「${source ?? db.name}」，无法做出可校验的备份；请先运行 audit verify 检查。`);
  const tmp = tempName(outFile);
  const tmpAnchor = anchorFileOf(tmp);
  try {
    // Entries committed by a process that stopped before anchoring them are anchored first.
    anchorNewEntries(db);
    await db.backup(tmp);
    // The copy inherits WAL mode; switch it to a rollback journal so the backup is one file
    // that can be carried on removable media without its -wal/-shm companions.
    const copy = new Database(tmp, { fileMustExist: true });
    let auditEntries: number;
    try {
      copy.pragma('journal_mode = DELETE');
      copyAnchor(source, tmpAnchor, chainHead(copy)?.seq ?? 0);
      auditEntries = await checkDatabase(copy, outFile, tmpAnchor);
    } finally {
      copy.close();
    }
    fsyncFile(tmp);
    renameSync(tmp, outFile);
    renameSync(tmpAnchor, anchorFileOf(outFile));
    fsyncDir(dirname(outFile));
    return { auditEntries, anchorFile: anchorFileOf(outFile) };
  } catch (e) {
    removeTemp(tmp);
    if (e instanceof BackupError) throw e;
    throw new BackupError(`备份到「${outFile}」失败：${(e as Error).message}`);
  }
}

/**
 * Replaces the database `toFile` (and its anchor) with the backup `fromFile`, after checking that
 * the backup is sound. Close every window using `toFile` first: a restore under a running program
 * is undone by it. A backup from an older version is upgraded when it is next opened.
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
    const auditEntries = await checkDatabase(source, fromFile, anchorFileOf(fromFile));
    const current = (source.pragma('user_version', { simple: true }) as number) === MIGRATIONS.length;
    const backupHead = chainHead(source);
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
    const replacedHead = headOf(toFile);
    // A -wal left by the old database would be replayed into the new one: remove it first.
    rmSync(`${toFile}-wal`, { force: true });
    rmSync(`${toFile}-shm`, { force: true });
    renameSync(tmp, toFile);
    fsyncDir(dirname(toFile));
    // The anchor comes with the backup; an older backup gets a new one when it is upgraded.
    if (current) copyAnchor(anchorFileOf(fromFile), anchorFileOf(toFile), backupHead?.seq ?? 0);
    else rmSync(anchorFileOf(toFile), { force: true });
    const restored = openDatabase(toFile);
    try {
      recordTransaction(restored, () =>
        appendAudit(restored, { actor: 'system', action: 'database.restore', subject: basename(fromFile), details: { from: resolve(fromFile), backupHead, replacedHead } }),
      );
    } finally {
      restored.close();
    }
    return { auditEntries };
  } catch (e) {
    if (source.open) source.close();
    removeTemp(tmp);
    if (e instanceof BackupError) throw e;
    throw new BackupError(`从「${fromFile}」恢复到「${toFile}」失败：${(e as Error).message}`);
  }
}

/** The newest entry of the database being replaced, for the restore's own audit entry. */
function headOf(file: string): { seq: number; hash: string } | null {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return chainHead(db) ?? null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/**
 * Integrity, schema version, audit chain, and (for a database of this version) every record, every
 * signature and the anchor `anchorFile`; returns the number of audit entries.
 */
async function checkDatabase(db: Db, file: string, anchorFile: string): Promise<number> {
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
  // An older database has no bound records and no anchor yet: its chain is what there is to check.
  if (version < MIGRATIONS.length) return audit.entries;
  const report = await verifyDatabase(db, { anchorFile });
  if (!report.ok) {
    throw new BackupError(`数据库文件「${file}」校验未通过（${report.problemCount} 处问题），例如：${report.problems[0]}。`);
  }
  return report.entries;
}

function tempName(target: string): string {
  // Same folder as the target, so that the final rename never crosses file systems.
  return join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

function removeTemp(tmp: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm', '.anchor']) rmSync(tmp + suffix, { force: true });
}
