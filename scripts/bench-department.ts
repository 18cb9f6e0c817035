// Department benchmark (`npm run bench`, or `npm run bench:department` alone): what a sign-off costs
// on a desktop's SQLite file and on a department's PostgreSQL server (a throwaway server on
// loopback, started here as the tests start theirs), side by side in one run: the median latency of
// one sign-off with one desktop at work, then sign-offs per second with four desktops (processes)
// signing at once against the server. Each sign-off is the service's own transaction with its
// audit entry, its row bound and signed, committed (and anchored) before the next.
// The last line is one JSON object with the figures.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openServices } from '../electron/services/open-services';
import { createDepartmentDatabase, startPostgres } from '../tests/support/postgres-server';

const PASSWORD = 'bench-pass-2026';
const APP_PASSWORD = 'bench-app-role';
const DESKTOPS = 4;
const DOCUMENTS_ALONE = Number(process.env.BENCH_SIGNOFF_DOCUMENTS ?? 30);
const DOCUMENTS_EACH = Number(process.env.BENCH_SIGNOFF_DOCUMENTS_EACH ?? 25);

const client = join(dirname(fileURLToPath(import.meta.url)), 'bench-signoff-client.mjs');
const work = mkdtempSync(join(tmpdir(), 'mishen-bench-department-'));
const log = (line: string) => process.stdout.write(line + '\n');

/** The users of `desktops` desktops: each its own drafter, division head and office reviewer. */
function createUsers(database: string, desktops: number): void {
  const services = openServices({ database });
  const s = services.records;
  const admin = s.bootstrapAdmin('admin', '系统管理员', PASSWORD);
  for (let d = 0; d < desktops; d++) {
    s.createUser(admin, { username: `drafter${d}`, displayName: `起草人${d}`, role: 'drafter', division: `第${d}处`, password: PASSWORD });
    s.createUser(admin, { username: `head${d}`, displayName: `处长${d}`, role: 'division-head', division: `第${d}处`, password: PASSWORD });
    s.createUser(admin, { username: `office${d}`, displayName: `办公室${d}`, role: 'office-reviewer', division: '办公室', password: PASSWORD });
  }
  services.close();
}

interface Round {
  readonly signoffs: number;
  readonly seconds: number;
  readonly medianMs: number;
  readonly p90Ms: number;
}

/** `desktops` clients prepare `each` documents, then sign them all at once; timed from "go" to the last one done. */
async function round(database: string, desktops: number, each: number): Promise<Round> {
  const children = Array.from({ length: desktops }, (_, d) => {
    const env = { ...process.env, MISHEN_DB_PASSWORD: APP_PASSWORD, MISHEN_USER_DATA: join(work, `desktop-${d}`) };
    const child = spawn(process.execPath, [client, database, String(d), String(each), PASSWORD], { stdio: ['pipe', 'pipe', 'inherit'], env });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    const prepared = new Promise<void>((resolve, reject) => {
      const check = () => (out.includes('prepared\n') ? resolve() : undefined);
      child.stdout.on('data', check);
      child.on('close', (code) => reject(new Error(`desktop ${d} ended (${code}) before it was ready`)));
    });
    const done = new Promise<number[]>((resolve, reject) =>
      child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`desktop ${d} failed (${code})`)))),
    );
    return { child, prepared, done };
  });
  await Promise.all(children.map((c) => c.prepared));
  const t0 = performance.now();
  for (const c of children) c.child.stdin.write('go\n');
  const latencies = (await Promise.all(children.map((c) => c.done))).flat().sort((a, b) => a - b);
  const seconds = (performance.now() - t0) / 1000;
  return { signoffs: latencies.length, seconds, medianMs: latencies[latencies.length >> 1], p90Ms: latencies[Math.floor(latencies.length * 0.9)] };
}

const describe = (r: Round) => `${r.signoffs} 次签批 in ${r.seconds.toFixed(1)} s = ${(r.signoffs / r.seconds).toFixed(1)} 次/秒, median ${r.medianMs.toFixed(1)} ms, p90 ${r.p90Ms.toFixed(1)} ms`;

async function main(): Promise<void> {
  log(`密审 Mishen 部门模式基准 department benchmark — Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const server = await startPostgres();
  try {
    process.env.MISHEN_DB_PASSWORD = APP_PASSWORD;
    process.env.MISHEN_USER_DATA = join(work, 'setup');
    const url = await createDepartmentDatabase(server, join(work, 'owner'), APP_PASSWORD);
    createUsers(url, DESKTOPS);
    const file = join(work, 'desktop.db');
    createUsers(file, 1);

    const sqliteAlone = await round(file, 1, DOCUMENTS_ALONE);
    log(`SQLite 文件，一台桌面 one desktop: ${describe(sqliteAlone)}`);
    const pgAlone = await round(url, 1, DOCUMENTS_ALONE);
    log(`PostgreSQL 服务器（本机回环），一台桌面 one desktop: ${describe(pgAlone)}`);
    const pgFour = await round(url, DESKTOPS, DOCUMENTS_EACH);
    log(`PostgreSQL 服务器，${DESKTOPS} 台桌面同时签批 ${DESKTOPS} desktops at once: ${describe(pgFour)}`);
    log(
      JSON.stringify({
        sqliteSignMedianMs: Number(sqliteAlone.medianMs.toFixed(1)),
        postgresSignMedianMs: Number(pgAlone.medianMs.toFixed(1)),
        postgresFourClientsSignoffsPerSecond: Number((pgFour.signoffs / pgFour.seconds).toFixed(1)),
        postgresFourClientsSignMedianMs: Number(pgFour.medianMs.toFixed(1)),
        postgresOneClientSignoffsPerSecond: Number((pgAlone.signoffs / pgAlone.seconds).toFixed(1)),
      }),
    );
  } finally {
    server.stop();
  }
}

try {
  await main();
} finally {
  rmSync(work, { recursive: true, force: true });
}
