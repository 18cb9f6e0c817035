// An attacker with the sqlite3 shell drops the append-only trigger and rewrites one audit entry;
// `mishen audit verify` must then fail and name that entry. Runs the built CLI (npm run build).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const PASSWORD = 'tamper-pass-1';

function mishen(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [join(ROOT, 'bin/mishen.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, MISHEN_PASSWORD: PASSWORD, ...env },
  });
}

const sqlite = (db: string, sql: string) => execFileSync('sqlite3', [db, sql], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('audit verify finds a tampered entry', () => {
  let dir: string;
  let db: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mishen-tamper-'));
    db = join(dir, 'records.db');
    expect(mishen(['--db', db, 'init', '--admin', 'admin', '--name', '管理员']).status).toBe(0);
    const scan = mishen(['--db', db, 'scan', join(CORPUS, '02-classified-marking.docx'), join(CORPUS, '01-public-notice.docx')]);
    expect(scan.status).toBe(1); // one file blocked: the scan itself still succeeded and was recorded
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 while the chain holds', () => {
    const r = mishen(['--db', db, 'audit', 'verify']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const count = sqlite(db, 'SELECT COUNT(*) FROM audit_log').trim();
    expect(r.stdout).toContain(`共 ${count} 条`);
    expect(Number(sqlite(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'scan'"))).toBe(2);
  });

  it('exits 1 and names the entry after a row was changed behind its back', () => {
    // The scan that blocked 02-classified-marking.docx, rewritten to say it passed.
    const [seq, id] = sqlite(db, `SELECT seq, id FROM audit_log WHERE action = 'scan' AND details LIKE '%"verdict":"block"%'`).trim().split('|');
    const forge = `UPDATE audit_log SET details = replace(details, '"verdict":"block"', '"verdict":"pass"') WHERE seq = ${seq}`;
    // The trigger refuses the change until it is dropped, as an attacker would.
    expect(() => sqlite(db, forge)).toThrow(/append-only/);
    sqlite(db, `DROP TRIGGER audit_log_no_update; ${forge}`);
    expect(sqlite(db, `SELECT details FROM audit_log WHERE seq = ${seq}`)).toMatch(/"verdict":"pass"/);

    const r = mishen(['--db', db, 'audit', 'verify']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`第 ${seq} 条`);
    expect(r.stderr).toContain(id);
    expect(r.stderr).toMatch(/被改动/);
  });
});
