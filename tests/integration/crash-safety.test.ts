// Kills a writer mid-write, again and again (SIGKILL: no cleanup, no chance to finish a
// transaction), and checks after each kill that the database is intact, the audit chain holds,
// and every transaction the writer reported as committed is there.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../electron/services/open-services';
import { verifyAuditLog } from '../../electron/store/audit-log';
import { openDatabase } from '../../electron/store/connection';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const PASSWORD = 'crash-pass-1';
const ROUNDS = 8;

/** Runs the writer until `ready` plus a random delay, kills it, and returns what it reported. */
function runAndKill(script: string, dbFile: string, documentId: string): Promise<{ committed: string[][]; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, dbFile, documentId, PASSWORD], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (!stdout.includes('ready\n') && (stdout + chunk).includes('ready\n')) {
        setTimeout(() => child.kill('SIGKILL'), 20 + Math.random() * 400);
      }
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer ended by itself (${code}): ${stderr}`));
      // Only complete lines count: a line cut off by the kill was not fully reported.
      const lines = stdout.split('\n').slice(0, -1);
      resolve({ committed: lines.filter((l) => l.startsWith('committed ')).map((l) => l.split(' ').slice(1)), signal });
    });
  });
}

describe('crash safety', () => {
  let dir: string;
  let dbFile: string;
  let script: string;
  let documentId: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mishen-crash-'));
    dbFile = join(dir, 'records.db');
    // Bundled under node_modules so that the writer's external imports (better-sqlite3) resolve.
    const outDir = join(ROOT, 'node_modules/.cache/mishen-tests');
    mkdirSync(outDir, { recursive: true });
    script = join(outDir, `crash-writer-${process.pid}.mjs`);
    await build({
      entryPoints: [join(ROOT, 'tests/fixtures/crash-writer.ts')],
      outfile: script,
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      logLevel: 'warning',
    });

    const services = openServices({ database: dbFile });
    const s = services.records;
    try {
      const admin = s.bootstrapAdmin('admin', '管理员', PASSWORD);
      const zhang = s.createUser(admin, { username: 'zhang', displayName: '张三', role: 'drafter', division: '综合处', password: PASSWORD });
      s.createUser(admin, { username: 'li', displayName: '李四', role: 'division-head', division: '综合处', password: PASSWORD });
      documentId = (await s.submit(zhang, join(CORPUS, '02-classified-marking.docx'))).id;
    } finally {
      services.close();
    }
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    if (script) rmSync(script, { force: true });
  });

  it(`survives ${ROUNDS} kills mid-write with every committed change intact`, async () => {
    let total = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const { committed } = await runAndKill(script, dbFile, documentId);
      total += committed.length;

      const db = openDatabase(dbFile);
      try {
        expect(db.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok');
        expect(verifyAuditLog(db).ok, `round ${round}`).toBe(true);
        for (const [table, id] of committed) {
          expect(['dispositions', 'signoffs', 'audit_log']).toContain(table);
          const row = db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id);
          expect(row, `round ${round}: ${table} ${id} was reported committed`).toBeDefined();
        }
      } finally {
        db.close();
      }
    }
    // The writer must actually have written something for the test to mean anything.
    expect(total).toBeGreaterThan(0);
  });
});
