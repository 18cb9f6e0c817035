// The messages for database faults, on injected errors: where a test may not mount a full or
// read-only disk (tests/integration/database-faults.test.ts does where it can), these still hold.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { describeDatabaseError } from '../../../../electron/store/database-errors';

const sqlite = (code: string) => new Database.SqliteError('English text from SQLite', code);
const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
const F = '/data/审查记录.db';

describe('describeDatabaseError', () => {
  it('says the disk is full, and where, for SQLITE_FULL and ENOSPC', () => {
    const full = `数据库「${F}」所在的磁盘（/data）已满，无法写入；本次写入已撤销，数据库中原有的记录未受影响。请清理磁盘空间后重试。`;
    expect(describeDatabaseError(sqlite('SQLITE_FULL'), F)).toBe(full);
    expect(describeDatabaseError(enospc, F)).toBe(full);
  });

  it('names a lock held too long, a read-only file, a file that is not a database, and a damaged one', () => {
    expect(describeDatabaseError(sqlite('SQLITE_BUSY'), F)).toBe(`数据库「${F}」正被其他程序写入，等待 5 秒后仍未轮到本次写入；本次写入已撤销，请稍后重试。`);
    expect(describeDatabaseError(sqlite('SQLITE_READONLY_DBMOVED'), F)).toBe(`数据库「${F}」是只读的（没有写入权限，或所在磁盘只读），无法写入。`);
    expect(describeDatabaseError(sqlite('SQLITE_NOTADB'), F)).toBe(`「${F}」不是密审的数据库文件（不是 SQLite 数据库，或已损坏）。`);
    expect(describeDatabaseError(sqlite('SQLITE_CORRUPT'), F)).toBe(`数据库「${F}」已损坏，请用 restore 从备份恢复。`);
  });

  it('never passes SQLite’s English on', () => {
    for (const code of ['SQLITE_IOERR_SHMSIZE', 'SQLITE_CANTOPEN', 'SQLITE_PERM', 'SQLITE_MISMATCH']) {
      expect(describeDatabaseError(sqlite(code), F)).not.toMatch(/English|disk I\/O/);
    }
  });
});
