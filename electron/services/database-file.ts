// The database file as a whole, for whoever holds it (`mishen audit verify`, `backup`, `restore`:
// whoever can run them can read the file anyway, so they need no sign-in), and what went wrong with
// it in words a person can act on.
import Database from 'better-sqlite3';
import type { VerifyReport } from '../integrity/verify-records';
import { BackupError, backupDatabase, restoreDatabase } from '../store/backup';
import { DatabaseFileError, DatabaseVersionError, openDatabase } from '../store/connection';
import { describeDatabaseError } from '../store/database-errors';
import { verifyDatabase, type VerifyOptions } from '../store/verify-database';

export { describeDatabaseError };

/** Every record against its audit entry, every signature, the chain and the anchor. */
export async function verifyDatabaseFile(file: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const db = openDatabase(file);
  try {
    return await verifyDatabase(db, options);
  } finally {
    db.close();
  }
}

/** An online backup to `outFile` (and its anchor), checked in full before it gets its name. */
export async function backupDatabaseFile(file: string, outFile: string): Promise<{ auditEntries: number; anchorFile: string }> {
  const db = openDatabase(file);
  try {
    return await backupDatabase(db, outFile);
  } finally {
    db.close();
  }
}

/** Replaces `file` (and its anchor) by a backup, once the backup has been checked in full. */
export function restoreDatabaseFile(fromFile: string, file: string): Promise<{ auditEntries: number }> {
  return restoreDatabase(fromFile, file);
}

/**
 * What the user reads when `error` is about the database file (not a database, a newer version,
 * read-only, locked, full, a backup refused), as one line; undefined for any other error.
 */
export function databaseProblem(error: unknown, file: string): string | undefined {
  if (error instanceof DatabaseFileError || error instanceof DatabaseVersionError || error instanceof BackupError) return `错误：${error.message}`;
  if (error instanceof Database.SqliteError) return `数据库错误：${describeDatabaseError(error, file)}`;
  return undefined;
}
