// Opens the one database file: WAL, full sync (a power cut loses no committed decision),
// foreign keys, and the migrations. A database written by a newer Mishen is refused.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { MIGRATIONS, applyMigration } from './migrations';

export type Db = Database.Database;

export class DatabaseVersionError extends Error {
  constructor(readonly file: string, readonly found: number, readonly supported: number) {
    super(`数据库「${file}」由更高版本的密审创建（数据库版本 ${found}，本软件支持到 ${supported}），请升级软件后再打开，以免损坏记录。`);
    this.name = 'DatabaseVersionError';
  }
}

export function openDatabase(file: string): Db {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, file);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function migrate(db: Db, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) throw new DatabaseVersionError(file, current, MIGRATIONS.length);
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      applyMigration(db, v + 1);
      if (v === 0) {
        const insert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
        insert.run('installation_id', randomUUID());
        insert.run('created_at', new Date().toISOString());
      }
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

/** This installation's id, recorded as `origin` on every row it writes. */
export function installationId(db: Db): string {
  return (db.prepare("SELECT value FROM meta WHERE key = 'installation_id'").get() as { value: string }).value;
}

export function now(): string {
  return new Date().toISOString();
}
