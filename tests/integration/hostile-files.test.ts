// Hostile and broken inputs through the real command, each made here: a 30 MB one-paragraph .docx,
// a flate-bomb PDF, a FIFO, a symlink to /dev/zero, a folder holding only a symlink, a 0-byte file,
// a PDF whose font pdfjs cannot decode. None may hang the batch, take the memory, or pass.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileReport } from '../../shared/report';
import { oneParagraphDocx } from '../../scripts/bench/one-paragraph';
import { CID_FONT_WITHOUT_DESCRIPTOR, flateBombPdf, onePagePdf, ucs2Hex } from '../support/make-pdf';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shared = resolve(projectRoot, '../shared');
const bin = join(projectRoot, 'bin/mishen.js');
const CLASSIFIED = join(shared, 'corpus/02-classified-marking.docx');
const onUnix = process.platform !== 'win32';

function mishen(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: projectRoot, encoding: 'utf8', timeout: 300_000, maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const reportsOf = (stdout: string): FileReport[] => (JSON.parse(stdout) as { reports: FileReport[] }).reports;

let dir: string;
const at = (name: string) => join(dir, name);

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: projectRoot, stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'mishen-hostile-'));
  writeFileSync(at('paragraph.docx'), await oneParagraphDocx(join(shared, 'realworld/laws'), 30));
  writeFileSync(at('bomb.pdf'), flateBombPdf(2048));
  writeFileSync(at('garbled.pdf'), onePagePdf(CID_FONT_WITHOUT_DESCRIPTOR, `BT /F1 14 Tf 72 700 Td ${ucs2Hex('机密★5年 关于全省城市供水应急保障情况的报告')} Tj ET`));
  writeFileSync(at('empty.txt'), '');
  if (onUnix) {
    execFileSync('mkfifo', [at('pipe.txt')]);
    symlinkSync('/dev/zero', at('zero.pdf'));
  }
  mkdirSync(at('links'));
  symlinkSync(CLASSIFIED, at('links/绝密文件.docx'));
  mkdirSync(at('nothing'));
  writeFileSync(at('nothing/readme.md'), '不是可审查的文件');
  mkdirSync(at('loop'));
  writeFileSync(at('loop/通知.txt'), '关于开展安全检查的通知');
  symlinkSync('.', at('loop/again'));
  symlinkSync(at('missing.docx'), at('loop/断开.docx'));
  writeFileSync(at('--odd-name.txt'), '关于开展安全检查的通知');
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a batch of hostile files', () => {
  it.skipIf(!onUnix)('reports every file, in order, with what is wrong, and reviews the rest', () => {
    const files = ['pipe.txt', 'zero.pdf', 'empty.txt', 'bomb.pdf', 'garbled.pdf', 'links', 'nothing'].map(at);
    const r = mishen('scan', ...files, CLASSIFIED, '--format', 'json');
    expect(r.status, r.stderr).toBe(2);
    const reports = reportsOf(r.stdout);
    expect(reports.map((x) => x.file)).toEqual([...files.slice(0, 5), at('links/绝密文件.docx'), at('nothing'), CLASSIFIED]);
    const [pipe, zero, empty, bomb, garbled, link, nothing, classified] = reports;
    expect(pipe.error).toEqual({ code: 'unreadable', message: '无法读取「pipe.txt」：这是一个命名管道（FIFO），不是普通文件，不予读取。' });
    expect(zero.error).toEqual({ code: 'unreadable', message: '无法读取「zero.pdf」：这是一个设备文件（如 /dev/zero），不是普通文件，不予读取。' });
    expect(empty.error).toEqual({ code: 'unreadable', message: '无法读取「empty.txt」：文件为空（0 字节）。' });
    expect(bomb.error?.code).toBe('too-large');
    expect(bomb.error?.message).toContain('可能是“压缩炸弹”');
    // The font's text cannot be read: no finding, but never a pass.
    expect(garbled.error).toBeUndefined();
    expect(garbled.verdict).toBe('review');
    expect(garbled.warnings).toEqual([{ code: 'garbled-text', page: 1, message: '第1页文字无法正确提取，须人工核对或 OCR。' }]);
    // A folder of one symlink: the linked file is reviewed, not silently skipped.
    expect(link.verdict).toBe('block');
    expect(link.findings.some((f) => f.match.includes('机密★5年'))).toBe(true);
    expect(nothing.error).toEqual({ code: 'unreadable', message: `文件夹「${at('nothing')}」中没有可审查的文件（.docx、.doc、.wps、.pdf、.ofd、.xlsx、.txt 和图片（.png、.jpg、.tif）），未审查任何内容。` });
    for (const unread of [pipe, zero, empty, bomb, nothing]) expect(unread.verdict).toBe('review');
    expect(classified.verdict).toBe('block');
  });

  it('follows a folder symlink once, notes the loop, and reports a broken link', () => {
    const r = mishen('scan', at('loop'), '--format', 'json');
    expect(r.status).toBe(2);
    const reports = reportsOf(r.stdout);
    expect(reports.map((x) => x.file)).toEqual([at('loop/断开.docx'), at('loop/通知.txt')]);
    expect(reports[0].error).toEqual({ code: 'unreadable', message: '无法读取符号链接「断开.docx」指向的文件：文件不存在。' });
    expect(r.stderr).toContain(`已跳过「${at('loop/again')}」：它与已审查的文件夹「${at('loop')}」是同一个文件夹`);
  });

  it('takes everything after -- as a file', () => {
    const r = mishen('scan', '--format', 'jsonl', '--', at('--odd-name.txt'));
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).file).toBe(at('--odd-name.txt'));
  });
});

describe('a 30 MB paragraph', () => {
  it('is reviewed whole, cut into blocks with a warning that keeps it from passing', () => {
    const r = mishen('scan', at('paragraph.docx'), '--format', 'json');
    const [report] = reportsOf(r.stdout);
    expect(report.error).toBeUndefined();
    expect(report.findings.length).toBeGreaterThan(1000);
    expect(report.warnings).toEqual([
      expect.objectContaining({ code: 'long-block', message: expect.stringMatching(/^「paragraph\.docx」中有超长段落：正文第1段有 \d{8} 字，超过每段 10000 字的上限/) }),
    ]);
    expect(report.verdict).not.toBe('pass');
  });

  it('is stopped as timeout, or as too-large over a small memory budget, while the next file is still reviewed', () => {
    const timed = mishen('scan', at('paragraph.docx'), CLASSIFIED, '--timeout', '1', '--format', 'jsonl');
    expect(timed.status, timed.stderr).toBe(2);
    const [stopped, next] = timed.stdout.trim().split('\n').map((line) => JSON.parse(line) as FileReport);
    expect(stopped.error).toEqual({ code: 'timeout', message: '无法读取「paragraph.docx」：1 秒内未能审查完，已停止（文件可能异常或过于复杂）。' });
    expect(stopped.verdict).toBe('review');
    expect(next.verdict).toBe('block');

    const starved = mishen('scan', at('paragraph.docx'), CLASSIFIED, '--memory', '32', '--format', 'jsonl');
    expect(starved.status, starved.stderr).toBe(2);
    const [tooLarge, after] = starved.stdout.trim().split('\n').map((line) => JSON.parse(line) as FileReport);
    expect(tooLarge.error).toEqual({ code: 'too-large', message: '无法读取「paragraph.docx」：审查所需内存超过 32 MB 的上限，已停止（文件可能异常或过于复杂）。' });
    expect(after.verdict).toBe('block');
  });
});

describe('streamed JSON', () => {
  it('writes each report as soon as it is done, and the whole is the documented envelope', async () => {
    const child = spawn(process.execPath, [bin, 'scan', CLASSIFIED, at('paragraph.docx'), '--format', 'json'], { cwd: projectRoot });
    let stdout = '';
    let exited = false;
    let firstSeenBeforeExit: boolean | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (firstSeenBeforeExit === undefined && stdout.includes('"file"')) firstSeenBeforeExit = !exited;
    });
    await new Promise<void>((done) => child.on('exit', () => ((exited = true), done())));
    await new Promise((done) => setImmediate(done));
    expect(firstSeenBeforeExit).toBe(true);
    const reports = reportsOf(stdout);
    expect(reports.map((x) => x.file)).toEqual([CLASSIFIED, at('paragraph.docx')]);
    // Exactly what writing the envelope at once would have given.
    expect(stdout).toBe(JSON.stringify({ reports }, null, 2) + '\n');
  });

  it('writes one report per line with --format jsonl', () => {
    const r = mishen('scan', CLASSIFIED, at('empty.txt'), '--format', 'jsonl');
    expect(r.stdout.trim().split('\n').map((line) => (JSON.parse(line) as FileReport).file)).toEqual([CLASSIFIED, at('empty.txt')]);
  });
});
