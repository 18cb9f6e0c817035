// Department mode under load: four desktops (processes), each with its own users, submit, dispose
// and sign 50 documents at once against one PostgreSQL server the test starts itself, connected
// as the application's own role with only the rights it is granted. Then: no write is lost, every
// chain is whole, the audit log is one chain with no number twice, `audit verify` passes; two
// offices signing the same step at once: one wins, the other is refused; a desktop killed with
// SIGKILL mid-transaction leaves nothing half-done.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../electron/services/open-services';
import { openPostgres } from '../../electron/store/pg/open-postgres';
import { applicationRoleGrants } from '../../electron/store/pg/pg-migrations';
import { startPostgres, type PostgresServer } from '../support/postgres-server';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DESKTOPS = 4;
const DOCUMENTS = 50;
const PASSWORD = 'dept-pass-2026';
const APP_PASSWORD = 'app-role-pass';

let server: PostgresServer;
let work: string;
let script: string;
let appUrl: string;
let sharedDocument: string;

interface Run {
  readonly lines: string[];
  readonly code: number | null;
  readonly signal: string | null;
}

function desktop(index: number, args: string[], killAfterMs?: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, MISHEN_DB_PASSWORD: APP_PASSWORD, MISHEN_USER_DATA: join(work, `desktop-${index}`) };
    const child = spawn(process.execPath, [script, appUrl, String(index), ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      if (killAfterMs !== undefined && !out.includes('ready\n') && (out + c).includes('ready\n')) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      out += c;
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== 0 && signal !== 'SIGKILL') return reject(new Error(`desktop ${index} failed (${code}): ${err}`));
      resolve({ lines: out.split('\n').slice(0, -1), code, signal });
    });
  });
}

/** The test's own desktop, which checks what the others wrote. */
function services(): Services {
  process.env.MISHEN_USER_DATA = join(work, 'desktop-check');
  process.env.MISHEN_DB_PASSWORD = APP_PASSWORD;
  return openServices({ database: appUrl });
}

beforeAll(async () => {
  server = await startPostgres();
  work = mkdtempSync(join(tmpdir(), 'mishen-dept-'));
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE mishen');
  await admin.query(`CREATE ROLE mishen_app LOGIN PASSWORD '${APP_PASSWORD}'`);
  await admin.end();
  // The schema is made by the database's owner; the desktops then work with the application role.
  const ownerUrl = `postgres://postgres@127.0.0.1:${server.port}/mishen`;
  const owner = openPostgres(ownerUrl, join(work, 'anchors-owner'), { MISHEN_DB_PASSWORD: 'test-superuser' });
  owner.exec(applicationRoleGrants('mishen_app'));
  owner.close();
  appUrl = `postgres://mishen_app@127.0.0.1:${server.port}/mishen`;

  const setup = services();
  const s = setup.records;
  const root = s.bootstrapAdmin('admin', '系统管理员', 'admin-pass-2026');
  for (let d = 0; d <= DESKTOPS; d++) {
    const division = `第${d}处`;
    s.createUser(root, { username: `drafter${d}`, displayName: `起草人${d}`, role: 'drafter', division, password: PASSWORD });
    s.createUser(root, { username: `head${d}`, displayName: `处长${d}`, role: 'division-head', division, password: PASSWORD });
    s.createUser(root, { username: `office${d}`, displayName: `办公室${d}`, role: 'office-reviewer', division: '办公室', password: PASSWORD });
  }
  // The document two offices will sign at once: drafter and division head have signed.
  const file = join(work, 'shared.txt');
  (await import('node:fs')).writeFileSync(file, '机密★5年\n关于共同事项的报告\n');
  const drafter = s.login('drafter4', PASSWORD);
  let doc = await s.submit(drafter, file, { title: '共同事项' });
  for (const f of doc.scan!.findings.filter((x: { severity: string }) => x.severity === 'block')) doc = s.dispose(drafter, f.id, 'fixed');
  s.sign(drafter, doc.latestVersion!.id, { step: 'drafter', decision: 'approve', opinion: '已自查' });
  s.sign(s.login('head4', PASSWORD), doc.latestVersion!.id, { step: 'division-head', decision: 'approve', opinion: '同意' });
  sharedDocument = doc.id;
  setup.close();

  const outDir = join(ROOT, 'node_modules/.cache/mishen-tests');
  mkdirSync(outDir, { recursive: true });
  script = join(outDir, `desktop-writer-${process.pid}.mjs`);
  await build({ entryPoints: [join(ROOT, 'tests/fixtures/desktop-writer.ts')], outfile: script, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
}, 120_000);

afterAll(() => {
  server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('four desktops against one department server', () => {
  let runs: Run[];
  let seconds: number;

  beforeAll(async () => {
    const t0 = performance.now();
    runs = await Promise.all(Array.from({ length: DESKTOPS }, (_, i) => desktop(i, [String(DOCUMENTS), PASSWORD, i < 2 ? sharedDocument : ''])));
    seconds = (performance.now() - t0) / 1000;
    process.stdout.write(`department concurrency: ${DESKTOPS} desktops × ${DOCUMENTS} documents, ${DESKTOPS * DOCUMENTS * 3} sign-offs in ${seconds.toFixed(1)} s\n`);
  }, 600_000);

  it('loses no write: every document of every desktop is complete, with its three sign-offs', () => {
    const opened = services();
    const s = opened.records;
    try {
      const office = s.login('office0', PASSWORD);
      for (const run of runs) {
        const signed = run.lines.filter((l) => l.startsWith('committed signed ')).map((l) => l.split(' ')[2]);
        expect(signed).toHaveLength(DOCUMENTS);
        for (const id of signed) {
          const doc = s.getDocument(office, id);
          expect(doc.state).toBe('已办结');
          expect(doc.signoffs.map((x: { step: string }) => x.step)).toEqual(['drafter', 'division-head', 'office']);
        }
      }
    } finally {
      opened.close();
    }
  });

  it('two offices signing the same step at once: one is recorded, the other refused in Chinese', () => {
    const outcomes = runs.slice(0, 2).map((r) => r.lines.find((l) => l.startsWith('race '))!);
    process.stdout.write(`race: ${outcomes.join(' / ')}\n`);
    expect(outcomes.filter((o) => o === 'race signed')).toHaveLength(1);
    const refused = outcomes.find((o) => o.startsWith('race refused'))!;
    expect(refused).toMatch(/[\u4e00-\u9fff]/);
    const opened = services();
    const s = opened.records;
    try {
      const doc = s.getDocument(s.login('office0', PASSWORD), sharedDocument);
      expect(doc.signoffs.filter((x: { step: string }) => x.step === 'office')).toHaveLength(1);
    } finally {
      opened.close();
    }
  });

  it('keeps one audit chain, no number twice, and audit verify passes', async () => {
    const opened = services();
    const s = opened.records;
    try {
      const report = await s.verifyRecords(s.login('admin', 'admin-pass-2026'));
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.signatures.signoffs).toBe(DESKTOPS * DOCUMENTS * 3 + 2 + 1);
    } finally {
      opened.close();
    }
    const c = new pg.Client({ connectionString: server.adminUrl.replace(/\/postgres$/, '/mishen') });
    await c.connect();
    const { rows } = await c.query('SELECT COUNT(*)::int AS n, COUNT(DISTINCT seq)::int AS d, MIN(seq) AS lo, MAX(seq) AS hi FROM audit_log');
    await c.end();
    expect(rows[0].n).toBe(rows[0].d);
    expect(rows[0].hi - rows[0].lo + 1).toBe(rows[0].n);
  });

  it('a desktop killed with SIGKILL mid-transaction leaves nothing half-done', async () => {
    const killed = await desktop(DESKTOPS, [String(DOCUMENTS), PASSWORD, ''], 1500);
    expect(killed.signal).toBe('SIGKILL');
    const opened = services();
    const s = opened.records;
    try {
      const report = await s.verifyRecords(s.login('admin', 'admin-pass-2026'));
      expect(report.problems).toEqual([]);
      const office = s.login('office0', PASSWORD);
      for (const line of killed.lines.filter((l) => l.startsWith('committed signed '))) {
        expect(s.getDocument(office, line.split(' ')[2]).state).toBe('已办结');
      }
    } finally {
      opened.close();
    }
  }, 120_000);
});
