// What went wrong with the database, in words a person can act on, naming the file. SQLite's own
// text ("database or disk is full", "disk I/O error (SQLITE_IOERR_SHMSIZE)") says neither what to
// do nor where.
import Database from 'better-sqlite3';
import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { ServiceError } from '../../shared/records';
import { BUSY_TIMEOUT_MS, DatabaseFileError, DatabaseVersionError } from './connection';

/** Less free space than this where the database lives, and an I/O error is taken as a full disk. */
const NEARLY_FULL_BYTES = 1024 * 1024;

export function describeDatabaseError(error: unknown, file: string): string {
  if (error instanceof DatabaseFileError || error instanceof DatabaseVersionError || error instanceof ServiceError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  const sqlite = error instanceof Database.SqliteError ? error.code : '';
  if (sqlite === 'SQLITE_FULL' || code === 'ENOSPC' || ((sqlite.startsWith('SQLITE_IOERR') || code === 'EIO') && diskNearlyFull(file))) {
    return `数据库「${file}」所在的磁盘（${dirname(file) || '.'}）已满，无法写入；本次写入已撤销，数据库中原有的记录未受影响。请清理磁盘空间后重试。`;
  }
  if (sqlite.startsWith('SQLITE_BUSY') || sqlite.startsWith('SQLITE_LOCKED')) {
    return `数据库「${file}」正被其他程序写入，等待 ${BUSY_TIMEOUT_MS / 1000} 秒后仍未轮到本次写入；本次写入已撤销，请稍后重试。`;
  }
  if (sqlite.startsWith('SQLITE_READONLY') || code === 'EROFS') {
    return `数据库「${file}」是只读的（没有写入权限，或所在磁盘只读），无法写入。`;
  }
  if (sqlite === 'SQLITE_NOTADB') return `「${file}」不是密审的数据库文件（不是 SQLite 数据库，或已损坏）。`;
  if (sqlite.startsWith('SQLITE_CORRUPT')) return `数据库「${file}」已损坏，请用 restore 从备份恢复。`;
  if (sqlite.startsWith('SQLITE_CANTOPEN')) return `无法打开数据库「${file}」：文件夹不存在，或没有读写权限。`;
  if (sqlite.startsWith('SQLITE_IOERR')) return `读写数据库「${file}」时发生磁盘错误，请检查磁盘后重试；本次写入已撤销。`;
  if (sqlite === 'SQLITE_PERM' || sqlite === 'SQLITE_AUTH' || code === 'EACCES' || code === 'EPERM') return `没有读写数据库「${file}」的权限。`;
  return `数据库「${file}」出错（错误代码 ${sqlite || String(code ?? '未知')}）。`;
}

function diskNearlyFull(file: string): boolean {
  try {
    const fs = statfsSync(dirname(file) || '.');
    return fs.bavail * fs.bsize < NEARLY_FULL_BYTES;
  } catch {
    return false;
  }
}
