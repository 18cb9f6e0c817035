// A throwaway PostgreSQL server for the tests: Debian's initdb and pg_ctl (scripts/test-deps.sh
// installs the package), a data folder in a temporary directory, a free port on loopback, started
// by the tests themselves and stopped when they end. As root the server runs as the `postgres`
// user (PostgreSQL refuses to run as root).
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPostgres } from '../../electron/store/pg/open-postgres';
import { applicationRoleGrants } from '../../electron/store/pg/pg-migrations';

export interface PostgresServer {
  readonly port: number;
  /** The superuser's connection URL (database `postgres`). */
  readonly adminUrl: string;
  readonly dataDir: string;
  stop(): void;
}

/** Where Debian puts the server programs: /usr/lib/postgresql/<major>/bin. */
export function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a));
  return majors.length ? join(root, majors[0], 'bin') : undefined;
}

const isRoot = () => process.getuid?.() === 0;

/** Runs a server program as the user the server runs as. */
function run(bin: string, program: string, args: readonly string[]): void {
  const command = join(bin, program);
  const res = isRoot() ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' }) : spawnSync(command, args, { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`${program} failed: ${res.stderr || res.stdout || res.error?.message}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed: run scripts/test-deps.sh (Debian package postgresql)');
  const base = mkdtempSync(join(tmpdir(), 'mishen-pg-'));
  const dataDir = join(base, 'data');
  const password = 'test-superuser';
  const pwfile = join(base, 'pw');
  writeFileSync(pwfile, password);
  if (isRoot()) {
    execFileSync('chown', ['-R', 'postgres:postgres', base]);
    chmodSync(base, 0o700);
  }
  run(bin, 'initdb', ['-D', dataDir, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${pwfile}`, '-E', 'UTF8', '--locale=C.UTF-8', '-A', 'scram-sha-256']);
  const port = await freePort();
  // Loopback only, a socket folder of its own, no fsync-free shortcuts: the tests check durability.
  run(bin, 'pg_ctl', ['-D', dataDir, '-l', join(base, 'server.log'), '-w', '-o', `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${base} -c max_connections=60`, 'start']);
  return {
    port,
    adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    dataDir,
    stop() {
      if (!existsSync(dataDir)) return;
      try {
        run(bin, 'pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(base, { recursive: true, force: true });
      }
    },
  };
}

/**
 * A department's database on `server`, set up as README's department set-up does: a database and an
 * application role, the schema made by the owner, the role granted only what the application needs.
 * Returns the URL the desktops connect with (the password comes from MISHEN_DB_PASSWORD = `appPassword`).
 */
export async function createDepartmentDatabase(server: PostgresServer, anchorFolder: string, appPassword: string): Promise<string> {
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE mishen');
  await admin.query(`CREATE ROLE mishen_app LOGIN PASSWORD '${appPassword}'`);
  await admin.end();
  const owner = openPostgres(`postgres://postgres@127.0.0.1:${server.port}/mishen`, anchorFolder, { MISHEN_DB_PASSWORD: 'test-superuser' });
  owner.exec(applicationRoleGrants('mishen_app'));
  owner.close();
  return `postgres://mishen_app@127.0.0.1:${server.port}/mishen`;
}
