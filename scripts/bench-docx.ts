// `npm run bench:docx` (part of `npm run bench`): what reading a 100-page Word file costs a fresh
// process, side by side with mammoth's raw text extraction alone, on ../shared/perf/perf-100p.docx
// and on the bench's generated 100-page .docx. Each figure is the wall time of a whole process
// (start, load, read, exit), the median of several rounds taken in turn so that the machine's load
// falls on all three alike:
//   - mammoth: mammoth.extractRawText and nothing else (scripts/bench/mammoth-child.ts);
//   - read: Mishen's reader as a scan uses it, every part and the cross-check (scripts/bench/read-word-child.ts);
//   - scan: the whole `mishen scan --no-ocr --jobs 1 --format json` command (reads, segments, reviews).
// The goal is read ≤ 1.5 × mammoth. Prints figures; the last line is one JSON object.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { loadJiebaWords, makeProseSource, mulberry32, sentencesOf } from './bench/corpus';
import { buildDocx, makeDocxContent } from './bench/docx';

const ROUNDS = 5;
const GOAL_RATIO = 1.5;

const dist = dirname(fileURLToPath(import.meta.url));
const root = resolve(dist, '..');
const perfDocx = resolve(root, '..', 'shared', 'perf', 'perf-100p.docx');
const work = mkdtempSync(join(tmpdir(), 'mishen-bench-docx-'));

interface Figures {
  readonly mammothMs: number;
  readonly readMs: number;
  readonly scanMs: number;
  readonly readRatio: number;
  readonly scanRatio: number;
}

/** Runs one process to its end; its wall time in ms. Fails loudly if it did not do its work. */
function timed(args: readonly string[], check: (stdout: string) => void): number {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const elapsed = performance.now() - t0;
  if (run.error) throw run.error;
  // `mishen scan` exits 1 for a file that needs review; 2 or more is a failure.
  if (run.status === null || run.status > 1) throw new Error(`${args.join(' ')} 失败（退出码 ${run.status}）：${run.stderr}`);
  check(run.stdout);
  return elapsed;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const ms = (x: number): string => `${x.toFixed(0)} ms`;
const times = (x: number): string => `${x.toFixed(2)}×`;

function measure(file: string): Figures {
  const runs = { mammoth: [] as number[], read: [] as number[], scan: [] as number[] };
  let words: { mammoth?: number; read?: number; blocks?: number } = {};
  for (let round = 0; round < ROUNDS; round++) {
    runs.mammoth.push(timed([join(dist, 'bench-docx-mammoth.mjs'), file], (out) => (words.mammoth = JSON.parse(out).chars)));
    runs.read.push(
      timed([join(dist, 'bench-docx-read.mjs'), file], (out) => {
        const r = JSON.parse(out) as { blocks: number; chars: number };
        words = { ...words, read: r.chars, blocks: r.blocks };
      }),
    );
    runs.scan.push(
      timed([join(dist, 'cli.mjs'), 'scan', '--no-ocr', '--jobs', '1', '--format', 'json', file], (out) => {
        const report = (JSON.parse(out) as { reports: { error?: { message: string } }[] }).reports[0];
        if (!report || report.error) throw new Error(`扫描失败 ${file}：${report?.error?.message}`);
      }),
    );
  }
  const mammothMs = median(runs.mammoth);
  const readMs = median(runs.read);
  const scanMs = median(runs.scan);
  const figures = { mammothMs, readMs, scanMs, readRatio: readMs / mammothMs, scanRatio: scanMs / mammothMs };
  const kib = (statSync(file).size / 1024).toFixed(0);
  console.log(`${basename(file)}（${kib} KiB；mammoth 读出 ${words.mammoth?.toLocaleString('en')} 字符，密审 ${words.blocks?.toLocaleString('en')} 块 ${words.read?.toLocaleString('en')} 字符）`);
  console.log(`  mammoth 提取纯文本 alone (whole process): ${ms(mammothMs)}  (runs ${runs.mammoth.map(ms).join(' / ')})`);
  const met = figures.readRatio <= GOAL_RATIO ? '✓ 达标 met' : '✗ 未达标 missed';
  console.log(`  密审读取 Mishen reader (whole process): ${ms(readMs)} = ${times(figures.readRatio)} mammoth  goal ≤ ${times(GOAL_RATIO)}  ${met}  (runs ${runs.read.map(ms).join(' / ')})`);
  console.log(`  mishen scan --no-ocr (whole command, segmenter and review included): ${ms(scanMs)} = ${times(figures.scanRatio)} mammoth  (runs ${runs.scan.map(ms).join(' / ')})`);
  return figures;
}

/** The bench's 100-page document (scripts/bench/docx.ts), from the same prose `npm run bench` uses. */
async function generatedDocx(): Promise<string> {
  const rand = mulberry32(0x646f6378); // "docx"
  const paragraphs = existsSync(perfDocx) ? (await mammoth.extractRawText({ path: perfDocx })).value.split('\n') : undefined;
  const words = paragraphs ? [] : loadJiebaWords(join(root, 'node_modules/nodejieba/submodules/cppjieba/dict/jieba.dict.utf8'));
  const { content } = makeDocxContent(rand, sentencesOf(makeProseSource(rand, paragraphs, words)));
  const file = join(work, 'bench-100p.docx');
  writeFileSync(file, await buildDocx(content));
  return file;
}

try {
  console.log(`密审 Word 读取基准 — Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}；每项 ${ROUNDS} 轮取中位数`);
  const result: Record<string, Figures> = {};
  if (existsSync(perfDocx)) result.perfDocx = measure(perfDocx);
  else console.log(`真实文档 ${perfDocx}: 不存在，跳过 (absent, skipped)`);
  result.generatedDocx = measure(await generatedDocx());
  console.log(JSON.stringify(result));
} finally {
  rmSync(work, { recursive: true, force: true });
}
