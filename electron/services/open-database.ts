// Where the records are: a SQLite file on this desktop (the default, and what `mishen scan` and the
// README's first commands use), or a department's PostgreSQL server (`postgres://user@host/db`),
// which the desktops of a department share. The records code is the same over both.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../store/connection';
import { isPostgresUrl, openPostgres } from '../store/pg/open-postgres';

export { describePostgresUrl, isPostgresUrl } from '../store/pg/open-postgres';

export interface DatabaseOptions {
  /** Take an existing 0-byte file as a new database (`mishen init` only). */
  readonly acceptEmptyFile?: boolean;
  /** The schema only, for `migrate-to` (copy-records.ts), which brings its own rows. */
  readonly copyTarget?: boolean;
}

/** This desktop's own folder (the app's user data): where it keeps what belongs to no server. */
export function userDataFolder(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MISHEN_USER_DATA) return env.MISHEN_USER_DATA;
  if (process.platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'mishen');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'mishen');
}

export function openRecordsDatabase(location: string, options: DatabaseOptions = {}): Db {
  if (!isPostgresUrl(location)) return openDatabase(location, options);
  // PgDatabase answers the calls the records code makes of a better-sqlite3 handle (prepare, exec,
  // transaction, inTransaction, close, name); the server's anchor is kept in this desktop's folder.
  return openPostgres(location, join(userDataFolder(), 'servers'), process.env, { copyTarget: options.copyTarget }) as unknown as Db;
}

/** Beside the database file, or beside this desktop's anchor of the server (db.name names both). */
export function besideDatabase(db: Db, suffix: string): string {
  return `${db.name}${suffix}`;
}
