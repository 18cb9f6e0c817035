// Sign-offs signed by their signers. Someone who can write the database file but does not know the
// signer's password cannot make a sign-off that verifies, even with the whole hash chain and the
// anchor recomputed. A password reset by the administrator makes a new key pair; what was signed
// with the old one stays verifiable, and the old key no longer signs. The private key is never in
// the database in clear.
import Database from 'better-sqlite3';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserInfo } from '../../shared/records';
import { openServices, type Services } from '../../electron/services/open-services';
import type { RecordsService } from '../../electron/services/records-service';
import { unlockUserKey } from '../../electron/services/user-keys';
import { currentUserKey } from '../../electron/store/user-keys-repo';
import { verifyDatabase } from '../../electron/store/verify-database';
import { openDatabase } from '../../electron/store/connection';
import { refused } from '../support/refused';
import { rebindAndRechain, sqlite } from '../support/forge-chain';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const PASSWORD = 'sign-pass-2026';
const NEW_PASSWORD = 'reset-pass-2026';
let dir: string;
let dbFile: string;
let services: Services;
let s: RecordsService;
/**
 * The test's own connection to the file, to look at rows and copy it as the attacker would: plain
 * better-sqlite3 (openDatabase's file checks open and close the file, and closing any descriptor of
 * it drops every POSIX lock this process holds on it, the services' connection's too).
 */
let look: Database.Database;
let admin: UserInfo;
const u: Record<string, UserInfo> = {};

/** A document signed by the drafter and the division head, waiting for the office. */
async function readyForOffice(title: string): Promise<string> {
  let d = await s.submit(u.zhang, join(CORPUS, '01-public-notice.docx'), { title });
  for (const f of d.scan.findings.filter((x) => x.severity === 'block')) d = s.dispose(u.zhang, f.id, 'fixed');
  s.sign(u.zhang, d.latestVersion.id, { step: 'drafter', decision: 'approve', opinion: '已自查' });
  s.sign(u.li, d.latestVersion.id, { step: 'division-head', decision: 'approve', opinion: '同意' });
  return d.latestVersion.id;
}

/** A copy of the database as it is now, for an attack (the anchor is the attacker's to rewrite). */
async function copyOf(name: string): Promise<string> {
  const file = join(dir, name);
  await look.backup(file);
  return file;
}

const verify = async (file = dbFile) => {
  const db = openDatabase(file);
  try {
    return await verifyDatabase(db);
  } finally {
    db.close();
  }
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mishen-signatures-'));
  dbFile = join(dir, 'records.db');
  services = openServices({ database: dbFile });
  s = services.records;
  look = new Database(dbFile);
  admin = s.bootstrapAdmin('admin', '管理员', PASSWORD);
  for (const [username, displayName, role, division] of [
    ['zhang', '张三', 'drafter', '综合处'],
    ['li', '李四', 'division-head', '综合处'],
    ['wang', '王五', 'office-reviewer', '办公室'],
  ] as const) {
    s.createUser(admin, { username, displayName, role, division, password: PASSWORD });
    u[username] = s.login(username, PASSWORD);
  }
});

afterAll(() => {
  look?.close();
  services?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a forged sign-off', () => {
  it('with a valid recomputed chain and anchor but a signature copied from another sign-off: the signature fails', async () => {
    const version = await readyForOffice('伪造办公室签批');
    const file = await copyOf('forged.db');
    // The attacker writes the office's approval that 王五 never gave, reusing the head's signature.
    const head = sqlite(file, `SELECT id FROM signoffs WHERE version_id = '${version}' AND step = 'division-head'`).trim();
    sqlite(
      file,
      `INSERT INTO signoffs (id, version_id, step, decision, user_id, user_name, role, opinion, outcome, legal_basis, scan_id, signed_at, origin, prev_signoff_id, key_id, signature)
       SELECT 'forged-office', version_id, 'office', 'approve', '${u.wang.id}', '王五', 'office-reviewer', '同意公开', '可以公开', NULL, scan_id, signed_at, origin, '${head}',
              (SELECT id FROM user_keys WHERE user_id = '${u.wang.id}'), signature FROM signoffs WHERE id = '${head}';`,
    );
    rebindAndRechain(file, 'signoff', 'forged-office', { anchor: true, actor: 'wang' });
    // Everything but the signature agrees: the chain, the binding, the anchor.
    const report = await verify(file);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.stringMatching(/《伪造办公室签批》第 1 版的办公室审核签批（王五，.*）的电子签名无效/)]);
  });

  it('without a signature, even when its entry claims to come from the upgrade: refused', async () => {
    const fresh = await copyOf('unsigned.db');
    const version = sqlite(fresh, "SELECT version_id FROM signoffs WHERE step = 'division-head' LIMIT 1").trim();
    const head = sqlite(fresh, `SELECT id FROM signoffs WHERE version_id = '${version}' AND step = 'division-head'`).trim();
    sqlite(
      fresh,
      `INSERT INTO signoffs (id, version_id, step, decision, user_id, user_name, role, opinion, outcome, legal_basis, scan_id, signed_at, origin, prev_signoff_id, key_id, signature)
       SELECT 'unsigned-office', version_id, 'office', 'approve', '${u.wang.id}', '王五', 'office-reviewer', '同意公开', '可以公开', NULL, scan_id, '2020-01-01T00:00:00.000Z', origin, '${head}', NULL, NULL
       FROM signoffs WHERE id = '${head}';`,
    );
    rebindAndRechain(fresh, 'signoff', 'unsigned-office', { anchor: true, action: 'migration.bind' });
    const report = await verify(fresh);
    expect(report.problems.some((p) => /办公室审核签批（王五.*没有电子签名/.test(p))).toBe(true);
  });
});

describe('a password reset', () => {
  it('makes a new key pair; old signatures stay verifiable; the old key no longer signs', async () => {
    const first = await readyForOffice('重置前签批');
    s.sign(u.wang, first, { step: 'office', decision: 'approve', opinion: '同意', outcome: '可以公开' });
    const oldKey = currentUserKey(look, u.wang.id)!;

    s.updateUser(admin, u.wang.id, { password: NEW_PASSWORD });
    const newKey = currentUserKey(look, u.wang.id)!;
    expect(newKey.id).not.toBe(oldKey.id);
    expect(newKey.reason).toBe('password-reset');
    expect(sqlite(dbFile, `SELECT COUNT(*) FROM audit_log WHERE action = 'user.key' AND subject = '${u.wang.id}'`).trim()).toBe('2');

    // What 王五 signed before the reset still verifies, against the key he had then.
    let report = await verify();
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);

    // A session unlocked with the old password cannot sign any more.
    const second = await readyForOffice('重置后签批');
    refused(() => s.sign(u.wang, second, { step: 'office', decision: 'approve', opinion: '同意', outcome: '可以公开' }), 'key-locked');
    refused(() => s.login('wang', PASSWORD), 'bad-credentials');
    u.wang = s.login('wang', NEW_PASSWORD);
    s.sign(u.wang, second, { step: 'office', decision: 'approve', opinion: '同意', outcome: '可以公开' });

    const keys = sqlite(dbFile, `SELECT s.key_id FROM signoffs s JOIN versions v ON v.id = s.version_id WHERE s.step = 'office' AND s.user_id = '${u.wang.id}' ORDER BY s.signed_at`)
      .trim()
      .split('\n');
    expect(keys.slice(-2)).toEqual([oldKey.id, newKey.id]);
    report = await verify();
    expect(report.problems).toEqual([]);
    expect(report.signatures.signoffs).toBeGreaterThanOrEqual(8);
  });

  it('a sign-off claiming the old key after the reset is refused by verify', async () => {
    const fresh = await copyOf('old-key.db');
    const [oldKey] = sqlite(fresh, `SELECT id FROM user_keys WHERE user_id = '${u.wang.id}' ORDER BY created_at`).trim().split('\n');
    const last = sqlite(fresh, `SELECT id FROM signoffs WHERE user_id = '${u.wang.id}' ORDER BY signed_at DESC LIMIT 1`).trim();
    sqlite(fresh, `DROP TRIGGER signoffs_no_update; UPDATE signoffs SET key_id = '${oldKey}' WHERE id = '${last}';`);
    rebindAndRechain(fresh, 'signoff', last, { anchor: true });
    const report = await verify(fresh);
    expect(report.problems).toEqual([expect.stringContaining('所用的签名公钥不是签名时该用户登记的公钥')]);
  });
});

describe('the private key', () => {
  it('is stored only encrypted under the password', () => {
    const row = currentUserKey(look, u.zhang.id)!;
    expect(row.encrypted_private_key).not.toMatch(/PRIVATE KEY/);
    expect(unlockUserKey(row, 'not-the-password')).toBeUndefined();
    const der = unlockUserKey(row, PASSWORD)!.privateKey.export({ type: 'pkcs8', format: 'der' });
    look.pragma('wal_checkpoint(TRUNCATE)');
    const file = readFileSync(dbFile);
    expect(file.includes(der)).toBe(false);
    expect(file.includes(Buffer.from(der.toString('base64')))).toBe(false);
    // A ciphertext moved to another user's row does not open with that user's password either.
    const other = currentUserKey(look, u.li.id)!;
    expect(unlockUserKey({ ...other, encrypted_private_key: row.encrypted_private_key }, PASSWORD)).toBeUndefined();
  });
});
