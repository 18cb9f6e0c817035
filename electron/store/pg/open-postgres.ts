// Opens a department's records on a PostgreSQL server: `--db postgres://user@host:port/database`.
// Credentials never travel on the command line: a password written in the URL is refused; it comes
// from MISHEN_DB_PASSWORD, from a file named by MISHEN_DB_PASSWORD_FILE that only its owner may read
// (0600), or from the standard ~/.pgpass (node-postgres reads it). TLS: `sslmode=require` or
// `verify-full` in the URL, with MISHEN_DB_CA naming the CA certificate to check the server against.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { anchorFileOf, startAnchor } from '../anchor-file';
import type { Db } from '../connection';
import { afterMigration } from '../migrations';
import { PG_MIGRATIONS } from './pg-migrations';
import { bridgeWorkerUrl, PgDatabase, PgError, WRITE_LOCK } from './pg-database';

export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/** A URL that cannot be used, or credentials that are not safe: the message says which. */
export class PgConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PgConfigError';
  }
}

/** The URL with any password hidden, for messages and the record of where the database is. */
export function describePostgresUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.username ? `${u.username}@` : ''}${u.host}${u.pathname}`;
  } catch {
    return 'postgres://…';
  }
}

export function postgresConfig(url: string, env: NodeJS.ProcessEnv = process.env): pg.ClientConfig {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new PgConfigError(`数据库地址「${describePostgresUrl(url)}」无法解析，应为 postgres://用户名@服务器:端口/数据库名。`);
  }
  if (u.password) {
    throw new PgConfigError('数据库地址中不得写密码（命令行会被他人看到、记入历史）：请把密码放在环境变量 MISHEN_DB_PASSWORD、MISHEN_DB_PASSWORD_FILE 指向的文件（权限 0600）或 ~/.pgpass 中。');
  }
  const sslmode = u.searchParams.get('sslmode') ?? '';
  const caFile = env.MISHEN_DB_CA;
  const password = env.MISHEN_DB_PASSWORD ?? passwordFromFile(env.MISHEN_DB_PASSWORD_FILE);
  const ssl =
    sslmode === 'require' || sslmode === 'verify-ca' || sslmode === 'verify-full' || caFile
      ? { rejectUnauthorized: sslmode !== 'require' || !!caFile, ...(caFile ? { ca: readCa(caFile) } : {}) }
      : undefined;
  return {
    host: decodeURIComponent(u.hostname),
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || undefined,
    ...(password !== undefined ? { password } : {}),
    ...(ssl ? { ssl } : {}),
    application_name: 'mishen',
    connectionTimeoutMillis: 10_000,
  };
}

function passwordFromFile(file: string | undefined): string | undefined {
  if (!file) return undefined;
  let mode: number;
  try {
    mode = statSync(file).mode;
  } catch {
    throw new PgConfigError(`找不到密码文件「${file}」（MISHEN_DB_PASSWORD_FILE）。`);
  }
  if ((mode & 0o077) !== 0) throw new PgConfigError(`密码文件「${file}」的权限过宽（其他用户可读）：请改为只有本人可读写（chmod 600）。`);
  return readFileSync(file, 'utf8').split(/\r?\n/)[0];
}

function readCa(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new PgConfigError(`无法读取 CA 证书「${file}」（MISHEN_DB_CA）。`);
  }
}

/**
 * Where this desktop anchors the server's audit chain (anchor-file.ts): a file per server and
 * database in `folder` (the user data folder), since the server's own disk is not this desktop's.
 */
export function postgresAnchorName(url: string, folder: string): string {
  const u = new URL(url);
  const safe = `${u.hostname}_${u.port || 5432}_${u.pathname.replace(/^\//, '')}`.replace(/[^A-Za-z0-9._-]/g, '_');
  return join(folder, `${safe}.db`);
}

/** Connects, brings the schema up to date (one desktop at a time, under the write lock), and checks its version. */
export function openPostgres(url: string, anchorFolder: string, env: NodeJS.ProcessEnv = process.env, options: { copyTarget?: boolean } = {}): PgDatabase {
  mkdirSync(anchorFolder, { recursive: true });
  const db = new PgDatabase(postgresConfig(url, env), bridgeWorkerUrl(), postgresAnchorName(url, anchorFolder));
  try {
    if (options.copyTarget) {
      migratePostgres(db, describePostgresUrl(url), () => undefined, true);
      return db;
    }
    migratePostgres(db, describePostgresUrl(url), (d, version) => afterMigration(d as unknown as Db, version));
    // A desktop that joins a department's server anchors the chain as it finds it, and from then on
    // every entry up to each of its commits: a cut tail or an older copy on the server shows here.
    if (!existsSync(anchorFileOf(db.name))) startAnchor(db as unknown as Db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export class PgSchemaVersionError extends Error {
  constructor(where: string, found: number, supported: number) {
    super(`服务器上的数据库「${where}」由更高版本的密审创建（数据库版本 ${found}，本软件支持到 ${supported}），请升级软件后再连接，以免损坏记录。`);
    this.name = 'PgSchemaVersionError';
  }
}

function schemaVersion(db: PgDatabase): number {
  const exists = db.prepare("SELECT to_regclass('meta') IS NOT NULL AS present").get() as { present: boolean };
  if (!exists.present) return 0;
  const row = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined;
  return row ? Number(row.value) : 0;
}

export function migratePostgres(db: PgDatabase, where: string, after: (db: PgDatabase, version: number) => void = () => undefined, bare = false): void {
  if (schemaVersion(db) === PG_MIGRATIONS.length) return;
  db.transaction(() => {
    // Under the write lock, so that two desktops starting at once do not both migrate.
    db.exec(`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`);
    const current = schemaVersion(db);
    if (current > PG_MIGRATIONS.length) throw new PgSchemaVersionError(where, current, PG_MIGRATIONS.length);
    for (let v = current; v < PG_MIGRATIONS.length; v++) {
      db.exec(PG_MIGRATIONS[v]);
      if (v === 0 && !bare) {
        const insert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
        insert.run('installation_id', randomUUID());
        insert.run('created_at', new Date().toISOString());
      }
      after(db, v + 1);
      db.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(v + 1));
    }
  }).deferred();
}

export { PgError };
