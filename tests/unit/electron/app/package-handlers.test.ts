// The 'packages/*' channels over two real installations (two database files): the division's head
// exports a 送审包, the office takes it once its administrator trusts the division's key, and a
// refusal reaches the window as an ApiError whose code is the reason and whose message is Chinese,
// with no package id and no English in it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordsApi } from '../../../../shared/api-contract';
import { createApiHandlers } from '../../../../electron/app/api-handlers';
import { openServices, type Services } from '../../../../electron/services/open-services';

const corpus = join(fileURLToPath(new URL('../../../..', import.meta.url)), '..', 'shared', 'corpus');
const PASSWORD = 'package-pass-2026';
let dir: string;
let division: Services;
let office: Services;
let documentId: string;

function installation(name: string, people: readonly (readonly [string, string, 'drafter' | 'division-head' | 'office-reviewer', string])[]): Services {
  const s = openServices({ database: join(dir, `${name}.db`) });
  const admin = s.records.bootstrapAdmin('admin', '管理员', PASSWORD);
  for (const [username, displayName, role, div] of people) s.records.createUser(admin, { username, displayName, role, division: div, password: PASSWORD });
  return s;
}

/** The refusal a call rejects with. */
async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  return call.then(
    () => ({ code: 'accepted', message: '' }),
    (e: { code: string; message: string }) => e,
  );
}

async function signedIn(s: Services, username: string): Promise<RecordsApi> {
  const api = createApiHandlers({ services: s });
  await api['session/login'](username, PASSWORD);
  return api;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mishen-package-api-'));
  division = installation('division', [
    ['zhang', '张三', 'drafter', '综合处'],
    ['li', '李四', 'division-head', '综合处'],
  ]);
  office = installation('office', [['wang', '王五', 'office-reviewer', '办公室']]);
  const r = division.records;
  const d = await r.submit(r.login('zhang', PASSWORD), join(corpus, '01-public-notice.docx'), { title: '城市供水检查通知' });
  documentId = d.id;
  r.sign(r.login('zhang', PASSWORD), d.latestVersion.id, { step: 'drafter', decision: 'approve', opinion: '已自查' });
}, 60_000);

afterAll(() => {
  division?.close();
  office?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('packages/* channels', () => {
  it('need a signed-in user', async () => {
    await expect(createApiHandlers({ services: office })['packages/installation-key']()).rejects.toMatchObject({ code: 'not-signed-in' });
  });

  it('refuse an export before the head has approved, with the rule’s sentence', async () => {
    const zhang = await signedIn(division, 'zhang');
    await expect(zhang['packages/export'](documentId)).rejects.toMatchObject({ code: 'out-of-order', message: expect.stringContaining('送审包须在处室负责人审核通过后导出') });
  });

  it('export, refuse from an unknown signer, trust, import, refuse a replay', async () => {
    const li = await signedIn(division, 'li');
    const version = division.records.getDocument(division.records.login('li', PASSWORD), documentId).latestVersion.id;
    division.records.sign(division.records.login('li', PASSWORD), version, { step: 'division-head', decision: 'approve', opinion: '同意' });
    const file = await li['packages/export'](documentId);
    expect(file.name).toBe('送审包-城市供水检查通知-第1版.mspkg');

    const wang = await signedIn(office, 'wang');
    const pkg = { name: file.name, bytes: file.bytes };
    const unknown = await refusal(wang['packages/import'](pkg));
    expect(unknown).toMatchObject({ code: 'unknown-signer' });
    expect(unknown.message).toMatch(/^拒绝导入：包的签名人不受信任或与记录不符。/);
    expect(unknown.message).not.toMatch(/[A-Za-z]{4,}/);

    const divisionAdmin = await signedIn(division, 'admin');
    const key = await divisionAdmin['packages/installation-key']();
    expect(key.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const officeAdmin = await signedIn(office, 'admin');
    const trusted = await officeAdmin['packages/trust'](key.pem, '综合处');
    expect(trusted).toMatchObject({ fingerprint: key.fingerprint, label: '综合处', byFingerprintOnly: false });
    expect(await officeAdmin['packages/trusted']()).toHaveLength(1);
    await expect(wang['packages/trust'](key.fingerprint, '综合处')).rejects.toMatchObject({ code: 'wrong-role' });

    const taken = await wang['packages/import'](pkg);
    expect(taken).toMatchObject({ kind: 'review', documentId, title: '城市供水检查通知', state: '待办公室审核' });
    expect(taken.summary).toBe('签名与哈希校验通过，已导入「综合处（李四）」的送审包：「城市供水检查通知」第 1 版，现为「待办公室审核」。');

    const replay = await refusal(wang['packages/import'](pkg));
    expect(replay).toMatchObject({ code: 'replayed', message: '拒绝导入：该包已导入过（重放）。送审包已于此前导入，不能再次导入。' });

    expect((await wang['packages/list'](documentId)).map((p) => [p.direction, p.kind])).toEqual([['received', 'review']]);
    expect((await li['packages/list']()).map((p) => [p.direction, p.kind])).toEqual([['sent', 'review']]);
  });

  it('check their arguments', async () => {
    const wang = await signedIn(office, 'wang');
    await expect(wang['packages/export']('')).rejects.toMatchObject({ code: 'invalid-arguments' });
    await expect((wang['packages/import'] as (x: unknown) => Promise<unknown>)({ name: 'x.json', bytes: 'not bytes' })).rejects.toMatchObject({ code: 'invalid-arguments' });
  });
});
