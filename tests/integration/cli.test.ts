import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = resolve(projectRoot, '../shared/corpus');
const bin = join(projectRoot, 'bin/mishen.js');

const CLASSIFIED = '02-classified-marking.docx';
const NOT_A_PDF = '11-not-a-pdf.pdf';
const TRAPS = '08-false-positive-traps.txt';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function mishen(...args: string[]): Run {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: projectRoot, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonReport {
  file: string;
  sha256: string;
  format: string;
  verdict: string;
  findings: Array<{ severity: string; match: string; context: string; part: string; category: string }>;
  warnings: unknown[];
  error?: { code: string; message: string };
}

let dir: string;

// The CLI is built once for all test files (tests/e2e/support/global-setup.ts).
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mishen-cli-'));
  for (const f of [CLASSIFIED, NOT_A_PDF, TRAPS]) copyFileSync(join(corpus, f), join(dir, f));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('mishen scan --format json', () => {
  it('reviews three files in order, reports the unreadable one, and exits 2', () => {
    const files = [CLASSIFIED, NOT_A_PDF, TRAPS].map((f) => join(dir, f));
    const r = mishen('scan', ...files, '--format', 'json');
    expect(r.status, r.stderr).toBe(2);
    const { reports } = JSON.parse(r.stdout) as { reports: JsonReport[] };
    expect(reports.map((x) => x.file)).toEqual(files);

    const [classified, bad, traps] = reports;
    expect(bad.error?.code).toBe('unreadable');
    expect(bad.error?.message).toContain(NOT_A_PDF);
    expect(bad.findings).toEqual([]);
    expect(bad.verdict).not.toBe('pass');

    expect(classified.error).toBeUndefined();
    expect(classified.format).toBe('docx');
    expect(classified.verdict).toBe('block');
    expect(classified.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(classified.findings.some((f) => f.severity === 'block' && f.part === 'body' && f.match.includes('机密★5年'))).toBe(true);
    expect(classified.findings.some((f) => f.part === 'header' && f.match.includes('内部资料'))).toBe(true);

    expect(traps.error).toBeUndefined();
    expect(traps.format).toBe('txt');
    expect(traps.verdict).toBe('pass');
    expect(traps.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('exits 1 for a file that is blocked and 0 for one that passes', () => {
    expect(mishen('scan', join(dir, CLASSIFIED), '--format', 'json').status).toBe(1);
    expect(mishen('scan', join(dir, TRAPS), '--format', 'json').status).toBe(0);
  });

  it('expands a folder to the reviewable files in it, recursively', () => {
    const folder = mkdtempSync(join(tmpdir(), 'mishen-dir-'));
    try {
      copyFileSync(join(corpus, CLASSIFIED), join(folder, CLASSIFIED));
      copyFileSync(join(corpus, TRAPS), join(folder, TRAPS));
      writeFileSync(join(folder, 'notes.md'), '机密★5年\n');
      writeFileSync(join(folder, 'data.json'), '{}');
      mkdirSync(join(folder, 'sub'));
      copyFileSync(join(corpus, TRAPS), join(folder, 'sub', 'copy.txt'));
      const r = mishen('scan', folder, '--format', 'json');
      const { reports } = JSON.parse(r.stdout) as { reports: JsonReport[] };
      expect(reports.map((x) => x.file).sort()).toEqual(
        [join(folder, CLASSIFIED), join(folder, TRAPS), join(folder, 'sub', 'copy.txt')].sort(),
      );
      expect(r.status).toBe(1);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('mishen scan --format text', () => {
  it('prints 禁止发布 and the context of the findings', () => {
    const json = JSON.parse(mishen('scan', join(dir, CLASSIFIED), '--format', 'json').stdout) as { reports: JsonReport[] };
    const blocking = json.reports[0].findings.find((f) => f.severity === 'block' && f.match.includes('机密★5年'))!;
    const r = mishen('scan', join(dir, CLASSIFIED), '--format', 'text');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(join(dir, CLASSIFIED));
    expect(r.stdout).toContain('禁止发布');
    expect(r.stdout).toContain('机密★5年');
    expect(r.stdout).toContain(`上下文：…${blocking.context}…`);
  });

  it('is the default format', () => {
    const r = mishen('scan', join(dir, CLASSIFIED));
    expect(r.stdout).toContain('禁止发布');
    expect(() => JSON.parse(r.stdout)).toThrow();
  });

  it('reports an unreadable file by name', () => {
    const r = mishen('scan', join(dir, NOT_A_PDF), '--format', 'text');
    expect(r.status).toBe(2);
    expect(r.stdout).toContain(NOT_A_PDF);
    expect(r.stdout).toContain('unreadable');
  });
});

describe('mishen command-line errors', () => {
  it('--dict with a malformed CSV exits 2 and names the file and line', () => {
    const csv = join(dir, 'my-terms.csv');
    writeFileSync(csv, 'term,category,severity,note\n青松工程,project-codename,block,代号\n国安,security-agency\n');
    const r = mishen('scan', join(dir, TRAPS), '--dict', csv, '--format', 'json');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('my-terms.csv');
    expect(r.stderr).toContain('第 3 行');
    expect(r.stdout).toBe('');
  });

  it('--dict with a good CSV adds its terms', () => {
    const r = mishen('scan', join(dir, TRAPS), '--dict', join(corpus, 'custom-terms.csv'), '--format', 'json');
    expect(r.status, r.stderr).not.toBe(2);
    const { reports } = JSON.parse(r.stdout) as { reports: JsonReport[] };
    // 国安 and 机密 in the traps file only occur inside other words: still no hit.
    expect(reports[0].findings.filter((f) => f.category === 'security-agency' || f.category === 'classification-word')).toEqual([]);
  });

  it('an unknown option exits 2 with the usage', () => {
    const r = mishen('scan', join(dir, TRAPS), '--bogus');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--bogus');
    expect(r.stderr).toContain('用法');
    expect(r.stdout).toBe('');
  });

  it('a bad --format value and a missing file list exit 2 with the usage', () => {
    const bad = mishen('scan', join(dir, TRAPS), '--format', 'xml');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('用法');
    const none = mishen('scan');
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('用法');
  });

  it('a file that does not exist is reported as unreadable, the others still reviewed', () => {
    const missing = join(dir, 'missing.docx');
    const r = mishen('scan', missing, join(dir, TRAPS), '--format', 'json');
    expect(r.status).toBe(2);
    const { reports } = JSON.parse(r.stdout) as { reports: JsonReport[] };
    expect(reports).toHaveLength(2);
    expect(reports[0].error?.message).toContain('missing.docx');
    expect(reports[1].verdict).toBe('pass');
  });
});
