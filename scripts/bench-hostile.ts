// `npm run bench:hostile`: the command on hostile input, as a user runs it. Scans
// ../shared/realworld/hostile/files (403 third-party test files) and a 30 MB one-paragraph .docx made
// here, each as one `mishen scan --format json`, and prints wall time, peak memory (the sum over the
// command and its worker processes, sampled from /proc every 50 ms; Linux), whether every file got a
// report, and the slowest files. The last line is one JSON object. Figures only: nothing fails on time.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileReport } from '../shared/report';
import { oneParagraphDocx } from './bench/one-paragraph';

const GOALS = { paragraphSeconds: 30, paragraphPeakMB: 1024 } as const;
const REVIEWABLE = /\.(docx|docm|doc|pdf|txt)$/i;

const root = findProjectRoot();
const shared = resolve(root, '..', 'shared');
const hostile = join(shared, 'realworld/hostile/files');
const bin = join(root, 'bin/mishen.js');

interface Measured {
  readonly status: number | null;
  readonly stdout: string;
  readonly wallMs: number;
  /** Most memory the command and its workers held at one time (sum of resident sizes). */
  readonly peakMB: number | undefined;
}

/** Runs `mishen …`, sampling the resident memory of its whole process tree. */
function measure(args: readonly string[]): Promise<Measured> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  let peak: number | undefined;
  const sample = () => {
    const kb = treeResidentKb(child.pid!);
    if (kb !== undefined) peak = Math.max(peak ?? 0, kb);
  };
  const timer = setInterval(sample, 50);
  return new Promise((done) =>
    child.on('close', (status) => {
      clearInterval(timer);
      done({ status, stdout, wallMs: performance.now() - t0, peakMB: peak === undefined ? undefined : peak / 1024 });
    }),
  );
}

/** Sum of VmRSS over `pid` and its descendants, from /proc; undefined where there is no /proc. */
function treeResidentKb(pid: number): number | undefined {
  if (!existsSync('/proc/self/status')) return undefined;
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  for (const queue = [pid]; queue.length > 0; ) {
    const p = queue.pop()!;
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // ended
    }
    queue.push(...(children.get(p) ?? []));
  }
  return total;
}

const mb = (n: number | undefined) => (n === undefined ? '—（无 /proc）' : `${Math.round(n)} MB`);
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  console.log(`机器：${cpus().length} 核，负载 ${loadavg().map((l) => l.toFixed(2)).join(' ')}；Node ${process.version}`);

  // 1. The hostile folder.
  const files = readdirSync(hostile).filter((n) => REVIEWABLE.test(n));
  const run = await measure(['scan', hostile, '--format', 'json']);
  const reports = (JSON.parse(run.stdout) as { reports: FileReport[] }).reports;
  const reported = new Set(reports.map((r) => basename(r.file)));
  const missing = files.filter((f) => !reported.has(f));
  const counts: Record<string, number> = {};
  for (const r of reports) {
    const key = r.error ? `error:${r.error.code}` : r.verdict;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  const slowest = [...reports].sort((a, b) => (b.elapsedMs ?? 0) - (a.elapsedMs ?? 0)).slice(0, 5);
  console.log(`\n第三方测试文件（${hostile}）：${files.length} 个文件，${reports.length} 份报告${missing.length ? `，缺少：${missing.join('、')}` : '，每个文件都有报告'}`);
  console.log(`  总用时 ${s(run.wallMs)}，内存峰值 ${mb(run.peakMB)}（命令与工作进程合计），退出码 ${run.status}`);
  console.log(`  结论：${Object.entries(counts).map(([k, n]) => `${k} ${n}`).join('，')}`);
  console.log(`  最慢：${slowest.map((r) => `${basename(r.file)} ${s(r.elapsedMs ?? 0)}`).join('；')}`);

  // 2. One 30 MB paragraph, alone.
  const work = mkdtempSync(join(tmpdir(), 'mishen-bench-hostile-'));
  try {
    const docx = join(work, 'paragraph-30mb.docx');
    writeFileSync(docx, await oneParagraphDocx(join(shared, 'realworld/laws'), 30));
    const one = await measure(['scan', docx, '--format', 'json']);
    const [report] = (JSON.parse(one.stdout) as { reports: FileReport[] }).reports;
    const outcome = report.error ? `error:${report.error.code}` : `${report.verdict}，发现 ${report.findings.length} 处，警告 ${report.warnings.map((w) => w.code).join('、')}`;
    console.log(`\n30 MB 单段落 .docx：${outcome}`);
    console.log(`  总用时 ${s(one.wallMs)}（目标 < ${GOALS.paragraphSeconds} s），审查 ${s(report.elapsedMs ?? 0)}，内存峰值 ${mb(one.peakMB)}（目标 < ${GOALS.paragraphPeakMB} MB）`);
    console.log(
      JSON.stringify({
        hostileFiles: files.length,
        hostileReports: reports.length,
        hostileMissing: missing.length,
        hostileWallMs: Math.round(run.wallMs),
        hostilePeakMB: run.peakMB && Math.round(run.peakMB),
        hostileSlowest: basename(slowest[0].file),
        hostileSlowestMs: slowest[0].elapsedMs,
        paragraphWallMs: Math.round(one.wallMs),
        paragraphReviewMs: report.elapsedMs,
        paragraphPeakMB: one.peakMB && Math.round(one.peakMB),
      }),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function findProjectRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'bin/mishen.js'))) return dir;
    if (dirname(dir) === dir) throw new Error('找不到项目目录');
  }
}

await main();
