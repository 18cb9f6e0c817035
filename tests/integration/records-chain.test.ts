// The whole review chain (一事一审) through RecordsService against a real database file: every
// refusal with its code, a return restarting the chain, a new version starting it again, the
// happy path to 已办结, and an audit log that records all of it and still verifies.
import Database from 'better-sqlite3';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceError, type DocumentDetail, type Role, type UserInfo } from '../../shared/records';
import { openServices, type Services } from '../../electron/services/open-services';
import type { RecordsService } from '../../electron/services/records-service';
import { refused } from '../support/refused';
import { listAudit } from '../../electron/store/audit-log';
import { DatabaseVersionError, openDatabase } from '../../electron/store/connection';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const PASSWORD = 'test-pass-123';

async function refusedAsync(fn: () => Promise<unknown>, code: ServiceError['code']): Promise<void> {
  await expect(fn()).rejects.toSatisfy((e: unknown) => e instanceof ServiceError && e.code === code);
}

const blockFindings = (d: DocumentDetail) => d.scan.findings.filter((f) => f.severity === 'block');

describe('review chain over a database file', () => {
  let dir: string;
  let dbFile: string;
  let services: Services;
  let s: RecordsService;
  let admin: UserInfo;
  const u: Record<string, UserInfo> = {};
  let doc: DocumentDetail;
  let v1: DocumentDetail;

  const add = (username: string, role: Role, division: string) => {
    s.createUser(admin, { username, displayName: username.toUpperCase(), role, division, password: PASSWORD });
    // Signing in unlocks the user's signing key, which dispositions and sign-offs need.
    u[username] = s.login(username, PASSWORD);
  };
  const relogin = (username: string) => (u[username] = s.login(username, PASSWORD));

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mishen-chain-'));
    dbFile = join(dir, 'records.db');
    services = openServices({ database: dbFile });
    s = services.records;
    admin = s.bootstrapAdmin('admin', '管理员', PASSWORD);
    add('zhang', 'drafter', '综合处');
    add('wu', 'drafter', '综合处');
    add('li', 'division-head', '综合处');
    add('zhao', 'drafter', '规划处');
    add('qian', 'division-head', '规划处');
    add('wang', 'office-reviewer', '办公室');
    add('sun', 'security-officer', '办公室');
  });

  afterAll(() => {
    services.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second bootstrap and bad credentials', () => {
    refused(() => s.bootstrapAdmin('admin2', '又一个', PASSWORD), 'forbidden');
    refused(() => s.login('zhang', 'wrong-password'), 'bad-credentials');
    refused(() => s.login('nobody', PASSWORD), 'bad-credentials');
  });

  it('a drafter submits a classified draft; only drafters may', async () => {
    await refusedAsync(() => s.submit(u.li, join(CORPUS, '02-classified-marking.docx')), 'wrong-role');
    doc = await s.submit(u.zhang, join(CORPUS, '02-classified-marking.docx'), { title: '应急保障报告', docNumber: '综〔2025〕1号' });
    expect(doc.state).toBe('待自查');
    expect(doc.verdict).toBe('block');
    expect(doc.division).toBe('综合处');
    expect(blockFindings(doc).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps other divisions out', () => {
    refused(() => s.getDocument(u.zhao, doc.id), 'wrong-division');
    refused(() => s.dispose(u.zhao, blockFindings(doc)[0].id, 'fixed'), 'wrong-division');
    refused(() => s.sign(u.qian, doc.latestVersion.id, { step: 'drafter', decision: 'approve', opinion: '同意' }), 'wrong-division');
    expect(s.listDocuments(u.zhao)).toEqual([]);
  });

  it('refuses signing with open block findings, and 确认需修改 keeps a finding open', () => {
    const sign = () => s.sign(u.zhang, doc.latestVersion.id, { step: 'drafter', decision: 'approve', opinion: '已自查' });
    refused(sign, 'open-block-findings');
    const first = blockFindings(doc)[0];
    const after = s.dispose(u.zhang, first.id, 'must-fix');
    expect(after.scan.findings.find((f) => f.id === first.id)?.disposition?.action).toBe('must-fix');
    refused(sign, 'open-block-findings');
  });

  it('refuses 误报 and 保留 without a reason', () => {
    const f = blockFindings(doc)[1];
    refused(() => s.dispose(u.zhang, f.id, 'false-positive'), 'invalid');
    refused(() => s.dispose(u.zhang, f.id, 'keep', '   '), 'invalid');
    refused(() => s.proposeAllow(u.zhang, f.id, ''), 'invalid');
  });

  it('refuses steps out of order, by the wrong role, or by someone else than the drafter', () => {
    const version = doc.latestVersion.id;
    refused(() => s.sign(u.li, version, { step: 'division-head', decision: 'approve', opinion: '同意' }), 'out-of-order');
    refused(() => s.sign(u.li, version, { step: 'drafter', decision: 'approve', opinion: '同意' }), 'wrong-role');
    refused(() => s.sign(u.wang, version, { step: 'drafter', decision: 'approve', opinion: '同意' }), 'wrong-role');
    refused(() => s.sign(u.wu, version, { step: 'drafter', decision: 'approve', opinion: '同意' }), 'forbidden');
    refused(() => s.dispose(u.sun, blockFindings(doc)[0].id, 'fixed'), 'wrong-role');
  });

  it('closes every block finding and proposes a false positive to the security officer', () => {
    const blocks = blockFindings(doc);
    s.dispose(u.zhang, blocks[0].id, 'fixed'); // the must-fix above, now fixed: the latest row wins
    s.dispose(u.zhang, blocks[1].id, 'keep', '页眉标识将在发布稿中删除');
    s.dispose(u.zhang, blocks[2].id, 'false-positive', '此处为引用的法规名称');
    const proposal = s.proposeAllow(u.zhang, blocks[2].id, '此处为引用的法规名称');
    for (const f of blocks.slice(3)) s.dispose(u.zhang, f.id, 'fixed');
    refused(() => services.dictionary.listProposals(u.zhang), 'wrong-role');
    const proposals = services.dictionary.listProposals(u.sun);
    expect(proposals.map((p) => p.id)).toContain(proposal);
    expect(proposals.find((p) => p.id === proposal)?.term).toBe(blocks[2].match);
  });

  it('a return by the division head sends the document back and restarts at the drafter', () => {
    const version = doc.latestVersion.id;
    refused(() => s.sign(u.zhang, version, { step: 'drafter', decision: 'approve', opinion: '  ' }), 'invalid');
    expect(s.sign(u.zhang, version, { step: 'drafter', decision: 'approve', opinion: '已逐项自查' }).state).toBe('待处室审核');
    expect(s.sign(u.li, version, { step: 'division-head', decision: 'return', opinion: '请补充保留理由' }).state).toBe('已退回');
    refused(() => s.sign(u.li, version, { step: 'division-head', decision: 'approve', opinion: '同意' }), 'out-of-order');
    expect(s.sign(u.zhang, version, { step: 'drafter', decision: 'approve', opinion: '已补充' }).state).toBe('待处室审核');
    refused(() => s.sign(u.wang, version, { step: 'office', decision: 'approve', opinion: '同意', outcome: '可以公开' }), 'out-of-order');
    doc = s.sign(u.li, version, { step: 'division-head', decision: 'approve', opinion: '同意公开' });
    expect(doc.state).toBe('待办公室审核');
  });

  it('the office reviewer may be neither the drafter nor anyone who signed the chain', () => {
    const version = doc.latestVersion.id;
    const office = { step: 'office', decision: 'approve', opinion: '同意', outcome: '可以公开' } as const;
    // Roles change over time: a division head promoted to the office, the drafter moved to it.
    for (const name of ['li', 'zhang']) {
      const before = u[name];
      s.updateUser(admin, before.id, { role: 'office-reviewer' });
      refused(() => s.sign(relogin(name), version, office), 'reviewer-is-drafter');
      s.updateUser(admin, before.id, { role: before.role });
      relogin(name);
    }
  });

  it('refuses an office outcome that withholds without a legal basis, or no outcome', () => {
    const version = doc.latestVersion.id;
    refused(() => s.sign(u.wang, version, { step: 'office', decision: 'approve', opinion: '不宜公开', outcome: '不予公开' }), 'invalid');
    refused(() => s.sign(u.wang, version, { step: 'office', decision: 'approve', opinion: '部分公开', outcome: '删除后公开', legalBasis: ' ' }), 'invalid');
    refused(() => s.sign(u.wang, version, { step: 'office', decision: 'approve', opinion: '同意' }), 'invalid');
    v1 = s.sign(u.wang, version, { step: 'office', decision: 'return', opinion: '请删除密级标志后重新提交' });
    expect(v1.state).toBe('已退回');
  });

  it('a changed file is a new version: the old one is stale and the chain starts again', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(CORPUS, '02-classified-marking.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    zip.file('word/document.xml', xml.replace('机密★5年', ''));
    const changed = join(dir, '02-修改稿.docx');
    writeFileSync(changed, await zip.generateAsync({ type: 'nodebuffer' }));

    await refusedAsync(() => s.submit(u.zhao, changed, { documentId: doc.id }), 'wrong-division');
    doc = await s.submit(u.zhang, changed, { documentId: doc.id });
    expect(doc.id).toBe(v1.id);
    expect(doc.versions).toHaveLength(2);
    expect(doc.latestVersion.number).toBe(2);
    expect(doc.state).toBe('待自查');
    expect(doc.signoffs).toEqual([]);
    expect(doc.scan.findings.some((f) => f.match.includes('机密★'))).toBe(false);

    refused(() => s.sign(u.zhang, v1.latestVersion.id, { step: 'drafter', decision: 'approve', opinion: '同意' }), 'stale-version');
    refused(() => s.dispose(u.zhang, v1.scan.findings[0].id, 'fixed'), 'stale-version');
  });

  it('the happy path ends 已办结, and the office reviewer who returned it may review it again', () => {
    const version = doc.latestVersion.id;
    for (const f of blockFindings(doc)) s.dispose(u.zhang, f.id, 'fixed');
    s.sign(u.zhang, version, { step: 'drafter', decision: 'approve', opinion: '已删除全部标识' });
    s.sign(u.li, version, { step: 'division-head', decision: 'approve', opinion: '同意' });
    expect(s.sign(u.wang, version, { step: 'office', decision: 'return', opinion: '请核对页眉' }).state).toBe('已退回');
    s.sign(u.zhang, version, { step: 'drafter', decision: 'approve', opinion: '已核对' });
    s.sign(u.li, version, { step: 'division-head', decision: 'approve', opinion: '同意' });
    // 已修改 promises a change the reviewed file does not have: this exact file cannot go out as it is.
    refused(() => s.sign(u.wang, version, { step: 'office', decision: 'approve', opinion: '同意', outcome: '可以公开' }), 'invalid');
    doc = s.sign(u.wang, version, {
      step: 'office',
      decision: 'approve',
      opinion: '删除页眉后公开',
      outcome: '删除后公开',
      legalBasis: '《政府信息公开条例》第十六条',
    });
    expect(doc.state).toBe('已办结');
    expect(doc.signoffs.at(-1)?.outcome).toBe('删除后公开');
    refused(() => s.sign(u.wang, version, { step: 'office', decision: 'approve', opinion: '再签', outcome: '可以公开' }), 'out-of-order');
    refused(() => s.dispose(u.zhang, doc.scan.findings[0].id, 'keep', '事后修改'), 'out-of-order');
    expect(s.listDocuments(u.wang, { state: '已办结' }).map((d) => d.id)).toEqual([doc.id]);
  });

  it('the audit log has an entry for every scan, disposition and sign-off, and verifies after reopening', async () => {
    services.close();
    services = openServices({ database: dbFile });
    s = services.records;
    expect(s.getDocument(u.wang, doc.id).state).toBe('已办结');
    // The rows are counted on a connection of the test's own, as any reader of the file would.
    const reader = new Database(dbFile, { readonly: true });
    const count = (table: string) => (reader.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    const entries = listAudit(reader, 100_000);
    const logged = (action: string) => entries.filter((e) => e.action === action).length;
    expect(logged('scan')).toBe(count('scans'));
    expect(logged('dispose')).toBe(count('dispositions'));
    expect(logged('sign')).toBe(count('signoffs'));
    expect(logged('allow.propose')).toBe(count('allow_proposals'));
    expect(count('signoffs')).toBe(11); // v1: 5 (two returns), v2: 6 (one return)
    const report = await s.verifyRecords(u.sun);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, entries: entries.length, signatures: { signoffs: 11, dispositions: count('dispositions') } });
    reader.close();
  });

  it('refuses to open a database written by a newer version', () => {
    const newer = join(dir, 'newer.db');
    openDatabase(newer).close();
    const raw = new Database(newer);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => openDatabase(newer)).toThrow(DatabaseVersionError);
    expect(() => openDatabase(newer)).toThrow(/newer\.db.*更高版本/);
  });
});
