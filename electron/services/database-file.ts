// The database file as a whole, for whoever holds it (`mishen audit verify`, `backup`, `restore`:
// whoever can run them can read the file anyway, so they need no sign-in), and what went wrong with
// it in words a person can act on.
import Database from 'better-sqlite3';
import type { VerifyReport } from '../integrity/verify-records';
import { BackupError, backupDatabase, restoreDatabase } from '../store/backup';
import { DatabaseFileError, DatabaseVersionError, openDatabase } from '../store/connection';
import { describeDatabaseError } from '../store/database-errors';
import { copyRecords } from '../store/copy-records';
import { PgConfigError, PgSchemaVersionError, describePostgresUrl, isPostgresUrl } from '../store/pg/open-postgres';
import { PgError } from '../store/pg/pg-database';
import { applicationRoleGrants } from '../store/pg/pg-migrations';
import { verifyDatabase, type VerifyOptions } from '../store/verify-database';
import { openRecordsDatabase } from './open-database';

export { describeDatabaseError };

/** Every record against its audit entry, every signature, the chain and the anchor. */
export async function verifyDatabaseFile(file: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const db = openRecordsDatabase(file);
  try {
    return await verifyDatabase(db, options);
  } finally {
    db.close();
  }
}

/** An online backup to `outFile` (and its anchor), checked in full before it gets its name. */
export async function backupDatabaseFile(file: string, outFile: string): Promise<{ auditEntries: number; anchorFile: string }> {
  if (isPostgresUrl(file)) throw new BackupError(serverBackup(file));
  const db = openDatabase(file);
  try {
    return await backupDatabase(db, outFile);
  } finally {
    db.close();
  }
}

/** Replaces `file` (and its anchor) by a backup, once the backup has been checked in full. */
export function restoreDatabaseFile(fromFile: string, file: string): Promise<{ auditEntries: number }> {
  if (isPostgresUrl(file)) throw new BackupError(serverBackup(file));
  return restoreDatabase(fromFile, file);
}

function serverBackup(url: string): string {
  return `「${describePostgresUrl(url)}」是部门服务器上的数据库：由服务器管理员用 pg_dump 备份、pg_restore 恢复；要把全部记录复制成一个本机文件，请用 migrate-to。`;
}

/**
 * `mishen --db SOURCE migrate-to TARGET`: every row copied as it is into a new, empty database (a
 * file that does not exist yet, or an empty database on a server), then both verified in full.
 */
export async function migrateRecords(
  source: string,
  target: string,
  progress?: (p: { table: string; rows: number }) => void,
): Promise<{ copied: Record<string, number>; source: VerifyReport; target: VerifyReport }> {
  const from = openRecordsDatabase(source);
  try {
    const to = openRecordsDatabase(target, { copyTarget: true });
    let copied: Record<string, number>;
    try {
      copied = copyRecords(from, to, isPostgresUrl(target) ? describePostgresUrl(target) : target, progress);
    } finally {
      to.close();
    }
    return { copied, source: await verifyDatabase(from), target: await verifyDatabaseFile(target) };
  } finally {
    from.close();
  }
}

/** On a department's server, run as the database's owner: the application role's rights (pg-migrations.ts). */
export function grantApplicationRole(location: string, role: string): void {
  if (!isPostgresUrl(location)) throw new BackupError('只有部门服务器上的数据库才有应用角色（--app-role）；本机数据库文件不需要。');
  const db = openRecordsDatabase(location);
  try {
    db.exec(applicationRoleGrants(role));
  } finally {
    db.close();
  }
}

/**
 * What the user reads when `error` is about the database file (not a database, a newer version,
 * read-only, locked, full, a backup refused), as one line; undefined for any other error.
 */
export function databaseProblem(error: unknown, file: string): string | undefined {
  if (error instanceof DatabaseFileError || error instanceof DatabaseVersionError || error instanceof BackupError) return `错误：${error.message}`;
  if (error instanceof Database.SqliteError) return `数据库错误：${describeDatabaseError(error, file)}`;
  if (error instanceof PgConfigError || error instanceof PgSchemaVersionError) return `错误：${error.message}`;
  if (error instanceof PgError) return `数据库服务器错误：${describeServerError(error, file)}`;
  return undefined;
}

/** A server's or a connection's error, in words a person can act on (the code for whoever administers it). */
export function describeServerError(error: PgError, location: string): string {
  const where = `「${describePostgresUrl(location)}」`;
  const known: Record<string, string> = {
    ECONNREFUSED: `无法连接${where}：服务器没有运行，或地址、端口不对`,
    ENOTFOUND: `无法连接${where}：找不到这台服务器（地址不对，或网络不通）`,
    ETIMEDOUT: `连接${where}超时：网络不通，或被防火墙挡住`,
    ECONNRESET: `与${where}的连接中断：刚才的操作没有完成，也没有留下半截记录；请检查网络后重试`,
    '28P01': `${where}拒绝登录：数据库用户名或密码不对`,
    '28000': `${where}拒绝登录：该数据库用户不允许从本机登录`,
    '3D000': `${where}上没有这个数据库：请先由管理员创建`,
    '42501': `${where}上的数据库用户权限不足：请管理员按说明为应用角色授权`,
    '57P01': `${where}正在关闭，刚才的操作没有完成，也没有留下半截记录；请稍后重试`,
    '08006': `与${where}的连接中断：刚才的操作没有完成，也没有留下半截记录；请检查网络后重试`,
    '53300': `${where}的连接数已满，请稍后重试`,
  };
  const text = (error.code && known[error.code]) ?? (/terminat|Connection|closed|ECONN/i.test(error.message) ? known['08006'] : undefined);
  return `${text ?? `${where}报告错误`}（${error.code ?? '连接'}）。`;
}
