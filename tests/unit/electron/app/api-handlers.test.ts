// The window's API against the real services on a temp database and the real corpus files:
// session, argument checks per channel, import (readable and not), preview, the sign-off chain.
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordsApi } from '../../../../shared/api-contract';
import { LEGAL_BASES, type UserInfo } from '../../../../shared/records';
import { createApiHandlers } from '../../../../electron/app/api-handlers';
import { openServices, type Services } from '../../../../electron/services/open-services';
import type { RecordsService } from '../../../../electron/services/records-service';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const corpus = join(root, '..', 'shared', 'corpus');
const corpusFile = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(corpus, name))) });

let dir: string;
let tempRoot: string;
let previousTmp: string | undefined;
let services: Services;
let service: RecordsService;
let admin: UserInfo;
let zhang: UserInfo;
/** Anything written to the temp folder but jieba's dictionary cache: a draft must never reach the disk outside the database. */
const leftovers = () => readdirSync(tempRoot).filter((name) => !name.startsWith('mishen-segmenter-'));
const pdfCalls: { html: string; name: string }[] = [];

/** A fresh window session (each window has its own signed-in user). */
function session(withPdf = false): RecordsApi {
  return createApiHandlers({
    services,
    savePdf: withPdf
      ? async (html, name) => {
          pdfCalls.push({ html, name });
          return `/saved/${name}`;
        }
      : undefined,
  });
}

async function signedIn(username: string, password: string, withPdf = false): Promise<RecordsApi> {
  const api = session(withPdf);
  await api['session/login'](username, password);
  return api;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mishen-api-test-'));
  // Imports and previews must write nothing to os.tmpdir(): point it at a folder of our own to see that.
  tempRoot = join(dir, 'tmp');
  mkdirSync(tempRoot);
  previousTmp = process.env.TMPDIR;
  services = openServices({ database: join(dir, 'records.db') });
  service = services.records;
  admin = service.bootstrapAdmin('admin', '管理员', 'admin-password');
  zhang = service.createUser(admin, { username: 'zhangsan', displayName: '张三', role: 'drafter', division: '综合处', password: 'password-1' });
  service.createUser(admin, { username: 'lisi', displayName: '李四', role: 'division-head', division: '综合处', password: 'password-2' });
  service.createUser(admin, { username: 'wangwu', displayName: '王五', role: 'office-reviewer', division: '办公室', password: 'password-3' });
  service.createUser(admin, { username: 'baomi', displayName: '赵六', role: 'security-officer', division: '保密办', password: 'password-4' });
});

afterAll(() => {
  if (previousTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = previousTmp;
  services?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('session', () => {
  it('logs in, reports the current user, logs out', async () => {
    const api = session();
    expect(await api['session/current']()).toBeNull();
    const user = await api['session/login']('zhangsan', 'password-1');
    expect(user).toMatchObject({ username: 'zhangsan', role: 'drafter', division: '综合处' });
    expect(user).not.toHaveProperty('passwordHash');
    expect((await api['session/current']())?.id).toBe(zhang.id);
    await api['session/logout']();
    expect(await api['session/current']()).toBeNull();
  });

  it('refuses wrong credentials with the service message and code', async () => {
    const api = session();
    await expect(api['session/login']('zhangsan', 'wrong-password')).rejects.toMatchObject({ message: expect.stringContaining('用户名或密码错误'), code: 'bad-credentials' });
    expect(await api['session/current']()).toBeNull();
  });

  it('refuses every other call when nobody is signed in', async () => {
    const api = session();
    await expect(api['documents/list']({})).rejects.toThrow('请先登录');
    await expect(api['documents/import'](corpusFile('02-classified-marking.docx'), {})).rejects.toMatchObject({ code: 'not-signed-in' });
    await expect(api['dictionary/entries']()).rejects.toThrow('请先登录');
    await expect(api['audit/verify']()).rejects.toThrow('请先登录');
  });

  it('re-reads the user: a disabled account ends the session, a changed role takes effect', async () => {
    const temp = service.createUser(admin, { username: 'temp', displayName: '临时', role: 'drafter', division: '综合处', password: 'password-9' });
    const api = await signedIn('temp', 'password-9');
    service.updateUser(admin, temp.id, { role: 'division-head' });
    expect((await api['session/current']())?.role).toBe('division-head');
    await expect(api['documents/import'](corpusFile('01-public-notice.docx'), {})).rejects.toMatchObject({ code: 'wrong-role' });
    service.updateUser(admin, temp.id, { disabled: true });
    expect(await api['session/current']()).toBeNull();
    await expect(api['documents/list']({})).rejects.toThrow('请先登录');
  });
});

describe('argument checks', () => {
  const bad: [string, (api: RecordsApi) => Promise<unknown>][] = [
    ['login with a number', (api) => (api['session/login'] as (...a: unknown[]) => Promise<unknown>)(123, 'x')],
    ['login without a password', (api) => (api['session/login'] as (...a: unknown[]) => Promise<unknown>)('zhangsan')],
    ['logout with an argument', (api) => (api['session/logout'] as (...a: unknown[]) => Promise<unknown>)('extra')],
    ['list with an unknown state', (api) => api['documents/list']({ state: '已发布' as never })],
    ['list with an unknown field', (api) => api['documents/list']({ sql: 'DROP TABLE' } as never)],
    ['get with an object', (api) => api['documents/get']({ id: 1 } as never)],
    ['get with a huge id', (api) => api['documents/get']('x'.repeat(10_000))],
    ['import with bytes as a string', (api) => api['documents/import']({ name: 'a.txt', bytes: 'abc' as never }, {})],
    ['import with bytes as a plain array', (api) => api['documents/import']({ name: 'a.txt', bytes: [1, 2, 3] as never }, {})],
    ['import without a name', (api) => api['documents/import']({ name: '', bytes: new Uint8Array(3) }, {})],
    ['import without options', (api) => (api['documents/import'] as (...a: unknown[]) => Promise<unknown>)({ name: 'a.txt', bytes: new Uint8Array(3) })],
    ['set-publication with an unknown mode', (api) => api['documents/set-publication']('d', { publicationMode: '内部公开' as never, channel: '', scope: '', publishTime: '' })],
    ['dispose with an unknown action', (api) => api['findings/dispose']('f', 'ignore' as never, '')],
    ['dispose with a number as reason', (api) => api['findings/dispose']('f', 'fixed', 5 as never)],
    ['sign with an unknown step', (api) => api['signoff/sign']('v', { step: 'boss' as never, decision: 'approve', opinion: '' })],
    ['sign with an unknown outcome', (api) => api['signoff/sign']('v', { step: 'office', decision: 'approve', opinion: '', outcome: '随便' as never })],
    ['sign with an unknown decision', (api) => api['signoff/sign']('v', { step: 'office', decision: 'maybe' as never, opinion: '' })],
    ['audit list of zero', (api) => api['audit/list'](0)],
    ['audit list as a string', (api) => api['audit/list']('5' as never)],
    ['audit list fractional', (api) => api['audit/list'](1.5)],
    ['create user with an unknown role', (api) => api['users/create']({ username: 'x', displayName: 'x', role: 'king' as never, division: 'x', password: 'password-x' })],
    ['review form of null', (api) => api['review-form/html'](null as never)],
    ['update user with an unknown field', (api) => api['users/update']('u', { username: 'x' } as never)],
    ['setup without a password', (api) => (api['session/setup-admin'] as (...a: unknown[]) => Promise<unknown>)('a', 'b')],
    ['dictionary version zero', (api) => api['dictionary/version'](0)],
    ['dictionary diff of strings', (api) => api['dictionary/diff']('1' as never, 2)],
    ['an edit with an unknown op', (api) => api['dictionary/apply-edits']({ entries: [{ op: 'drop', id: 'x' } as never], allow: [] }, '', 1)],
    ['an added entry with an unknown severity', (api) => api['dictionary/apply-edits']({ entries: [{ op: 'add', entry: { term: 'x', category: 'custom', severity: 'high' as never } }], allow: [] }, '', 1)],
    ['an added entry with an unknown validator', (api) => api['dictionary/apply-edits']({ entries: [{ op: 'add', entry: { type: 'pattern', pattern: 'x', category: 'custom', severity: 'info', validator: 'md5' as never } }], allow: [] }, '', 1)],
    ['an export in an unknown format', (api) => api['dictionary/export']('pdf' as never)],
    ['a package import with bytes as a string', (api) => api['dictionary/package-import']({ name: 'p.json', bytes: 'abc' as never })],
    ['segmenting a string instead of a list', (api) => api['dictionary/segment']('机密文件' as never)],
    ['proposals with an unknown status', (api) => api['dictionary/proposals']('maybe' as never)],
  ];
  it.each(bad)('rejects %s', async (_label, call) => {
    const api = await signedIn('admin', 'admin-password');
    await expect(call(api)).rejects.toMatchObject({ code: 'invalid-arguments', message: expect.stringMatching(/^调用「[a-z/-]+」的参数不合法：/) });
  });

  it('checks arguments before the session: nothing reaches the service', async () => {
    await expect(session()['documents/get'](42 as never)).rejects.toMatchObject({ code: 'invalid-arguments' });
  });

  it('refuses files over 100 MiB at the boundary', async () => {
    const api = await signedIn('zhangsan', 'password-1');
    await expect(api['documents/import']({ name: 'big.txt', bytes: new Uint8Array(100 * 1024 * 1024 + 1) }, {})).rejects.toMatchObject({ code: 'invalid-arguments' });
  });
});

describe('documents through the handlers', () => {
  let api: RecordsApi;
  let documentId: string;
  let versionId: string;

  beforeAll(async () => {
    process.env.TMPDIR = tempRoot;
    api = await signedIn('zhangsan', 'password-1');
  });

  it('imports a Word draft under its base name, writing nothing to the temp folder', async () => {
    const result = await api['documents/import']({ ...corpusFile('02-classified-marking.docx'), name: '../../etc/02-classified-marking.docx' }, { title: '应急水源地报告', docNumber: '综发〔2025〕12号' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.name).toBe('02-classified-marking.docx');
    expect(result.document).toMatchObject({ title: '应急水源地报告', docNumber: '综发〔2025〕12号', division: '综合处', state: '待自查', verdict: 'block' });
    expect(result.document.latestVersion.fileName).toBe('02-classified-marking.docx');
    expect(leftovers()).toEqual([]);
    documentId = result.document.id;
    versionId = result.document.latestVersion.id;
    expect((await api['documents/list']({})).map((d) => d.id)).toContain(documentId);
    expect(await api['documents/list']({ state: '已办结' })).toEqual([]);
  });

  it('answers ok:false for a file that cannot be read, naming it', async () => {
    const result = await api['documents/import'](corpusFile('11-not-a-pdf.pdf'), {});
    expect(result).toMatchObject({ ok: false, name: '11-not-a-pdf.pdf', code: 'unreadable-file' });
    expect(!result.ok && result.message).toContain('11-not-a-pdf.pdf');
    expect(leftovers()).toEqual([]);
  });

  it('gives the document model the scan kept, header included, and the file itself', async () => {
    const model = await api['documents/model'](versionId);
    expect(model.versionId).toBe(versionId);
    expect(model.format).toBe('docx');
    expect(model.blocks.some((b) => b.part === 'header' && b.text.includes('内部资料') && b.label === '页眉（第 1 节）')).toBe(true);
    expect(model.blocks.some((b) => b.part === 'body' && b.text.includes('机密'))).toBe(true);
    expect(model.warnings.some((w) => w.code === 'model-tampered')).toBe(false);
    const bytes = await api['documents/content'](versionId);
    expect(Buffer.from(bytes).equals(readFileSync(join(corpus, '02-classified-marking.docx')))).toBe(true);
    await expect(api['documents/content'](versionId, 'word/document.xml')).rejects.toMatchObject({ code: 'invalid' });
    expect(leftovers()).toEqual([]);
  });

  it('tells how far an import has got while it runs, and forgets it after', async () => {
    const seen: string[] = [];
    const importing = api['documents/import'](corpusFile('01-public-notice.pdf'), { progressToken: 'import-1', title: '公开通知' });
    for (let i = 0; i < 200; i++) {
      const p = await api['documents/import-progress']('import-1');
      if (!p) break;
      seen.push(p.stage);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect((await importing).ok).toBe(true);
    expect(seen[0]).toBe('reading');
    expect(await api['documents/import-progress']('import-1')).toBeNull();
  });

  it('keeps other divisions out with the service message', async () => {
    service.createUser(admin, { username: 'other', displayName: '外处', role: 'drafter', division: '财务处', password: 'password-8' });
    const other = await signedIn('other', 'password-8');
    await expect(other['documents/get'](documentId)).rejects.toMatchObject({ code: 'wrong-division', message: expect.stringContaining('综合处') });
    await expect(other['documents/model'](versionId)).rejects.toMatchObject({ code: 'wrong-division' });
    await expect(other['documents/content'](versionId)).rejects.toMatchObject({ code: 'wrong-division' });
  });

  it('disposes, signs the chain and renders the 审查单', async () => {
    let detail = await api['documents/get'](documentId);
    await expect(api['signoff/sign'](versionId, { step: 'drafter', decision: 'approve', opinion: '已自查' })).rejects.toMatchObject({ code: 'open-block-findings' });
    for (const f of detail.scan.findings.filter((x) => x.severity === 'block')) {
      detail = await api['findings/dispose'](f.id, 'keep', `公开稿中删除「${f.match}」`);
    }
    await expect(api['findings/dispose'](detail.scan.findings[0]!.id, 'false-positive', '  ')).rejects.toMatchObject({ code: 'invalid' });
    detail = await api['documents/set-publication'](documentId, { publicationMode: '主动公开', channel: '政府门户网站', scope: '社会公众', publishTime: '2025-07-01' });
    expect(detail.channel).toBe('政府门户网站');
    detail = await api['signoff/sign'](versionId, { step: 'drafter', decision: 'approve', opinion: '已逐项自查。' });
    expect(detail.state).toBe('待处室审核');

    const head = await signedIn('lisi', 'password-2');
    await head['signoff/sign'](versionId, { step: 'division-head', decision: 'approve', opinion: '同意。' });
    const office = await signedIn('wangwu', 'password-3', true);
    detail = await office['signoff/sign'](versionId, { step: 'office', decision: 'approve', opinion: '删除后可以公开。', outcome: '删除后公开', legalBasis: LEGAL_BASES[0] });
    expect(detail.state).toBe('已办结');
    expect(detail.signoffs.map((s) => s.userName)).toEqual(['张三', '李四', '王五']);

    const html = await office['review-form/html'](documentId);
    expect(html).toContain('保密审查单');
    expect(html).toContain(detail.latestVersion.sha256);
    expect(await office['review-form/save-pdf'](documentId)).toBe('/saved/保密审查单-应急水源地报告.pdf');
    expect(pdfCalls.at(-1)?.html).toContain(detail.latestVersion.sha256);
    await expect(api['review-form/save-pdf'](documentId)).rejects.toThrow('此环境不能生成 PDF');
  });
});

describe('administration', () => {
  it('shows the audit log to the security officer only, and verifies it', async () => {
    const drafter = await signedIn('zhangsan', 'password-1');
    await expect(drafter['audit/list'](10)).rejects.toMatchObject({ code: 'wrong-role' });
    await expect(drafter['audit/verify']()).rejects.toMatchObject({ code: 'wrong-role' });
    const officer = await signedIn('baomi', 'password-4');
    const rows = await officer['audit/list'](5);
    expect(rows).toHaveLength(5);
    expect(rows[0]!.seq).toBeGreaterThan(rows[4]!.seq);
    expect(rows.some((r) => r.action === 'sign')).toBe(true);
    const ok = await officer['audit/verify']();
    expect(ok).toMatchObject({ ok: true });
    expect(ok.message).toContain(`${ok.entries} 条`);
  });

  it('names the first broken entry when the log was changed behind the app', async () => {
    const officer = await signedIn('baomi', 'password-4');
    // Behind the app's back: another connection to the file, as the sqlite3 shell would be.
    const db = new Database(join(dir, 'records.db'));
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET actor = 'nobody' WHERE seq = 3").run();
    db.close();
    const broken = await officer['audit/verify']();
    expect(broken.ok).toBe(false);
    expect(broken.message).toContain('第 3 条');
  });

  it('lists and creates users for the administrator', async () => {
    const api = await signedIn('admin', 'admin-password');
    const created = await api['users/create']({ username: 'chen', displayName: '陈七', role: 'division-head', division: '财务处', password: 'password-7' });
    expect(created).toMatchObject({ username: 'chen', role: 'division-head', disabled: false });
    expect((await api['users/list']()).map((u) => u.username)).toContain('chen');
    await expect(api['users/create']({ username: 'chen', displayName: '重复', role: 'drafter', division: '财务处', password: 'password-7' })).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('已存在') });
    const drafter = await signedIn('zhangsan', 'password-1');
    await expect(drafter['users/create']({ username: 'x', displayName: 'x', role: 'admin', division: 'x', password: 'password-x' })).rejects.toMatchObject({ code: 'wrong-role' });
  });

  it('hands out the dictionary entries in use', async () => {
    const api = await signedIn('zhangsan', 'password-1');
    const entries = await api['dictionary/entries']();
    expect(entries.length).toBeGreaterThan(10);
    expect(entries.some((e) => e.category === 'classification-mark')).toBe(true);
  });
});

describe('first-run setup', () => {
  it('says setup is done once users exist, and refuses a second administrator', async () => {
    const api = session();
    expect(await api['session/needs-setup']()).toBe(false);
    await expect(api['session/setup-admin']('root', '根', 'root-password')).rejects.toMatchObject({ code: 'forbidden' });
    expect(await api['session/current']()).toBeNull();
  });

  it('creates the first administrator on an empty database and signs them in', async () => {
    const fresh = openServices({ database: join(dir, 'fresh.db') });
    try {
      const api = createApiHandlers({ services: fresh });
      expect(await api['session/needs-setup']()).toBe(true);
      await expect(api['session/setup-admin']('root', '根', 'short')).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('至少 8 位') });
      const user = await api['session/setup-admin']('root', '系统管理员', 'root-password');
      expect(user).toMatchObject({ username: 'root', role: 'admin' });
      expect((await api['session/current']())?.id).toBe(user.id);
      expect(await api['session/needs-setup']()).toBe(false);
      const bao = await api['users/create']({ username: 'bao', displayName: '保密员', role: 'drafter', division: '保密办', password: 'bao-password' });
      expect(await api['users/update'](bao.id, { role: 'security-officer' })).toMatchObject({ role: 'security-officer' });
    } finally {
      fresh.close();
    }
  });
});

describe('dictionary custody through the handlers', () => {
  let officer: RecordsApi;
  let drafter: RecordsApi;
  let keyDir: string;

  beforeAll(async () => {
    keyDir = mkdtempSync(join(tmpdir(), 'mishen-key-'));
    officer = await signedIn('baomi', 'password-4');
    drafter = await signedIn('zhangsan', 'password-1');
  });
  afterAll(() => rmSync(keyDir, { recursive: true, force: true }));

  it('lets anyone read the active set, only the security officer see versions', async () => {
    const active = await drafter['dictionary/active']();
    expect(active.number).toBe(1);
    expect(active.set.entries.length).toBeGreaterThan(10);
    await expect(drafter['dictionary/versions']()).rejects.toMatchObject({ code: 'wrong-role' });
    expect((await officer['dictionary/versions']()).map((v) => [v.number, v.active])).toEqual([[1, true]]);
  });

  it('saves term and allow-list edits as one version, refuses a stale base and a drafter', async () => {
    const changes = {
      entries: [{ op: 'add' as const, entry: { term: '松柏计划', category: 'project-codename', severity: 'block' as const, note: '内部工程代号' } }],
      allow: [{ op: 'add' as const, allow: { term: '松柏计划公开版', categories: ['project-codename'] } }],
    };
    await expect(drafter['dictionary/apply-edits'](changes, '', 1)).rejects.toMatchObject({ code: 'wrong-role' });
    const v2 = await officer['dictionary/apply-edits'](changes, '新增代号', 1);
    expect(v2).toMatchObject({ number: 2, active: true, note: '新增代号' });
    expect(v2.hash).toMatch(/^[0-9a-f]{64}$/);
    await expect(officer['dictionary/apply-edits'](changes, '', 1)).rejects.toMatchObject({ code: 'stale-version' });
    const diff = await officer['dictionary/diff'](1, 2);
    expect(diff.entries.added.map((e) => e.id)).toEqual(['project-codename/松柏计划']);
    expect(diff.allow.added.map((a) => a.term)).toEqual(['松柏计划公开版']);
    // A duplicate is refused with the problems listed.
    await expect(officer['dictionary/apply-edits']({ entries: [changes.entries[0]!], allow: [] }, '', 2)).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('重复') });
  });

  it('rolls back to an older version as a new one', async () => {
    const v3 = await officer['dictionary/rollback'](1, '');
    expect(v3).toMatchObject({ number: 3, active: true });
    expect((await officer['dictionary/diff'](1, 3)).total).toBe(0);
  });

  it('previews an import row by row and applies it against the version it was made on', async () => {
    const csv = new TextEncoder().encode('term,category,severity,note\n青松工程,project-codename,block,代号\n,custom,review,空词条\n');
    const file = { name: '代号.csv', bytes: csv };
    const preview = await officer['dictionary/import-preview'](file);
    expect(preview.counts).toMatchObject({ add: 1, invalid: 1 });
    expect(preview.rows.find((r) => r.action === 'invalid')?.reason).toContain('不能为空');
    await expect(officer['dictionary/import-apply'](file, '', preview.baseVersion - 1)).rejects.toMatchObject({ code: 'stale-version' });
    const { version } = await officer['dictionary/import-apply'](file, '', preview.baseVersion);
    expect(version.number).toBe(preview.baseVersion + 1);
  });

  it('exports csv and a signed package as bytes, and refuses a tampered package with its reason', async () => {
    const csv = await officer['dictionary/export']('csv');
    expect(csv.name).toMatch(/\.csv$/);
    expect(new TextDecoder().decode(csv.bytes)).toContain('青松工程');
    const pkg = await officer['dictionary/package-export']();
    const text = new TextDecoder().decode(pkg.bytes).replace('青松工程', '青松二期');
    await expect(officer['dictionary/package-import']({ name: 'p.json', bytes: new TextEncoder().encode(text) })).rejects.toMatchObject({ code: 'tampered', message: expect.stringContaining('篡改') });
    await expect(officer['dictionary/package-import'](pkg)).rejects.toMatchObject({ code: 'older-version' });
    const key = await officer['dictionary/public-key']();
    expect(key.pem).toContain('PUBLIC KEY');
    expect(await officer['dictionary/trusted-keys']()).toEqual([]);
  });

  it('segments with jieba and extracts a picked document without recording it', async () => {
    expect(await drafter['dictionary/segment'](['全国安全生产月'])).toEqual([expect.arrayContaining(['全国'])]);
    const before = (await drafter['documents/list']({})).length;
    const text = await drafter['dictionary/extract'](corpusFile('02-classified-marking.docx'));
    expect(text.blocks.some((b) => b.part === 'header' && b.text.includes('内部资料'))).toBe(true);
    for (const b of text.blocks) expect(Object.values(b)).not.toContain(undefined);
    expect((await drafter['documents/list']({})).length).toBe(before);
  });

  it('lists proposals for the security officer only', async () => {
    await expect(drafter['dictionary/proposals']()).rejects.toMatchObject({ code: 'wrong-role' });
    expect(Array.isArray(await officer['dictionary/proposals']('pending'))).toBe(true);
  });
});
