// A scripted round trip through `mishen dict …`: the security office edits, imports, exports,
// rolls back and signs a package; a division trusts the office's key and imports it; `scan --db`
// follows the active dictionary version; refusals exit 2 with their reason.
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, buildCli, mishenIn } from '../support/mishen-cli';

const PASSWORD = 'test-pass-123';

let dir: string;
const { at, mishen, setUp } = mishenIn(() => dir, PASSWORD);

/** The matches `scan --db` reports for the draft, in JSON. */
function scanMatches(db: string): string[] {
  const r = mishen(db, undefined, 'scan', at('draft.txt'), '--format', 'json');
  return (JSON.parse(r.stdout) as { reports: { findings: { match: string }[] }[] }).reports[0].findings.map((f) => f.match);
}

beforeAll(() => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'mishen-dict-cli-'));
  writeFileSync(at('draft.txt'), '本项目即青松工程的配套设施，由白杨公司承建。\n');
  setUp('office.db', [['bao', 'security-officer', '保密办'], ['zhang', 'drafter', '综合处']]);
  setUp('division.db', [['liu', 'security-officer', '财务处']]);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('mishen dict', () => {
  it('starts from the starter set as version 1 and lists it', () => {
    const r = mishen('office.db', 'bao', 'dict', 'list');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\* 第 1 版 +[0-9a-f]{64} .* system +内置初始词库/);
  });

  it('refuses a drafter with wrong-role and a wrong password with bad-credentials', () => {
    const r = mishen('office.db', 'zhang', 'dict', 'add', '--term', '青松工程', '--category', 'project-codename', '--severity', 'block');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('（wrong-role）');
    const bad = spawnSync(process.execPath, [bin, '--db', at('office.db'), 'dict', 'list'], { cwd: dir, encoding: 'utf8', env: { ...process.env, MISHEN_USER: 'bao', MISHEN_PASSWORD: 'wrong-password' } });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('bad-credentials');
  });

  it('adds a term, and scan --db uses the active version', () => {
    expect(scanMatches('office.db')).not.toContain('青松工程');
    const r = mishen('office.db', 'bao', 'dict', 'add', '--term', '青松工程', '--category', 'project-codename', '--severity', 'block', '--note', '内部工程代号');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('第 2 版');
    expect(scanMatches('office.db')).toContain('青松工程');
  });

  it('previews an import row by row (exit 1 with invalid rows), then applies it as one version', () => {
    writeFileSync(at('list.csv'), 'term,category,severity,note\n白杨公司,custom,review,承建单位\n青松工程,project-codename,block,\n,custom,review,空词条\n');
    const preview = mishen('office.db', 'bao', 'dict', 'import', 'list.csv');
    expect(preview.status, preview.stderr).toBe(1);
    expect(preview.stdout).toContain('新增 1，修改 0，重复 1，无效 1');
    expect(preview.stdout).toMatch(/第 2 行\t新增\t白杨公司/);
    expect(preview.stdout).toMatch(/第 3 行\t重复\t青松工程.*词库中已有相同条目/);
    expect(preview.stdout).toMatch(/第 4 行\t无效\t.*词条不能为空/);
    const applied = mishen('office.db', 'bao', 'dict', 'import', 'list.csv', '--apply', '--note', '处室报送');
    expect(applied.status, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('已生成词库第 3 版');
    const diff = mishen('office.db', 'bao', 'dict', 'diff', '2', '3');
    expect(diff.stdout).toContain('+ 条目 custom/白杨公司');
    expect(scanMatches('office.db')).toContain('白杨公司');
  });

  it('exports every format; the exported workbook imports back as duplicates only', async () => {
    for (const format of ['csv', 'txt', 'xlsx', 'json']) {
      const r = mishen('office.db', 'bao', 'dict', 'export', '--format', format, '--out', `export.${format}`);
      expect(r.status, r.stderr).toBe(0);
      expect(existsSync(at(`export.${format}`))).toBe(true);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(at('export.xlsx'));
    expect(wb.worksheets[0].getRow(1).getCell(1).text).toBe('词条');
    const again = mishen('office.db', 'bao', 'dict', 'import', 'export.xlsx');
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/新增 0，修改 0，重复 \d+，无效 0/);
    expect(JSON.parse(readFileSync(at('export.json'), 'utf8')).format).toBe('mishen-dictionary');
  });

  it('disables an entry and rolls back to the version before', () => {
    expect(mishen('office.db', 'bao', 'dict', 'disable', 'project-codename/青松工程').stdout).toContain('第 4 版');
    expect(scanMatches('office.db')).not.toContain('青松工程');
    expect(mishen('office.db', 'bao', 'dict', 'rollback', '3', '--note', '误停用').stdout).toContain('第 5 版');
    expect(scanMatches('office.db')).toContain('青松工程');
    const same = mishen('office.db', 'bao', 'dict', 'rollback', '3');
    expect(same.status).toBe(2);
    expect(same.stderr).toContain('相同');
  });

  it('signs a package that a division accepts only after trusting the office key', () => {
    expect(mishen('office.db', 'bao', 'dict', 'public-key', '--out', 'office.pem').status).toBe(0);
    expect(readFileSync(at('office.pem'), 'utf8')).toContain('BEGIN PUBLIC KEY');
    expect(existsSync(at('office.db.signing-key.pem'))).toBe(true);
    expect(mishen('office.db', 'bao', 'dict', 'package-export', '--out', 'v5.pkg.json').stdout).toContain('第 5 版');

    const unknown = mishen('division.db', 'liu', 'dict', 'package-import', 'v5.pkg.json');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown-key');

    expect(mishen('division.db', 'liu', 'dict', 'trust-key', 'office.pem', '--label', '省保密办').status).toBe(0);
    const pkg = readFileSync(at('v5.pkg.json'), 'utf8');
    writeFileSync(at('tampered.pkg.json'), pkg.replace('青松工程', '青松工裎'));
    const tampered = mishen('division.db', 'liu', 'dict', 'package-import', 'tampered.pkg.json');
    expect(tampered.status).toBe(2);
    expect(tampered.stderr).toContain('tampered');

    const ok = mishen('division.db', 'liu', 'dict', 'package-import', 'v5.pkg.json');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('已导入「bao（保密办）」签发的词库第 5 版');
    expect(mishen('division.db', 'liu', 'dict', 'list').stdout).toMatch(/\* 第 5 版 .*签发：bao（保密办）/);
    expect(scanMatches('division.db')).toContain('青松工程');

    const older = mishen('division.db', 'liu', 'dict', 'package-import', 'v5.pkg.json');
    expect(older.status).toBe(2);
    expect(older.stderr).toContain('older-version');
  });

  it('lists the (empty) proposal queue, and both audit logs verify', () => {
    expect(mishen('office.db', 'bao', 'dict', 'proposals').stdout).toContain('没有误报建议');
    const reject = mishen('office.db', 'bao', 'dict', 'proposals', 'reject', 'no-such-id', '--reason', '理由');
    expect(reject.stderr).toContain('not-found');
    for (const db of ['office.db', 'division.db']) expect(mishen(db, undefined, 'audit', 'verify').status).toBe(0);
  });
});
