// The README's 送审包 steps from a terminal: two installations (two database files) exchange keys
// with `package key` / `package trust`, the division exports with `package export`, the office
// imports, signs and answers, the division imports the decision; `audit verify` passes on both, and
// a package imported twice exits 2 naming the reason.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, mishenIn } from '../support/mishen-cli';

const PASSWORD = 'cli-package-2026';
let dir: string;
const { at, mishen, setUp } = mishenIn(() => dir, PASSWORD);

function ok(db: string, user: string | undefined, ...args: string[]): string {
  const r = mishen(db, user, ...args);
  expect(r.status, `${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

beforeAll(() => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'mishen-package-cli-'));
  writeFileSync(at('报告.txt'), '关于全省城市供水应急保障情况的报告。\n');
  setUp('division.db', [['zhang', 'drafter', '综合处'], ['li', 'division-head', '综合处']]);
  setUp('office.db', [['wang', 'office-reviewer', '办公室']]);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('mishen package', () => {
  it('goes round: keys exchanged, review exported and imported, decision back, both verified', () => {
    expect(ok('division.db', 'admin', 'package', 'key', '--out', at('division.pem'))).toMatch(/指纹 [0-9a-f]{64}/);
    const officeKey = ok('office.db', 'admin', 'package', 'key');
    const fingerprint = /指纹 ([0-9a-f]{64})/.exec(officeKey)![1];
    expect(ok('office.db', 'admin', 'package', 'trust', at('division.pem'), '--label', '综合处')).toContain('已信任安装「综合处」');
    // The division trusts the office by the fingerprint read out over the telephone.
    expect(ok('division.db', 'admin', 'package', 'trust', fingerprint, '--label', '办公室')).toContain(fingerprint);

    const doc = JSON.parse(ok('division.db', 'zhang', 'submit', at('报告.txt'), '--title', '供水报告', '--format', 'json')) as { id: string; latestVersion: { id: string } };
    ok('division.db', 'zhang', 'sign', doc.latestVersion.id, '--step', 'drafter', '--decision', 'approve', '--opinion', '已自查');
    ok('division.db', 'li', 'sign', doc.latestVersion.id, '--step', 'division-head', '--decision', 'approve', '--opinion', '同意');
    expect(ok('division.db', 'li', 'package', 'export', doc.id, at('送审包.mspkg'))).toContain('已将送审包');

    expect(ok('office.db', 'wang', 'package', 'import', at('送审包.mspkg'))).toMatch(/签名与哈希校验通过.*现为「待办公室审核」/);
    ok('office.db', 'wang', 'sign', doc.latestVersion.id, '--step', 'office', '--decision', 'approve', '--opinion', '同意公开', '--outcome', '可以公开');
    expect(ok('office.db', 'wang', 'package', 'export', doc.id, at('决定包.mspkg'))).toContain('已将审核决定包');
    expect(ok('division.db', 'li', 'package', 'import', at('决定包.mspkg'))).toContain('现为「已办结」');

    const replay = mishen('division.db', 'li', 'package', 'import', at('决定包.mspkg'));
    expect(replay.status).toBe(2);
    expect(replay.stderr).toMatch(/拒绝导入：该包已导入过（重放）（replayed）/);
    expect(mishen('office.db', 'wang', 'package', 'export', doc.id, at('决定包.mspkg')).stderr).toContain('已存在');

    expect(ok('division.db', 'li', 'package', 'list')).toMatch(/发出送审包[\s\S]*收到审核决定包/);
    for (const db of ['division.db', 'office.db']) expect(mishen(db, undefined, 'audit', 'verify').status).toBe(0);
  });
});
