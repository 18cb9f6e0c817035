// Records that prove themselves. A real database file holds every kind of record (users, keys,
// dictionary versions, a trusted key, a document, its version, scan and document model,
// dispositions, sign-offs, an allow-list proposal, a review package sent and the installation it
// went to); the attacker has the file and the sqlite3 shell, drops the triggers first, and for each
// kind of row edits it, deletes it, inserts a forged one, and edits it with the whole hash chain
// recomputed. Then they cut the audit tail, put an older backup back, swap in another database,
// touch the anchor. `mishen audit verify` must exit 1 each time and name the record as a person
// would; on the untouched database it exits 0.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordKindName } from '../../electron/integrity/record-kinds';
import { backupDatabaseFile } from '../../electron/services/database-file';
import { openServices } from '../../electron/services/open-services';
import { rebindAndRechain, sqlite } from '../support/forge-chain';
import { buildTamperRecord, TAMPER_TITLE } from '../support/tamper-record';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

let dir: string;
let pristine: string;
let older: string;
let copies = 0;

function verify(db: string, ...extra: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/mishen.js'), '--db', db, 'audit', 'verify', ...extra], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A copy of the untouched database with its anchor, for one attack. */
function fresh(): string {
  const file = join(dir, `attack-${++copies}.db`);
  copyFileSync(pristine, file);
  copyFileSync(`${pristine}.anchor`, `${file}.anchor`);
  return file;
}

/** What an attacker does first: every trigger that refuses a change goes. */
function attack(db: string, sql: string): void {
  const triggers = sqlite(db, "SELECT name FROM sqlite_master WHERE type = 'trigger'").split('\n').filter(Boolean);
  sqlite(db, triggers.map((t) => `DROP TRIGGER ${t};`).join('\n') + '\n' + sql);
}

const one = (db: string, sql: string) => sqlite(db, sql).trim();

/** `INSERT … SELECT` of a row with its key (and whatever else must be unique) replaced. */
function forgedCopy(db: string, table: string, where: string, replace: Record<string, string>): string {
  const columns = sqlite(db, `SELECT name FROM pragma_table_info('${table}')`).split('\n').filter(Boolean);
  const select = columns.map((c) => replace[c] ?? c).join(', ');
  return `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${select} FROM ${table} WHERE ${where};`;
}

interface KindAttack {
  readonly kind: RecordKindName;
  readonly title: string;
  /** The key of the row attacked. */
  readonly key: (db: string) => string;
  /** How the report names it (as recorded, before the attack). */
  readonly name: string;
  readonly edit: (key: string) => string;
  /** The fields the edit changes, as the report lists them. */
  readonly changed: string;
  readonly remove: (key: string) => string;
  readonly insert: (db: string, key: string) => string;
  /** How the report names the forged row. */
  readonly forgedName: string;
  /** How the report names the row once the edit is what its entry records (when the edit renames it). */
  readonly renamed?: string;
}

const TITLE = TAMPER_TITLE;

const ATTACKS: readonly KindAttack[] = [
  {
    kind: 'setting',
    title: 'the active dictionary version setting',
    key: () => 'active_dictionary_version',
    name: '“当前生效词库版本”设置',
    edit: () => "UPDATE meta SET value = '1' WHERE key = 'active_dictionary_version';",
    changed: '取值被改动',
    remove: () => "DELETE FROM meta WHERE key = 'active_dictionary_version';",
    insert: () => "INSERT INTO meta (key, value) VALUES ('dictionary_signing_key', 'f00d');",
    forgedName: '词库签名密钥的登记',
  },
  {
    kind: 'user',
    title: 'a user',
    key: (db) => one(db, "SELECT id FROM users WHERE username = 'zhang'"),
    name: '用户 张三（zhang）',
    edit: (k) => `UPDATE users SET role = 'admin' WHERE id = '${k}';`,
    changed: '角色被改动',
    remove: (k) => `DELETE FROM users WHERE id = '${k}';`,
    insert: (db, k) => forgedCopy(db, 'users', `id = '${k}'`, { id: "'forged-user'", username: "'zhang2'" }),
    forgedName: '用户 张三（zhang2）',
  },
  {
    kind: 'user-key',
    title: "a user's public key",
    key: (db) => one(db, "SELECT k.id FROM user_keys k JOIN users u ON u.id = k.user_id WHERE u.username = 'wang'"),
    name: '王五的签名公钥',
    edit: (k) => `UPDATE user_keys SET public_key = (SELECT k.public_key FROM user_keys k JOIN users u ON u.id = k.user_id WHERE u.username = 'li') WHERE id = '${k}';`,
    changed: '公钥被改动',
    remove: (k) => `DELETE FROM user_keys WHERE id = '${k}';`,
    insert: (db, k) => forgedCopy(db, 'user_keys', `id = '${k}'`, { id: "'forged-key'", created_at: "'2099-01-01T00:00:00.000Z'" }),
    forgedName: '王五的签名公钥',
  },
  {
    kind: 'dictionary-version',
    title: 'a dictionary version',
    key: (db) => one(db, 'SELECT id FROM dictionary_versions WHERE number = 2'),
    name: '词库第 2 版',
    edit: (k) => `UPDATE dictionary_versions SET content = CAST(readfile('${join(dir, 'edited-dictionary.json')}') AS TEXT) WHERE id = '${k}';`,
    changed: '词库内容被改动',
    remove: (k) => `DELETE FROM dictionary_versions WHERE id = '${k}';`,
    insert: (db, k) => forgedCopy(db, 'dictionary_versions', `id = '${k}'`, { id: "'forged-version'", number: '3' }),
    forgedName: '词库第 3 版',
  },
  {
    kind: 'trusted-key',
    title: 'a trusted key',
    key: (db) => one(db, 'SELECT fingerprint FROM trusted_keys'),
    name: '信任公钥「省保密办」',
    edit: (k) => `UPDATE trusted_keys SET label = '另一个保密办' WHERE fingerprint = '${k}';`,
    changed: '名称被改动',
    remove: (k) => `DELETE FROM trusted_keys WHERE fingerprint = '${k}';`,
    insert: (db, k) => forgedCopy(db, 'trusted_keys', `fingerprint = '${k}'`, { fingerprint: `'${'f'.repeat(64)}'`, label: "'假保密办'" }),
    forgedName: '信任公钥「假保密办」',
    renamed: '信任公钥「另一个保密办」',
  },
  {
    kind: 'document',
    title: 'a document',
    key: (db) => one(db, "SELECT id FROM documents WHERE division = '综合处'"),
    name: `文稿《${TITLE}》`,
    edit: (k) => `UPDATE documents SET title = '无关文稿', publication_mode = '依申请公开' WHERE id = '${k}';`,
    changed: '标题、拟公开方式被改动',
    remove: (k) => `DELETE FROM documents WHERE id = '${k}';`,
    insert: (db, k) => forgedCopy(db, 'documents', `id = '${k}'`, { id: "'forged-document'", title: "'伪造的文稿'" }),
    forgedName: '文稿《伪造的文稿》',
    renamed: '文稿《无关文稿》',
  },
  {
    kind: 'version',
    title: 'a version and its file',
    key: (db) => one(db, 'SELECT id FROM versions'),
    name: `《${TITLE}》第 1 版（02-classified-marking.docx）`,
    edit: (k) => `UPDATE versions SET content = readfile('${join(CORPUS, '01-public-notice.docx')}') WHERE id = '${k}';`,
    changed: '文件内容被改动',
    remove: (k) => `DELETE FROM versions WHERE id = '${k}';`,
    insert: (db, k) => forgedCopy(db, 'versions', `id = '${k}'`, { id: "'forged-version'", number: '2', sha256: `'${'a'.repeat(64)}'` }),
    forgedName: `《${TITLE}》第 2 版（02-classified-marking.docx）`,
  },
  {
    kind: 'scan',
    title: 'a scan and its findings',
    key: (db) => one(db, 'SELECT id FROM scans'),
    name: `《${TITLE}》第 1 版的扫描结果`,
    edit: (k) => `UPDATE scans SET verdict = 'pass' WHERE id = '${k}'; DELETE FROM findings WHERE scan_id = '${k}' AND seq = 0;`,
    changed: '审查结论、发现数、发现内容被改动',
    remove: (k) => `DELETE FROM scans WHERE id = '${k}';`,
    insert: (db, k) => forgedCopy(db, 'scans', `id = '${k}'`, { id: "'forged-scan'", verdict: "'pass'" }),
    forgedName: `《${TITLE}》第 1 版的扫描结果`,
  },
  {
    kind: 'document-model',
    title: 'the document model a scan kept for the window',
    key: (db) => one(db, 'SELECT scan_id FROM document_models'),
    name: `《${TITLE}》第 1 版的文稿结构`,
    // What the window would then show instead of what was reviewed.
    edit: (k) => `UPDATE document_models SET model = readfile('${join(CORPUS, '01-public-notice.docx')}') WHERE scan_id = '${k}';`,
    changed: '文稿结构内容被改动',
    remove: (k) => `DELETE FROM document_models WHERE scan_id = '${k}';`,
    insert: (db, k) => forgedCopy(db, 'document_models', `scan_id = '${k}'`, { scan_id: "'forged-scan'" }),
    forgedName: '的文稿结构',
  },
  {
    kind: 'disposition',
    title: 'a disposition',
    key: (db) => one(db, "SELECT d.id FROM dispositions d JOIN findings f ON f.id = d.finding_id WHERE f.match = '机密★5年' LIMIT 1"),
    name: `《${TITLE}》第 1 版对「机密★5年」的处置（张三`,
    edit: (k) => `UPDATE dispositions SET action = 'false-positive', reason = '误报' WHERE id = '${k}';`,
    changed: '处置方式、理由被改动',
    remove: (k) => `DELETE FROM dispositions WHERE id = '${k}';`,
    insert: (db, k) => forgedCopy(db, 'dispositions', `id = '${k}'`, { id: "'forged-disposition'", action: "'keep'", reason: "'保留'" }),
    forgedName: `《${TITLE}》第 1 版对「机密★5年」的处置（张三`,
  },
  {
    kind: 'signoff',
    title: 'a sign-off',
    key: (db) => one(db, "SELECT id FROM signoffs WHERE step = 'office'"),
    name: `《${TITLE}》第 1 版的办公室审核签批（王五`,
    // What the issue tried: the office's opinion and signer rewritten.
    edit: (k) => `UPDATE signoffs SET opinion = '不同意', user_name = '赵六' WHERE id = '${k}';`,
    changed: '签批人姓名、意见被改动',
    remove: (k) => `DELETE FROM signoffs WHERE id = '${k}';`,
    insert: (db, k) => forgedCopy(db, 'signoffs', `id = '${k}'`, { id: "'forged-signoff'", outcome: "'可以公开'" }),
    forgedName: `《${TITLE}》第 1 版的办公室审核签批（王五`,
    renamed: `《${TITLE}》第 1 版的办公室审核签批（赵六`,
  },
  {
    kind: 'allow-proposal',
    title: 'an allow-list proposal',
    key: (db) => one(db, 'SELECT id FROM allow_proposals'),
    name: '误报建议「',
    edit: (k) => `UPDATE allow_proposals SET status = 'rejected', decision_note = '驳回' WHERE id = '${k}';`,
    changed: '处理状态、处理意见被改动',
    remove: (k) => `DELETE FROM allow_proposals WHERE id = '${k}';`,
    insert: (db, k) => forgedCopy(db, 'allow_proposals', `id = '${k}'`, { id: "'forged-proposal'", term: "'伪造词'" }),
    forgedName: '误报建议「伪造词」',
  },
  {
    kind: 'review-package',
    title: 'a review package sent',
    key: (db) => one(db, 'SELECT id FROM review_packages'),
    name: `发出的送审包（《${TITLE}》第 1 版`,
    edit: (k) => `UPDATE review_packages SET reply_to = 'another-package', sender = 'another-installation' WHERE id = '${k}';`,
    changed: '所答复的送审包、发出安装被改动',
    remove: (k) => `DELETE FROM review_packages WHERE id = '${k}';`,
    insert: (db, k) => forgedCopy(db, 'review_packages', `id = '${k}'`, { id: "'forged-package'", direction: "'received'" }),
    forgedName: `收到的送审包（《${TITLE}》第 1 版`,
  },
  {
    kind: 'trusted-installation',
    title: 'a trusted installation',
    key: (db) => one(db, 'SELECT fingerprint FROM trusted_installations'),
    name: '信任安装「办公室」',
    edit: (k) => `UPDATE trusted_installations SET label = '另一个办公室' WHERE fingerprint = '${k}';`,
    changed: '名称被改动',
    remove: (k) => `DELETE FROM trusted_installations WHERE fingerprint = '${k}';`,
    insert: (db, k) => forgedCopy(db, 'trusted_installations', `fingerprint = '${k}'`, { fingerprint: `'${'e'.repeat(64)}'`, label: "'假办公室'", pem: 'NULL' }),
    forgedName: '信任安装「假办公室」',
    renamed: '信任安装「另一个办公室」',
  },
];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mishen-records-tamper-'));
  pristine = join(dir, 'records.db');
  older = join(dir, 'older.db');
  // A backup from before the last two sign-offs: the older copy an attacker would put back.
  await buildTamperRecord(pristine, () => backupDatabaseFile(pristine, older));
  // Version 2 with one entry less: what an attacker would put in its place.
  const v2 = JSON.parse(one(pristine, 'SELECT content FROM dictionary_versions WHERE number = 2')) as { entries: { id: string }[] };
  writeFileSync(join(dir, 'edited-dictionary.json'), JSON.stringify({ ...v2, entries: v2.entries.slice(1) }, null, 2));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the untouched database', () => {
  it('verifies: exit 0, every kind checked, every signature valid, the anchor matching', () => {
    const r = verify(fresh());
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/签批 3、误报建议 1/);
    expect(r.stdout).toMatch(/电子签名有效：签批 3 份、处置 \d+ 条/);
    expect(r.stdout).toMatch(/与锚定文件「.*\.anchor」一致/);
  });
});

describe.each(ATTACKS)('$title ($kind)', (a) => {
  it('edited: named, with the changed fields', () => {
    const db = fresh();
    attack(db, a.edit(a.key(db)));
    const r = verify(db);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(a.name);
    expect(r.stderr).toContain(`与审计记录不符：${a.changed}`);
  });

  it('deleted: its audit entry names it', () => {
    const db = fresh();
    attack(db, a.remove(a.key(db)));
    const r = verify(db);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`审计记录第 \\d+ 条记载的${escape(a.name)}.*已不在数据库中`));
  });

  it('a forged one inserted: it has no audit entry', () => {
    const db = fresh();
    attack(db, a.insert(db, a.key(db)));
    const r = verify(db);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${escape(a.forgedName)}.*没有审计记录`));
  });

  it('edited with its entry and the whole hash chain recomputed: the anchor names it', () => {
    const db = fresh();
    const key = a.key(db);
    attack(db, a.edit(key));
    rebindAndRechain(db, a.kind, key);
    const r = verify(db);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toContain('与审计记录不符');
    expect(r.stderr).toMatch(/审计记录第 \d+ 条（.*）与锚定文件「.*」不符/);
    // The anchor names the entry by the record it now vouches for.
    expect(r.stderr).toMatch(new RegExp(`审计记录第 \\d+ 条（${escape(a.renamed ?? a.name)}`));
    if (a.kind === 'signoff' || a.kind === 'disposition') expect(r.stderr).toContain('的电子签名无效');
  });
});

describe('the chain as a whole', () => {
  it('a cut tail: the anchor still lists the entries that are gone', () => {
    const db = fresh();
    const last = Number(one(db, 'SELECT MAX(seq) FROM audit_log'));
    attack(db, `DELETE FROM audit_log WHERE seq > ${last - 2};`);
    const r = verify(db);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`缺少锚定文件「${db}.anchor」记载的第 ${last - 1}–${last} 条审计记录`);
    // The rows those entries bound (the office sign-off among them) are named too.
    expect(r.stderr).toMatch(/办公室审核签批（王五.*没有审计记录/);
  });

  it('an older backup put back in place of the database', () => {
    const db = fresh();
    copyFileSync(older, db);
    const r = verify(db);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/缺少锚定文件「.*」记载的第 \d+–\d+ 条审计记录：末尾的记录被截去，或数据库被换成了较早的副本/);
    // The backup itself, with its own anchor, is sound.
    expect(verify(older).status).toBe(0);
  });

  it('another database swapped in', () => {
    const db = fresh();
    const other = join(dir, 'other.db');
    openServices({ database: other }).close();
    copyFileSync(other, db);
    const r = verify(db);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('属于另一个数据库（安装编号不符）');
  });

  it('the anchor deleted, or a line of it changed', () => {
    const db = fresh();
    rmSync(`${db}.anchor`);
    let r = verify(db);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`找不到锚定文件「${db}.anchor」`);

    const lines = readFileSync(`${pristine}.anchor`, 'utf8').split('\n');
    const [seq, , lineHash] = lines[3].split(' ');
    lines[3] = `${seq} ${'0'.repeat(64)} ${lineHash}`;
    writeFileSync(`${db}.anchor`, lines.join('\n'));
    r = verify(db);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`锚定文件「${db}.anchor」第 4 行`);
  });

  it('chain and anchor both recomputed: the chain head printed on the 审查单 still catches it', () => {
    const db = fresh();
    const printed = one(db, "SELECT seq || ':' || hash FROM audit_log ORDER BY seq DESC LIMIT 1");
    const key = one(db, "SELECT id FROM documents WHERE division = '综合处'");
    attack(db, `UPDATE documents SET title = '无关文稿' WHERE id = '${key}';`);
    rebindAndRechain(db, 'document', key, { anchor: true });
    // Everything inside the database and beside it agrees now; only paper remembers.
    expect(verify(db).status).toBe(0);
    const r = verify(db, '--expect', printed);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`与审查单所印链头（第 ${printed.split(':')[0]} 条`);
    // A head printed earlier, abbreviated to 16 characters, is checked the same way.
    expect(verify(fresh(), '--expect', printed.slice(0, printed.indexOf(':') + 17)).status).toBe(0);
  });

  it('a sign-off edited with chain and anchor recomputed: its signature still fails', () => {
    const db = fresh();
    const key = one(db, "SELECT id FROM signoffs WHERE step = 'office'");
    attack(db, `UPDATE signoffs SET outcome = '可以公开', legal_basis = NULL WHERE id = '${key}';`);
    rebindAndRechain(db, 'signoff', key, { anchor: true });
    const r = verify(db);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`《${TITLE}》第 1 版的办公室审核签批（王五`);
    expect(r.stderr).toContain('的电子签名无效');
  });
});

describe('a dictionary changed in the database is not used', () => {
  const scan = (db: string) =>
    spawnSync(process.execPath, [join(ROOT, 'bin/mishen.js'), '--db', db, 'scan', join(CORPUS, '02-classified-marking.docx')], { encoding: 'utf8' });

  it('the active version with an entry removed: the next scan refuses it, by name', () => {
    const db = fresh();
    attack(db, ATTACKS.find((a) => a.kind === 'dictionary-version')!.edit(one(db, 'SELECT id FROM dictionary_versions WHERE number = 2')));
    const r = scan(db);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('词库第 2 版的内容与其词库哈希不符');
    expect(r.stderr).toContain('已拒绝使用');
    expect(r.stdout).toBe('');
  });

  it('the content replaced by the bytes of a file: refused in words, not with an internal error', () => {
    const db = fresh();
    attack(db, `UPDATE dictionary_versions SET content = readfile('${join(dir, 'edited-dictionary.json')}') WHERE number = 2;`);
    const r = scan(db);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('错误：词库第 2 版的内容不是词库文本（被改动），已拒绝使用');
  });

  it('the setting pointed back at an older version: refused', () => {
    const db = fresh();
    attack(db, "UPDATE meta SET value = '1' WHERE key = 'active_dictionary_version';");
    const r = scan(db);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('“当前生效词库版本”设置与审计记录不符（取值被改动）');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
