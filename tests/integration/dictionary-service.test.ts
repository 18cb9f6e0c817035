// Dictionary custody through DictionaryService on real database files: versions and their
// hashes, edits and role checks, the import report row by row for every format, diff and
// rollback, allow-list proposals, signed packages between two installations, and the audit log.
import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalHash } from '../../electron/dictionary/canonical-hash';
import type { Role, UserInfo } from '../../shared/records';
import { PackageRefusal, signPackage, type PackageRefusalReason } from '../../electron/dictionary/package';
import { readSigningKey } from '../../electron/dictionary/signing-key';
import { loadDictionarySet } from '../../electron/dictionary/dictionary-files';
import { DictionaryValidationError, type DictionaryService, type ImportPreview } from '../../electron/services/dictionary-service';
import { openServices, type Services } from '../../electron/services/open-services';
import type { RecordsService } from '../../electron/services/records-service';
import { refused } from '../support/refused';
import { listAudit, verifyAuditLog } from '../../electron/store/audit-log';
import Database from 'better-sqlite3';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const PASSWORD = 'test-pass-123';
const bytes = (text: string) => Buffer.from(text, 'utf8');

function packageRefused(fn: () => unknown, reason: PackageRefusalReason): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PackageRefusal);
    expect((e as PackageRefusal).reason).toBe(reason);
    expect((e as Error).message).toContain(`（${reason}）`);
    return (e as Error).message;
  }
  throw new Error(`应以 ${reason} 拒绝，却接受了`);
}

/** The report as [line, term, action] plus the reasons, for row-by-row assertions. */
const rowsOf = (p: ImportPreview) => p.rows.map((r) => [r.line, r.term, r.action]);
const reasonAt = (p: ImportPreview, line: number) => p.rows.find((r) => r.line === line)!.reason;

interface Installation {
  dir: string;
  services: Services;
  records: RecordsService;
  dict: DictionaryService;
  /** The test's own connection to the file (plain better-sqlite3), to read the audit log and to try what the app never does. */
  db: Database.Database;
  users: Record<string, UserInfo>;
}

function install(name: string, people: [string, Role, string][]): Installation {
  const dir = mkdtempSync(join(tmpdir(), `mishen-dict-${name}-`));
  const services = openServices({ database: join(dir, 'records.db') });
  const records = services.records;
  const admin = records.bootstrapAdmin('admin', '管理员', PASSWORD);
  const users: Record<string, UserInfo> = { admin };
  for (const [username, role, division] of people) {
    records.createUser(admin, { username, displayName: username.toUpperCase(), role, division, password: PASSWORD });
    users[username] = records.login(username, PASSWORD); // unlocks the signing key dispositions need
  }
  return { dir, services, records, dict: services.dictionary, db: new Database(join(dir, 'records.db')), users };
}

async function workbook(header: string[], rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('词库');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('dictionary custody', () => {
  let office: Installation;
  let division: Installation;
  let other: Installation;
  let bao: UserInfo;
  let zhang: UserInfo;

  beforeAll(() => {
    office = install('office', [['bao', 'security-officer', '保密办'], ['zhang', 'drafter', '综合处']]);
    division = install('division', [['liu', 'security-officer', '财务处'], ['qian', 'drafter', '财务处']]);
    other = install('other', [['mo', 'security-officer', '别的单位']]);
    ({ bao, zhang } = office.users);
  });

  afterAll(() => {
    for (const i of [office, division, other]) {
      i.db.close();
      i.services.close();
      rmSync(i.dir, { recursive: true, force: true });
    }
  });

  describe('versions', () => {
    it('gives an empty database version 1: the starter set, hashed, recorded by the system', () => {
      const v = office.dict.activeSet();
      expect(v).toMatchObject({ number: 1, active: true, createdBy: 'system', hash: canonicalHash(loadDictionarySet([])) });
      expect(v.set.entries.length).toBe(loadDictionarySet([]).entries.length);
      expect(office.dict.listVersions(bao).map((x) => x.number)).toEqual([1]);
      expect(listAudit(office.db).find((e) => e.action === 'dictionary.seed')?.details).toMatchObject({ version: 1, hash: v.hash });
    });

    it('lets only a security officer or an administrator change the dictionary', () => {
      const entry = { term: '青松工程', category: 'project-codename', severity: 'block' as const, note: '内部工程代号' };
      expect(refused(() => office.dict.addEntry(zhang, entry), 'wrong-role')).toContain('起草人不能');
      refused(() => office.dict.saveVersion(zhang, office.dict.activeSet().set, '起草人改词库'), 'wrong-role');
      refused(() => office.dict.rollback(zhang, 1, ''), 'wrong-role');
      refused(() => office.dict.listProposals(zhang), 'wrong-role');
      refused(() => office.dict.exportPublicKey(zhang), 'wrong-role');
      // The versions are kept by the security office, as in the window.
      refused(() => office.dict.listVersions(zhang), 'wrong-role');
      refused(() => office.dict.diff(zhang, 1, 1), 'wrong-role');
      // Reading the active set is open to everyone.
      expect(office.dict.activeSet().number).toBe(1);
      const v2 = office.dict.addEntry(bao, entry);
      expect(v2).toMatchObject({ number: 2, createdBy: 'bao' });
      expect(office.dict.activeSet().set.entries.find((e) => e.id === 'project-codename/青松工程')).toMatchObject({ term: '青松工程', severity: 'block' });
    });

    it('refuses a set with errors, listing them, and a save that changes nothing', () => {
      let error: unknown;
      try {
        office.dict.addEntry(bao, { type: 'pattern', pattern: '(青松', category: 'custom', severity: 'review' });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DictionaryValidationError);
      expect((error as DictionaryValidationError).problems[0].problems[0]).toMatchObject({ field: 'pattern', level: 'error' });
      expect((error as Error).message).toContain('无法编译');
      refused(() => office.dict.addEntry(bao, { term: '青 松工程', category: 'project-codename', severity: 'review' }), 'invalid');
      expect(refused(() => office.dict.saveVersion(bao, office.dict.activeSet().set, '无改动'), 'invalid')).toContain('相同');
      expect(office.dict.activeVersionNumber()).toBe(2);
    });

    it('disables, enables, updates and removes entries, one version each', () => {
      const v3 = office.dict.addEntry(bao, { term: '白杨', category: 'custom', severity: 'block', note: '测试用' });
      const id = 'custom/白杨';
      office.dict.disableEntry(bao, id);
      expect(office.dict.activeSet().set.entries.find((e) => e.id === id)?.enabled).toBe(false);
      office.dict.enableEntry(bao, id);
      office.dict.updateEntry(bao, id, { note: '测试用（改）' });
      const d = office.dict.diff(bao, v3.number, office.dict.activeVersionNumber());
      expect(d.entries.changed.map((c) => [c.id, c.fields])).toEqual([[id, ['note']]]);
      refused(() => office.dict.removeEntry(bao, 'no-such-entry'), 'not-found');
      expect(office.dict.activeVersionNumber()).toBe(6);
    });
  });

  describe('import report, row by row', () => {
    it('CSV: add, change, duplicate (in the file and in the dictionary), invalid with reasons', async () => {
      const csv = [
        'term,category,severity,note',
        '住建云专网,internal-network,block,内部网络名称',
        '青松工程,project-codename,review,降为人工判断',
        '青 松工程,project-codename,review,',
        ',custom,review,空词条',
        '红杉,custom,urgent,坏的严重程度',
        '白桦,custom,info',
        '内部资料,work-secret,review,',
        '绿洲,my category,block,坏的类别',
      ].join('\n');
      const p = await office.dict.previewImport(bao, '新增词条.csv', bytes(csv));
      expect(rowsOf(p)).toEqual([
        [2, '住建云专网', 'add'],
        [3, '青松工程', 'change'],
        [4, '青 松工程', 'duplicate'],
        [5, '', 'invalid'],
        [6, '红杉', 'invalid'],
        [7, '白桦', 'invalid'],
        [8, '内部资料', 'duplicate'],
        [9, '绿洲', 'invalid'],
      ]);
      expect(reasonAt(p, 2)).toBe('新增词条');
      expect(reasonAt(p, 3)).toBe('修改条目「project-codename/青松工程」：严重程度 block → review；说明改为「降为人工判断」');
      expect(reasonAt(p, 4)).toBe('与本文件第 3 行重复');
      expect(reasonAt(p, 5)).toContain('词条不能为空');
      expect(reasonAt(p, 6)).toContain('严重程度「urgent」无效');
      expect(reasonAt(p, 7)).toContain('应有 4 列，实际 3 列');
      expect(reasonAt(p, 8)).toBe('词库中已有相同条目「work-secret/mark:1」');
      expect(reasonAt(p, 9)).toContain('类别「my category」无效');
      expect(p.counts).toEqual({ add: 1, change: 1, duplicate: 2, invalid: 4 });
      expect(office.dict.activeVersionNumber()).toBe(6); // a preview changes nothing

      await expect(office.dict.applyImport(zhang, '新增词条.csv', bytes(csv), '')).rejects.toMatchObject({ code: 'wrong-role' });
      const { version } = await office.dict.applyImport(bao, '新增词条.csv', bytes(csv), '导入处室报送的词条');
      expect(version.number).toBe(7);
      const d = office.dict.diff(bao, 6, 7);
      expect(d.entries.added.map((e) => e.id)).toEqual(['internal-network/住建云专网']);
      expect(d.entries.changed.map((c) => [c.id, c.fields])).toEqual([['project-codename/青松工程', ['severity', 'note']]]);
      const again = await office.dict.previewImport(bao, '新增词条.csv', bytes(csv));
      expect(again.counts).toMatchObject({ add: 0, change: 0 });
      await expect(office.dict.applyImport(bao, '新增词条.csv', bytes(csv), '')).rejects.toThrow('没有可新增或修改的条目');
    });

    it('refuses a CSV with a wrong header, and an unknown format, as a whole', async () => {
      await expect(office.dict.previewImport(bao, '坏表头.csv', bytes('词语,分类\n青松,custom'))).rejects.toThrow('表头应为');
      await expect(office.dict.previewImport(bao, '词库.docx', bytes('x'))).rejects.toThrow('不支持的导入格式');
    });

    it('plain text: one term a line, category custom, severity review', async () => {
      const txt = ['# 处室报送', '国安', '', '国安', '白杨', '\u200b', '新词甲'].join('\n');
      const p = await office.dict.previewImport(bao, '名单.txt', bytes(txt));
      expect(rowsOf(p)).toEqual([
        [2, '国安', 'add'],
        [4, '国安', 'duplicate'],
        [5, '白杨', 'change'],
        [6, '\u200b', 'invalid'],
        [7, '新词甲', 'add'],
      ]);
      expect(reasonAt(p, 5)).toBe('修改条目「custom/白杨」：严重程度 block → review');
      expect(reasonAt(p, 6)).toContain('不可见字符');
    });

    it('Excel: the first sheet, Chinese headers and Chinese severity and category names', async () => {
      const xlsx = await workbook(
        ['词条', '类别', '严重程度', '说明'],
        [
          ['绿洲计划', '自定义词条', '禁止发布', 'Excel 报送'],
          ['白杨', 'custom', '提示', ''],
          ['住建云专网', 'internal-network', 'block', ''],
          ['蓝天', 'custom', '很严重', ''],
          ['', 'custom', 'review', '漏了词条'],
        ],
      );
      const p = await office.dict.previewImport(bao, '报送.xlsx', xlsx);
      expect(rowsOf(p)).toEqual([
        [2, '绿洲计划', 'add'],
        [3, '白杨', 'change'],
        [4, '住建云专网', 'duplicate'],
        [5, '蓝天', 'invalid'],
        [6, '', 'invalid'],
      ]);
      expect(p.rows[0]).toMatchObject({ category: 'custom', severity: 'block' });
      expect(reasonAt(p, 3)).toBe('修改条目「custom/白杨」：严重程度 block → info');
      expect(reasonAt(p, 5)).toContain('严重程度「很严重」无效');
      await expect(office.dict.previewImport(bao, '坏.xlsx', bytes('不是 Excel'))).rejects.toThrow('无法读取 Excel 文件');
    });

    it('native JSON: every element on its own, entries, patterns, allow entries and rules', async () => {
      const starterMobile = office.dict.activeSet().set.entries.find((e) => e.type === 'pattern' && e.validator === 'cn-mobile')!;
      const json = JSON.stringify(
        {
          format: 'mishen-dictionary',
          entries: [
            { id: 'codename/lz', type: 'term', term: '绿洲二期', category: 'project-codename', severity: 'block', note: '新代号' },
            { id: 'project-codename/青松工程', type: 'term', term: '青松工程', category: 'project-codename', severity: 'block', note: '恢复禁止发布' },
            { id: starterMobile.id, type: 'pattern', pattern: (starterMobile as { pattern: string }).pattern, validator: 'cn-mobile', category: 'personal-info', kind: starterMobile.kind, severity: starterMobile.severity, severityByRole: starterMobile.severityByRole, note: starterMobile.note },
            { id: 'bad-regex', type: 'pattern', pattern: '(青松', category: 'custom', severity: 'review', note: '' },
            { id: 'no-category', type: 'term', term: '无类别', severity: 'review' },
          ],
          allow: [{ id: 'ok-organic', term: '有机密封', categories: ['classification-mark'], note: '技术术语' }],
          contextRules: [{ id: 'mention-extra', before: ['学习'], after: [], severity: 'info', explanation: '学习保密知识' }],
        },
        null,
        2,
      );
      const p = await office.dict.previewImport(bao, '保密办.json', bytes(json));
      expect(p.rows.map((r) => [r.item, r.id ?? r.term, r.action])).toEqual([
        ['entry', 'codename/lz', 'add'],
        ['entry', 'project-codename/青松工程', 'change'],
        ['entry', starterMobile.id, 'duplicate'],
        ['entry', 'bad-regex', 'invalid'],
        ['entry', 'no-category', 'invalid'],
        ['allow', 'ok-organic', 'add'],
        ['context-rule', 'mention-extra', 'add'],
      ]);
      expect(p.rows[3]).toMatchObject({ term: '(青松', reason: expect.stringContaining('无法编译') });
      expect(p.rows[4]).toMatchObject({ term: '无类别', reason: expect.stringContaining('category') });
      expect(p.rows[0].line).toBe(4);
      const { version } = await office.dict.applyImport(bao, '保密办.json', bytes(json), '');
      const d = office.dict.diff(bao, version.number - 1, version.number);
      expect([d.entries.added.length, d.entries.changed.length, d.allow.added.length, d.contextRules.added.length]).toEqual([1, 1, 1, 1]);
    });
  });

  describe('export, diff and rollback', () => {
    it('exports csv, txt, xlsx and native json that import back as duplicates only', async () => {
      for (const format of ['json', 'xlsx', 'csv'] as const) {
        const exported = await office.dict.exportSet(bao, format);
        const p = await office.dict.previewImport(bao, `导出.${format}`, exported.bytes);
        expect(p.counts.add + p.counts.change + p.counts.invalid, format).toBe(0);
        expect(p.counts.duplicate, format).toBeGreaterThan(0);
      }
      const csv = (await office.dict.exportSet(bao, 'csv')).bytes.toString('utf8');
      expect(csv.startsWith('\uFEFFterm,category,severity,note,boundary,kind')).toBe(true);
      const txt = await office.dict.exportSet(bao, 'txt');
      expect(txt.bytes.toString('utf8')).toContain('\n住建云专网\n');
      expect(txt.omitted).toBeGreaterThan(0); // patterns and rules are not in a plain list
    });

    it('rolls back by making a new version with the old content, and refuses a rollback that changes nothing', () => {
      const before = office.dict.activeVersionNumber();
      const v = office.dict.rollback(bao, 2, '撤销导入');
      expect(v.number).toBe(before + 1);
      expect(v.hash).toBe(office.dict.getVersion(bao, 2).hash);
      expect(office.dict.diff(bao, 2, v.number).total).toBe(0);
      const back = office.dict.diff(bao, before, v.number);
      expect(back.entries.removed.map((e) => e.id)).toContain('internal-network/住建云专网');
      expect(back.allow.removed.map((a) => a.id)).toEqual(['ok-organic']);
      expect(refused(() => office.dict.rollback(bao, 2, ''), 'invalid')).toContain('相同');
      refused(() => office.dict.getVersion(bao, 999), 'not-found');
      expect(office.dict.listVersions(bao).filter((x) => x.active).map((x) => x.number)).toEqual([v.number]);
    });
  });

  describe('allow-list proposals', () => {
    let proposals: string[];

    beforeAll(async () => {
      const doc = await office.records.submit(zhang, join(CORPUS, '02-classified-marking.docx'), { title: '密级标志测试' });
      const findings = doc.scan.findings.filter((f) => f.severity !== 'info').slice(0, 3);
      proposals = findings.map((f) => {
        office.records.dispose(zhang, f.id, 'false-positive', '引用的标题');
        return office.records.proposeAllow(zhang, f.id, '引用的标题');
      });
    });

    it('accepts a proposal as an allow entry in a new version and marks it accepted', () => {
      const pending = office.dict.listProposals(bao, 'pending');
      expect(pending.map((p) => p.id)).toEqual(proposals);
      const first = pending[0];
      const phrase = `《${first.term}》`;
      const v = office.dict.acceptProposal(bao, first.id, '标题中的引用', phrase);
      const added = office.dict.activeSet().set.allow.find((a) => a.term === phrase);
      expect(added).toMatchObject({ categories: [first.category], note: '标题中的引用' });
      expect(office.dict.listProposals(bao).find((p) => p.id === first.id)?.status).toBe('accepted');
      // The version's entry; after it come the entries for the active-version setting and the proposal.
      expect(listAudit(office.db, 3).find((e) => e.action === 'dictionary.proposal-accept')).toMatchObject({ action: 'dictionary.proposal-accept', subject: v.id, details: { version: v.number, hash: v.hash, proposalId: first.id } });
      refused(() => office.dict.acceptProposal(bao, first.id), 'out-of-order');
    });

    it('rejects a proposal only with a reason', () => {
      refused(() => office.dict.rejectProposal(bao, proposals[1], '  '), 'invalid');
      refused(() => office.dict.rejectProposal(zhang, proposals[1], '不是误报'), 'wrong-role');
      const before = office.dict.activeVersionNumber();
      office.dict.rejectProposal(bao, proposals[1], '密级标志不能加白名单');
      expect(office.dict.listProposals(bao, 'rejected').map((p) => p.id)).toEqual([proposals[1]]);
      expect(office.dict.activeVersionNumber()).toBe(before);
      refused(() => office.dict.rejectProposal(bao, 'no-such-proposal', '理由'), 'not-found');
    });
  });

  describe('signed packages between installations', () => {
    let pem: string;
    let current: Buffer;

    it('makes the signing key on first use, next to the database, and exports the public key', () => {
      const keyFile = join(office.dir, 'records.db.signing-key.pem');
      expect(existsSync(keyFile)).toBe(false);
      const key = office.dict.exportPublicKey(bao);
      pem = key.pem;
      expect(pem).toContain('BEGIN PUBLIC KEY');
      expect(existsSync(keyFile)).toBe(true);
      expect(office.dict.exportPublicKey(bao).fingerprint).toBe(key.fingerprint); // the same key again
      current = office.dict.exportPackage(bao);
      const pkg = JSON.parse(current.toString('utf8'));
      expect(pkg).toMatchObject({ format: 'mishen-dictionary-package', version: office.dict.activeVersionNumber(), hash: office.dict.activeSet().hash, publicKeyFingerprint: key.fingerprint });
      expect(current.toString('utf8')).not.toContain('PRIVATE KEY');
    });

    it('refuses a package signed by a key the division does not trust', () => {
      packageRefused(() => division.dict.importPackage(division.users.liu, current), 'unknown-key');
    });

    it('accepts a valid package from a trusted key and makes it the active version under the issuer’s number', () => {
      refused(() => division.dict.trustKey(division.users.qian, pem, '省保密办'), 'wrong-role');
      refused(() => division.dict.trustKey(division.users.liu, '不是公钥', '省保密办'), 'invalid');
      division.dict.trustKey(division.users.liu, pem, '省保密办');
      refused(() => division.dict.importPackage(division.users.qian, current), 'wrong-role');
      const v = division.dict.importPackage(division.users.liu, current);
      const officeActive = office.dict.activeSet();
      expect(v).toMatchObject({ number: officeActive.number, hash: officeActive.hash, issuer: 'BAO（保密办）' });
      expect(division.dict.activeSet().number).toBe(officeActive.number);
      expect(canonicalHash(division.dict.activeSet().set)).toBe(officeActive.hash);
      expect(division.dict.listVersions(division.users.liu).map((x) => x.number)).toEqual([1, officeActive.number]);
    });

    it('refuses the same version again and an older one', () => {
      expect(packageRefused(() => division.dict.importPackage(division.users.liu, current), 'older-version')).toContain(`包为第 ${office.dict.activeVersionNumber()} 版`);
      packageRefused(() => division.dict.importPackage(division.users.liu, office.dict.exportPackage(bao, 3)), 'older-version');
    });

    it('refuses a package whose content was changed by one byte', () => {
      office.dict.addEntry(bao, { term: '红杉计划', category: 'project-codename', severity: 'block' });
      const pkg = office.dict.exportPackage(bao);
      const at = pkg.indexOf('classification-mark');
      const flipped = Buffer.from(pkg);
      flipped[at] ^= 0x01;
      expect(packageRefused(() => division.dict.importPackage(division.users.liu, flipped), 'tampered')).toContain('签名校验失败');
      packageRefused(() => division.dict.importPackage(division.users.liu, pkg.subarray(0, 100)), 'tampered');
      // Signed by the right key, but the hash does not name the content: also tampered.
      const key = readSigningKey(join(office.dir, 'records.db.signing-key.pem'))!;
      const parsed = JSON.parse(pkg.toString('utf8'));
      const wrongHash = signPackage({ version: parsed.version, hash: '0'.repeat(64), createdAt: parsed.createdAt, issuer: parsed.issuer, content: parsed.content }, key);
      expect(packageRefused(() => division.dict.importPackage(division.users.liu, bytes(JSON.stringify(wrongHash))), 'tampered')).toContain('哈希');
      // The untouched package is still good.
      expect(division.dict.importPackage(division.users.liu, pkg).number).toBe(office.dict.activeVersionNumber());
    });

    it('refuses a package signed by another installation’s key, even with a newer version', () => {
      for (let i = 0; i < 3; i++) other.dict.addEntry(other.users.mo, { term: `别家词条${i}`, category: 'custom', severity: 'review' });
      const foreign = other.dict.exportPackage(other.users.mo);
      expect(JSON.parse(foreign.toString('utf8')).version).toBeGreaterThan(0);
      packageRefused(() => division.dict.importPackage(division.users.liu, foreign), 'unknown-key');
      // A package signed with the other key but claiming the office's fingerprint fails the signature.
      const claimed = { ...JSON.parse(foreign.toString('utf8')), publicKeyFingerprint: JSON.parse(current.toString('utf8')).publicKeyFingerprint, version: 999 };
      packageRefused(() => division.dict.importPackage(division.users.liu, bytes(JSON.stringify(claimed))), 'tampered');
    });
  });

  describe('audit', () => {
    it('records every change with who, what, version and hash, and the chains and records verify', async () => {
      const entries = listAudit(office.db, 1000);
      const actions = new Set(entries.map((e) => e.action));
      for (const a of ['dictionary.seed', 'dictionary.edit', 'dictionary.import', 'dictionary.rollback', 'dictionary.proposal-accept', 'dictionary.proposal-reject', 'dictionary.key-generate', 'dictionary.package-export']) {
        expect(actions, a).toContain(a);
      }
      for (const e of entries.filter((x) => ['dictionary.edit', 'dictionary.import', 'dictionary.rollback'].includes(x.action))) {
        expect(e.actor).toBe('bao');
        expect(e.details).toMatchObject({ version: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      }
      const imported = listAudit(division.db, 1000).filter((e) => e.action === 'dictionary.package-import').reverse();
      expect(imported.map((e) => e.details.version)).toEqual([office.dict.activeVersionNumber() - 1, office.dict.activeVersionNumber()]);
      expect(listAudit(division.db, 1000).some((e) => e.action === 'dictionary.trust-key')).toBe(true);
      for (const i of [office, division, other]) {
        expect(verifyAuditLog(i.db).ok).toBe(true);
        expect((await i.records.verifyRecords(i.users.admin)).problems).toEqual([]);
      }
    });

    it('keeps versions immutable in the database itself', () => {
      expect(() => office.db.prepare('UPDATE dictionary_versions SET content = ? WHERE number = 1').run('{}')).toThrow('immutable');
      expect(() => office.db.prepare('DELETE FROM dictionary_versions WHERE number = 1').run()).toThrow('immutable');
      expect(readFileSync(join(office.dir, 'records.db.signing-key.pem'), 'utf8')).toContain('PRIVATE KEY');
    });
  });
});

describe('two desktops on one database', () => {
  it('refuses changes worked out on a version the other desktop has replaced since, inside the save', () => {
    const first = install('desktops', [['bao', 'security-officer', '保密办']]);
    const second = openServices({ database: join(first.dir, 'records.db') });
    try {
      const bao = first.users.bao;
      const base = first.dict.activeVersionNumber();
      second.dictionary.addEntry(second.records.login('bao', PASSWORD), { term: '另一台电脑', category: 'custom', severity: 'review' });
      const change = { entries: [{ op: 'add' as const, entry: { term: '晚到的词条', category: 'custom', severity: 'review' as const } }], allow: [] };
      expect(refused(() => first.dict.saveChanges(bao, change, '', base), 'stale-version')).toContain(`基于词库第 ${base} 版`);
      expect(first.dict.activeSet().set.entries.some((e) => e.type === 'term' && e.term === '晚到的词条')).toBe(false);
      expect(first.dict.saveChanges(bao, change, '', base + 1).number).toBe(base + 2);
    } finally {
      second.close();
      first.db.close();
      first.services.close();
      rmSync(first.dir, { recursive: true, force: true });
    }
  });
});
