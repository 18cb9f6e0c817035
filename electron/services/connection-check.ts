// The window's 「测试连接」: can this desktop reach the department's server with these settings, and
// is the database there one it can work with? Answered in words a clerk (or the IT person beside
// them) can act on. A test only reads: it neither creates the schema nor anchors anything.
import pg from 'pg';
import { PG_MIGRATIONS } from '../store/pg/pg-migrations';
import { PgError } from '../store/pg/pg-database';
import { describePostgresUrl, PgConfigError, postgresConfig } from '../store/pg/open-postgres';
import { describeServerError } from './database-file';

export interface ConnectionCheck {
  readonly ok: boolean;
  readonly message: string;
}

export async function checkServerConnection(url: string, env: NodeJS.ProcessEnv): Promise<ConnectionCheck> {
  const where = `「${describePostgresUrl(url)}」`;
  let client: pg.Client | undefined;
  try {
    client = new pg.Client({ ...postgresConfig(url, env), connectionTimeoutMillis: 5_000 });
    await client.connect();
    const server = (await client.query('SHOW server_version')).rows[0].server_version as string;
    const hasSchema = (await client.query("SELECT to_regclass('meta') IS NOT NULL AS present")).rows[0].present as boolean;
    if (!hasSchema) {
      return { ok: true, message: `已连接${where}（PostgreSQL ${server}）。数据库是空的：第一次连接时将建立审查记录（须以数据库所有者的账户连接，见说明“部门模式”）。` };
    }
    const version = Number((await client.query("SELECT value FROM meta WHERE key = 'schema_version'")).rows[0]?.value ?? 0);
    if (version > PG_MIGRATIONS.length) {
      return { ok: false, message: `已连接${where}，但其上的审查记录由更高版本的密审建立（数据库版本 ${version}，本软件支持到 ${PG_MIGRATIONS.length}）：请先升级本机的密审。` };
    }
    const canWrite = (await client.query("SELECT has_table_privilege(current_user, 'signoffs', 'INSERT') AND has_table_privilege(current_user, 'audit_log', 'INSERT') AS ok")).rows[0].ok as boolean;
    if (!canWrite) return { ok: false, message: `已连接${where}，但该数据库账户不能写入审查记录：请管理员按说明为应用角色授权。` };
    const users = Number((await client.query('SELECT COUNT(*) AS n FROM users')).rows[0].n);
    return { ok: true, message: `已连接${where}（PostgreSQL ${server}），审查记录可用：${users} 个用户。` };
  } catch (error) {
    if (error instanceof PgConfigError) return { ok: false, message: error.message };
    const e = error as { code?: string; message?: string };
    return { ok: false, message: describeServerError(new PgError(e.code, e.message ?? String(error)), url) };
  } finally {
    await client?.end().catch(() => undefined);
  }
}
