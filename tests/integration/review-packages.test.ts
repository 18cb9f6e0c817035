// Review packages (送审包) between two installations that share no database: two real SQLite files,
// real signatures. The division's drafter and head sign, the division exports; the office imports,
// its reviewer signs with the normal service call, the office exports its decision; the division
// imports it and the chain is 已办结. Tampered, unknown-signer, replayed and out-of-order packages
// are refused with their reason, leaving nothing but the audit entry of the refusal; both sides
// audit every export and import, and `audit verify` passes on both throughout. And an office whose
// records are on a department's PostgreSQL server takes and answers a desktop's package the same way.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { UserInfo } from '../../shared/records';
import { readSigningKey } from '../../electron/dictionary/signing-key';
import { ReviewPackageRefusal, packageBytes, readReviewPackage, signReviewPackage, type ReviewPackage } from '../../electron/packages/review-package';
import { openServices, type Services } from '../../electron/services/open-services';
import pg from 'pg';
import { startPostgres } from '../support/postgres-server';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const PASSWORD = 'package-pass-2026';
const dirs: string[] = [];

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Installation {
  readonly file: string;
  readonly s: Services;
  readonly u: Record<string, UserInfo>;
}

function installation(dir: string, name: string, people: readonly (readonly [string, string, UserInfo['role'], string])[], database = join(dir, `${name}.db`)): Installation {
  const file = database;
  const s = openServices({ database: file });
  const admin = s.records.bootstrapAdmin('admin', '管理员', PASSWORD);
  const u: Record<string, UserInfo> = { admin };
  for (const [username, displayName, role, division] of people) u[username] = s.records.createUser(admin, { username, displayName, role, division, password: PASSWORD });
  for (const username of Object.keys(u)) u[username] = s.records.login(username, PASSWORD);
  return { file, s, u };
}

/** Each side trusts the other's installation key (as the two security officers would, by file). */
function trustEachOther(a: Installation, b: Installation): void {
  b.s.packages.trustInstallation(b.u.admin, a.s.packages.installationKey(a.u.admin).pem, '对方');
  a.s.packages.trustInstallation(a.u.admin, b.s.packages.installationKey(b.u.admin).pem, '对方');
}

/** A division and the general office, the division's draft signed by its drafter and head. */
async function pair(trusted = true) {
  const dir = mkdtempSync(join(tmpdir(), 'mishen-packages-'));
  dirs.push(dir);
  const division = installation(dir, 'division', [
    ['zhang', '张三', 'drafter', '综合处'],
    ['li', '李四', 'division-head', '综合处'],
  ]);
  const office = installation(dir, 'office', [['wang', '王五', 'office-reviewer', '办公室']]);
  if (trusted) trustEachOther(division, office);
  const r = division.s.records;
  let d = await r.submit(division.u.zhang, join(CORPUS, '02-classified-marking.docx'), { title: '全省城市供水应急保障情况报告', docNumber: '综〔2026〕12号' });
  for (const f of d.scan.findings.filter((x) => x.severity === 'block')) d = r.dispose(division.u.zhang, f.id, 'fixed');
  r.sign(division.u.zhang, d.latestVersion.id, { step: 'drafter', decision: 'approve', opinion: '已逐项自查' });
  r.sign(division.u.li, d.latestVersion.id, { step: 'division-head', decision: 'approve', opinion: '同意报办公室审核' });
  return { dir, division, office, documentId: d.id, versionId: d.latestVersion.id };
}

const close = (...xs: Installation[]) => xs.forEach((x) => x.s.close());

async function verified(x: Installation) {
  const report = await x.s.records.verifyRecords(x.u.admin);
  expect(report.problems).toEqual([]);
  expect(report.ok).toBe(true);
  return report;
}

/** The office reviewer's sign-off on what came in, and the decision package. */
function officeDecides(office: Installation, documentId: string, decision: 'approve' | 'return' = 'approve'): Buffer {
  const d = office.s.records.getDocument(office.u.wang, documentId);
  const req = decision === 'approve' ? { outcome: '删除后公开' as const, legalBasis: '《政府信息公开条例》第十四条' } : {};
  office.s.records.sign(office.u.wang, d.latestVersion.id, { step: 'office', decision, opinion: decision === 'approve' ? '删除密级标志后公开' : '请修改后重新送审', ...req });
  return office.s.packages.exportDecision(office.u.wang, documentId).bytes;
}

/**
 * Expects the import to be refused for `reason`; then that nothing was written but the refusal's
 * audit entry (which names the reason), and that the record still verifies.
 */
async function refusedImport(x: Installation, actor: UserInfo, bytes: Buffer, reason: ReviewPackageRefusal['reason']): Promise<string> {
  const before = await verified(x);
  let error: unknown;
  try {
    x.s.packages.importPackage(actor, bytes);
  } catch (e) {
    error = e;
  }
  expect(error, `应被拒绝（${reason}）`).toBeInstanceOf(ReviewPackageRefusal);
  expect((error as ReviewPackageRefusal).reason).toBe(reason);
  const after = await verified(x);
  expect(after.rows).toEqual(before.rows);
  expect(after.entries).toBe(before.entries + 1);
  const [entry] = x.s.records.listAudit(x.u.admin, 1);
  expect(entry.action).toBe('package.import-refused');
  expect(entry.actor).toBe(actor.username);
  expect(JSON.parse(JSON.stringify(entry.details))).toMatchObject({ reason });
  return (error as Error).message;
}

/** The package re-signed by `key` after `edit` (what a trusted but dishonest installation could send). */
function resigned(bytes: Buffer, keyFile: string, edit: (p: ReviewPackage) => ReviewPackage): Buffer {
  const { format: _f, formatVersion: _v, senderPublicKey: _k, senderFingerprint: _p, signature: _s, ...unsigned } = edit(readReviewPackage(bytes));
  return packageBytes(signReviewPackage(unsigned, readSigningKey(keyFile)!));
}

describe('a review package round trip between two installations', () => {
  it('division signs and exports, office imports and signs, division imports the decision: 已办结, verified on both sides', async () => {
    const { division, office, documentId, versionId } = await pair();
    try {
      const review = division.s.packages.exportReview(division.u.li, documentId);
      expect(review.kind).toBe('review');
      const imported = office.s.packages.importPackage(office.u.wang, review.bytes);
      expect(imported).toMatchObject({ kind: 'review', documentId, versionId, state: '待办公室审核' });
      const atOffice = office.s.records.getDocument(office.u.wang, documentId);
      expect(atOffice.title).toBe('全省城市供水应急保障情况报告');
      expect(atOffice.signoffs.map((s) => s.userName)).toEqual(['张三', '李四']);
      expect(office.s.records.versionFile(office.u.wang, versionId).bytes).toEqual(division.s.records.versionFile(division.u.zhang, versionId).bytes);
      expect(atOffice.scan.findings.filter((f) => f.severity === 'block').every((f) => f.disposition?.action === 'fixed')).toBe(true);
      // The division's people are on record at the office, and cannot sign in there.
      expect(() => office.s.records.login('zhang', PASSWORD)).toThrow();
      const officeReport = await verified(office);
      expect(officeReport.signatures.signoffs).toBe(2);

      const decision = officeDecides(office, documentId);
      expect(office.s.records.getDocument(office.u.wang, documentId).state).toBe('已办结');
      const answered = division.s.packages.importPackage(division.u.li, decision);
      expect(answered).toMatchObject({ kind: 'decision', state: '已办结', records: 3 }); // the reviewer, their key, the sign-off
      const done = division.s.records.getDocument(division.u.zhang, documentId);
      expect(done.state).toBe('已办结');
      expect(done.signoffs.at(-1)).toMatchObject({ step: 'office', userName: '王五', outcome: '删除后公开' });

      const divisionReport = await verified(division);
      expect(divisionReport.signatures.signoffs).toBe(3);
      expect((await verified(office)).signatures.signoffs).toBe(3);
      const actions = (x: Installation) => x.s.records.listAudit(x.u.admin, 500).map((e) => e.action);
      expect(actions(division)).toEqual(expect.arrayContaining(['package.export', 'package.import', 'package.trust']));
      expect(actions(office)).toEqual(expect.arrayContaining(['package.import', 'package.export', 'package.trust']));
      expect(division.s.packages.listPackages(division.u.li, documentId).map((p) => `${p.direction} ${p.kind}`)).toEqual(['sent review', 'received decision']);
    } finally {
      close(division, office);
    }
  });

  it('a return by the office comes back as 已退回, and the new version goes round again', async () => {
    const { division, office, documentId } = await pair();
    try {
      office.s.packages.importPackage(office.u.wang, division.s.packages.exportReview(division.u.li, documentId).bytes);
      expect(division.s.packages.importPackage(division.u.zhang, officeDecides(office, documentId, 'return')).state).toBe('已退回');
      const r = division.s.records;
      r.setPublication(division.u.zhang, documentId, { publicationMode: '依申请公开', channel: '政务公开专栏', scope: '申请人', publishTime: '2026-12-31' });
      const d = await r.submitFile(division.u.zhang, { name: '报告（修改稿）.txt', bytes: Buffer.from('关于全省城市供水应急保障情况的报告（修改稿）。\n') }, { documentId });
      r.sign(division.u.zhang, d.latestVersion.id, { step: 'drafter', decision: 'approve', opinion: '已按意见修改' });
      r.sign(division.u.li, d.latestVersion.id, { step: 'division-head', decision: 'approve', opinion: '同意' });
      expect(office.s.packages.importPackage(office.u.wang, division.s.packages.exportReview(division.u.li, documentId).bytes).state).toBe('待办公室审核');
      // The division's new proposal for publication came with the second package.
      expect(office.s.records.getDocument(office.u.wang, documentId)).toMatchObject({ publicationMode: '依申请公开', channel: '政务公开专栏', latestVersion: { number: 2 } });
      expect(division.s.packages.importPackage(division.u.li, officeDecides(office, documentId)).state).toBe('已办结');
      await verified(division);
      await verified(office);
    } finally {
      close(division, office);
    }
  });
});

describe('refused packages', () => {
  it('tampered: one byte changed in the package', async () => {
    const { division, office, documentId } = await pair();
    try {
      const bytes = Buffer.from(division.s.packages.exportReview(division.u.li, documentId).bytes);
      const at = bytes.indexOf(Buffer.from('同意报办公室审核'));
      bytes[at + 3] ^= 0x01; // 同 → another character: the head's opinion as the office would read it
      expect(await refusedImport(office, office.u.wang, bytes, 'tampered')).toMatch(/签名校验失败/);
      expect(office.s.records.listDocuments(office.u.wang)).toEqual([]);
    } finally {
      close(division, office);
    }
  });

  it('tampered: a sign-off changed and the package re-signed by a trusted installation fails its signer\'s signature', async () => {
    const { dir, division, office, documentId } = await pair();
    try {
      const bytes = division.s.packages.exportReview(division.u.li, documentId).bytes;
      const forged = resigned(bytes, join(dir, 'division.db.package-key.pem'), (p) => ({
        ...p,
        records: { ...p.records, signoffs: p.records.signoffs.map((s) => (s.step === 'division-head' ? { ...s, opinion: '同意公开' } : s)) },
      }));
      expect(await refusedImport(office, office.u.wang, forged, 'tampered')).toMatch(/「李四」的签批.*电子签名无效/);
    } finally {
      close(division, office);
    }
  });

  it('tampered: a row this database\'s rules refuse, though the sending installation signed it', async () => {
    const { dir, division, office, documentId } = await pair();
    try {
      const bytes = division.s.packages.exportReview(division.u.li, documentId).bytes;
      const forged = resigned(bytes, join(dir, 'division.db.package-key.pem'), (p) => ({ ...p, records: { ...p.records, scans: p.records.scans.map((x) => ({ ...x, verdict: 'fine' })) } }));
      expect(await refusedImport(office, office.u.wang, forged, 'tampered')).toMatch(/扫描结果.*不符合本机记录的约束/);
      // Whoever may not take packages at all is refused, and that is audited too.
      office.s.records.createUser(office.u.admin, { username: 'bao', displayName: '保密员', role: 'security-officer', division: '办公室', password: PASSWORD });
      expect(() => office.s.packages.importPackage(office.s.records.login('bao', PASSWORD), bytes)).toThrow(/不能导入审核决定包/);
      expect(office.s.records.listAudit(office.u.admin, 1)[0]).toMatchObject({ action: 'package.import-refused', actor: 'bao' });
    } finally {
      close(division, office);
    }
  });

  it('unknown signer: an installation the office does not trust, or a sign-off by a key that is not its signer\'s', async () => {
    const { dir, division, office, documentId } = await pair(false);
    try {
      const bytes = division.s.packages.exportReview(division.u.li, documentId).bytes;
      expect(await refusedImport(office, office.u.wang, bytes, 'unknown-signer')).toMatch(/不在本机信任的安装中/);
      trustEachOther(division, office);
      const keys = readReviewPackage(bytes).records.userKeys;
      const zhangKey = keys.find((k) => k.user_id === division.u.zhang.id)!;
      const swapped = resigned(bytes, join(dir, 'division.db.package-key.pem'), (p) => ({
        ...p,
        records: { ...p.records, signoffs: p.records.signoffs.map((s) => (s.step === 'division-head' ? { ...s, key_id: zhangKey.id } : s)) },
      }));
      expect(await refusedImport(office, office.u.wang, swapped, 'unknown-signer')).toMatch(/签名公钥不属于签名人/);
      // The honest package is still taken once trusted.
      expect(office.s.packages.importPackage(office.u.wang, bytes).state).toBe('待办公室审核');
    } finally {
      close(division, office);
    }
  });

  it('replayed: the same package imported twice', async () => {
    const { division, office, documentId } = await pair();
    try {
      const bytes = division.s.packages.exportReview(division.u.li, documentId).bytes;
      office.s.packages.importPackage(office.u.wang, bytes);
      expect(await refusedImport(office, office.u.wang, bytes, 'replayed')).toMatch(/已于此前导入/);
      const decision = officeDecides(office, documentId);
      division.s.packages.importPackage(division.u.li, decision);
      expect(await refusedImport(division, division.u.li, decision, 'replayed')).toMatch(/已于此前导入/);
    } finally {
      close(division, office);
    }
  });

  it('out of order: a decision for a version the division has since replaced', async () => {
    const { division, office, documentId } = await pair();
    try {
      office.s.packages.importPackage(office.u.wang, division.s.packages.exportReview(division.u.li, documentId).bytes);
      const decision = officeDecides(office, documentId);
      await division.s.records.submitFile(division.u.zhang, { name: '报告（第二稿）.txt', bytes: Buffer.from('第二稿。\n') }, { documentId });
      expect(await refusedImport(division, division.u.li, decision, 'out-of-order')).toMatch(/已有更新的第 2 版/);
    } finally {
      close(division, office);
    }
  });

  it('out of order: a decision at an installation that never sent its review package, and a review package older than what the office has', async () => {
    const { dir, division, office, documentId } = await pair();
    const other = installation(dir, 'other-division', [['qian', '钱八', 'division-head', '综合处']]);
    try {
      trustEachOther(other, office);
      const first = division.s.packages.exportReview(division.u.li, documentId).bytes;
      const again = division.s.packages.exportReview(division.u.li, documentId).bytes;
      office.s.packages.importPackage(office.u.wang, first);
      expect(await refusedImport(office, office.u.wang, again, 'out-of-order')).toMatch(/本机已有该文稿第 1 版/);
      const decision = officeDecides(office, documentId);
      expect(await refusedImport(other, other.u.qian, decision, 'out-of-order')).toMatch(/本机没有发出过/);
      // The office's reviewer takes review packages, not decisions: refused by role, and audited too.
      expect(() => office.s.packages.importPackage(office.u.wang, decision)).toThrow(/不能导入审核决定包/);
      expect(office.s.records.listAudit(office.u.admin, 1)[0]).toMatchObject({ action: 'package.import-refused' });
    } finally {
      close(division, office, other);
    }
  });

  it('a review package cannot be exported before the division head has approved', async () => {
    const { division, documentId } = await pair();
    try {
      const d = await division.s.records.submitFile(division.u.zhang, { name: '新稿.txt', bytes: Buffer.from('新稿。\n') }, { documentId });
      expect(d.state).toBe('待自查');
      expect(() => division.s.packages.exportReview(division.u.li, documentId)).toThrow(/处室负责人审核通过后导出/);
    } finally {
      division.s.close();
    }
  });
});

describe('an office on a department server', () => {
  it('takes a review package from a desktop, and answers it, on PostgreSQL', async () => {
    const server = await startPostgres();
    const saved = { data: process.env.MISHEN_USER_DATA, password: process.env.MISHEN_DB_PASSWORD };
    const { dir, division, documentId } = await pair(false);
    process.env.MISHEN_USER_DATA = join(dir, 'office-desktop');
    process.env.MISHEN_DB_PASSWORD = 'test-superuser';
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE office');
    await admin.end();
    const office = installation(dir, 'office', [['wang', '王五', 'office-reviewer', '办公室']], `postgres://postgres@127.0.0.1:${server.port}/office`);
    try {
      trustEachOther(division, office);
      expect(office.s.packages.importPackage(office.u.wang, division.s.packages.exportReview(division.u.li, documentId).bytes).state).toBe('待办公室审核');
      // A refusal on the server: rolled back there, and audited.
      await refusedImport(office, office.u.wang, division.s.packages.exportReview(division.u.li, documentId).bytes, 'out-of-order');
      expect(division.s.packages.importPackage(division.u.li, officeDecides(office, documentId)).state).toBe('已办结');
      await verified(office);
      await verified(division);
    } finally {
      close(division, office);
      server.stop();
      for (const [name, value] of [['MISHEN_USER_DATA', saved.data], ['MISHEN_DB_PASSWORD', saved.password]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  }, 120_000);
});
