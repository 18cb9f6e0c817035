// `npm run bench`: speed and memory figures for the matcher, the dictionary build and the end-to-end
// review of 100-page Word and PDF files. Prints figures with their goals; the last line is one JSON
// object. Figures only: nothing here fails on time — only on inputs that do not come out right.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { compileDictionary, type CompiledDictionary } from '../shared/dictionary/compile';
import type { DictionarySet } from '../shared/dictionary/types';
import { TermAutomaton } from '../shared/match/term-automaton';
import type { FileReport } from '../shared/report';
import { readPdf } from '../electron/ingest/pdf';
import { loadDictionarySet } from '../electron/dictionary/dictionary-files';
import { createScanKit } from '../electron/scan/scan-kit';
import { canonicalHash } from '../electron/dictionary/canonical-hash';
import { scanFile, type ScanKit } from '../electron/scan/scan-file';
import { jiebaSegmenter, warmSegmenter } from '../electron/segment/jieba-segmenter';
import {
  loadJiebaWords,
  makeBigText,
  makeDictionarySet,
  makeProseSource,
  makeTerms,
  mulberry32,
  pick,
  randInt,
  sentencesOf,
  toFullWidth,
  toTraditional,
  withInnerSpace,
  type Rand,
} from './bench/corpus';
import { buildDocx, makeDocxContent } from './bench/docx';
import { makeIdNumber, makeMobile } from './bench/ids';
import { buildPdf, type PdfPage } from './bench/pdf';

const TERM_COUNT = 100_000;
const TEXT_CHARS = 10_000_000;
const PDF_PAGES = 100;
const PDF_LINES = 35;
const PDF_LINE_CHARS = 32;
const ID_EVERY = 97;

const GOALS = {
  matcherCharsPerSec: 30e6,
  buildMs: 1000,
  peakRssMB: 400,
  docx100Ms: 1500,
} as const;

const started = performance.now();
const root = findProjectRoot();
const perfDir = resolve(root, '..', 'shared', 'perf');
const jiebaDict = join(root, 'node_modules/nodejieba/submodules/cppjieba/dict/jieba.dict.utf8');
const work = process.argv[2] === '--review-child' ? '' : mkdtempSync(join(tmpdir(), 'mishen-bench-'));
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

async function main(): Promise<void> {
  log(`密审 Mishen 基准测试 — Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}，临时目录 ${work}`);
  log('（时间受机器上其他进程影响：负载高时数字偏慢 — timings are slower when the machine is busy）');
  if (!(globalThis as { gc?: unknown }).gc) log('（提示：未用 --expose-gc 运行，各阶段之间不做垃圾回收）');

  // The segmenter first, once: every document time below is "once the segmenter is loaded".
  phase('start');
  const segmenterLoadMs = warmSegmenter();
  const segmenterRssMB = phase('segmenter loaded').rssMB - phases[0].rssMB;
  log(`分词器加载 segmenter load: ${ms(segmenterLoadMs)}  (RSS +${mb(segmenterRssMB)})`);

  // ---- inputs --------------------------------------------------------------------------------
  const rand = mulberry32(0x6d697368); // "mish"
  let words = loadJiebaWords(jiebaDict);
  const perfDocx = join(perfDir, 'perf-100p.docx');
  const perfPdf = join(perfDir, 'perf-100p.pdf');
  const docParagraphs = existsSync(perfDocx) ? (await mammoth.extractRawText({ path: perfDocx })).value.split('\n') : undefined;
  const prose = makeProseSource(rand, docParagraphs, words);
  log(`散文来源 prose source: ${docParagraphs ? `${prose.length} paragraphs of ${perfDocx}` : `${prose.length} paragraphs assembled from jieba words`}`);
  const terms = makeTerms(rand, words, TERM_COUNT);
  const set = makeDictionarySet(rand, terms);
  log(`词库 dictionary: ${terms.length} distinct terms (${words.length} jieba words available)`);
  words = [];
  phase('inputs generated');

  const m = benchDictionaryAndMatcher(rand, set, terms, prose);
  const { buildMs, automatonBuildMs, matcherCharsPerSec, matcherMedian, matcherHits, textChars } = m;

  // ---- documents -----------------------------------------------------------------------------
  const sentences = sentencesOf(prose);
  const docx = makeDocxContent(rand, sentences);
  const docxPath = join(work, 'bench-100p.docx');
  writeFileSync(docxPath, await buildDocx(docx.content));
  const pdf = makePdfPages(rand, sentences);
  const pdfPath = join(work, 'bench-100p.pdf');
  const pdfBytes = buildPdf(pdf.pages, '基准测试 100 页 PDF');
  writeFileSync(pdfPath, pdfBytes);
  const docxChars = docx.content.paragraphs.reduce((n, p) => n + p.length, 0);
  const pdfChars = pdf.pages.reduce((n, p) => n + p.lines.reduce((m, l) => m + l.length, 0), 0);
  log(`生成 generated: .docx ${docx.content.paragraphs.length} paragraphs, ${docxChars.toLocaleString('en')} chars, ${docx.ids.length} ID numbers; ` +
      `.pdf ${pdf.pages.length} pages, ${pdfChars.toLocaleString('en')} chars, ${pdf.ids.length} ID numbers, ${(pdfBytes.length / 1024).toFixed(0)} KiB`);
  phase('documents written');
  await checkPdfText(pdfBytes, pdf.pages);

  const kit = createScanKit();
  const docxFirst = await scanFile(docxPath, kit); // untimed warm-up
  const docxIdsFound = assertIds('.docx', docxFirst, docx.ids);
  const pdfFirst = await scanFile(pdfPath, kit);
  const pdfIdsFound = assertIds('.pdf', pdfFirst, pdf.ids);
  log(`  检出 found: .docx ${docxFirst.findings.length} findings (verdict ${docxFirst.verdict}); .pdf ${pdfFirst.findings.length} findings (verdict ${pdfFirst.verdict})`);

  const docx100Ms = await timeScans(docxPath, kit, 5);
  goalLine('100 页 .docx 端到端 end to end (median of 5, segmenter loaded)', docx100Ms.median, GOALS.docx100Ms, '<=', ms, `runs ${docx100Ms.runs.map(ms).join(' / ')}`);
  const pdf100Ms = await timeScans(pdfPath, kit, 5);
  log(`100 页 .pdf 端到端 end to end (median of 5): ${ms(pdf100Ms.median)}  (runs ${pdf100Ms.runs.map(ms).join(' / ')}; no goal set)`);
  phase('generated documents reviewed');

  // The same .docx against the starter dictionaries plus the 100,000 terms.
  const bigSet = mergeSets(loadDictionarySet(), set);
  const t0 = performance.now();
  const bigDict = compileDictionary(bigSet);
  const bigKit: ScanKit = { dictionary: bigDict, dictionaryHash: canonicalHash(bigSet), segment: jiebaSegmenter };
  const bigSetupMs = performance.now() - t0;
  await scanFile(docxPath, bigKit);
  const docxBig = await timeScans(docxPath, bigKit, 3);
  phase('starter + 100k terms review');
  log(`100 页 .docx with starter + 100k terms (median of 3): ${ms(docxBig.median)}  (scan kit setup ${ms(bigSetupMs)}, runs ${docxBig.runs.map(ms).join(' / ')})`);

  let perfDocxMs: number | null = null;
  let perfPdfMs: number | null = null;
  for (const [path, label] of [
    [perfDocx, 'docx'],
    [perfPdf, 'pdf'],
  ] as const) {
    if (!existsSync(path)) {
      log(`真实文档 real document ${path}: 不存在，跳过 (absent, skipped)`);
      continue;
    }
    const warm = await scanFile(path, kit);
    if (warm.error) throw new Error(`无法读取 ${path}：${warm.error.message}`);
    const timed = await timeScans(path, kit, 5);
    if (label === 'docx') perfDocxMs = timed.median;
    else perfPdfMs = timed.median;
    const goal = label === 'docx' ? `  goal ≤ ${ms(GOALS.docx100Ms)} ${timed.median <= GOALS.docx100Ms ? '✓ 达标 met' : '✗ 未达标 missed'}` : '';
    log(`真实文档 real ${path.split('/').pop()} (median of 5): ${ms(timed.median)}${goal}  (runs ${timed.runs.map(ms).join(' / ')}; ${warm.findings.length} findings)`);
  }

  // ---- memory --------------------------------------------------------------------------------
  phase('real documents reviewed');
  const child = reviewInChild(set, [docxPath, pdfPath]);
  log(
    `峰值内存（单独进程：分词器 + 内置词库与 10 万词 + 审查两份 100 页文档）review-only process peak RSS: ${mb(child.maxRssMB)}  ` +
      `goal ≤ ${mb(GOALS.peakRssMB)}  ${child.maxRssMB <= GOALS.peakRssMB ? '✓ 达标 met' : '✗ 未达标 missed'}  ` +
      `(after segmenter ${mb(child.rssAfterSegmenterMB)}, after dictionary ${mb(child.rssAfterDictionaryMB)}, ${child.terms} terms)`,
  );
  log('内存分阶段 memory by phase (RSS now / peak so far):');
  for (const p of phases) log(`  ${p.name.padEnd(32)} ${mb(p.rssMB).padStart(9)} / ${mb(p.maxRssMB).padStart(9)}`);
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  const heapUsedMB = process.memoryUsage().heapUsed / 1024 / 1024;
  goalLine('峰值内存 peak RSS', peakRssMB, GOALS.peakRssMB, '<=', mb, `heapUsed now ${mb(heapUsedMB)}`);
  const totalMs = performance.now() - started;
  log(`总耗时 total: ${(totalMs / 1000).toFixed(1)} s; load average now ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);

  const round = (x: number | null, d = 1): number | null => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);
  console.log(
    JSON.stringify({
      matcherCharsPerSec: Math.round(matcherCharsPerSec),
      matcherCharsPerSecMedian: Math.round(matcherMedian),
      matcherHits,
      buildMs: round(buildMs),
      automatonBuildMs: round(automatonBuildMs),
      peakRssMB: round(peakRssMB),
      reviewPeakRssMB: round(child.maxRssMB),
      heapUsedMB: round(heapUsedMB),
      docx100Ms: round(docx100Ms.median),
      pdf100Ms: round(pdf100Ms.median),
      docx100BigDictMs: round(docxBig.median),
      perfDocxMs: round(perfDocxMs),
      perfPdfMs: round(perfPdfMs),
      segmenterLoadMs: round(segmenterLoadMs),
      segmenterRssMB: round(segmenterRssMB),
      terms: terms.length,
      textChars,
      docxIdsFound,
      pdfIdsFound,
      totalMs: Math.round(totalMs),
    }),
  );
}

/** Dictionary build and matcher figures; everything large it makes is garbage once it returns. */
function benchDictionaryAndMatcher(rand: Rand, set: DictionarySet, terms: readonly string[], prose: readonly string[]) {
  // ---- dictionary build ------------------------------------------------------------------------
  const buildTimes: number[] = [];
  let compiled: CompiledDictionary | undefined;
  for (let i = 0; i < 3; i++) {
    compiled = undefined;
    gc();
    const t0 = performance.now();
    compiled = compileDictionary(set);
    buildTimes.push(performance.now() - t0);
  }
  const dict = compiled!;
  const automatonTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    gc();
    const t0 = performance.now();
    TermAutomaton.build(dict.normalizedTerms);
    automatonTimes.push(performance.now() - t0);
  }
  phase('dictionary built (3 + 3 times)');
  const buildMs = median(buildTimes);
  const automatonBuildMs = median(automatonTimes);
  goalLine('词库编译 build (compileDictionary, 100k terms, median of 3)', buildMs, GOALS.buildMs, '<=', ms, `runs ${buildTimes.map(ms).join(' / ')}`);
  log(`  其中自动机 automaton only (TermAutomaton.build, median of 3): ${ms(automatonBuildMs)}; states ${dict.termAutomaton.stateCount}`);

  // ---- matcher -------------------------------------------------------------------------------
  const normChecked = checkNormalisation(rand, dict);
  log(`规范化抽查 normalisation spot check: ${normChecked.found}/${normChecked.tried} disguised terms found (traditional, full width, spaced)`);
  if (normChecked.found < normChecked.tried) throw new Error(`规范化匹配抽查失败：${normChecked.tried} 个变体中只找到 ${normChecked.found} 个`);

  let { text, planted } = makeBigText(rand, prose, terms, TEXT_CHARS);
  const textChars = text.length;
  phase('10M text generated');
  log(`文本 text: ${textChars.toLocaleString('en')} characters, ${planted} disguised terms planted`);
  const scanRates: number[] = [];
  let matcherHits = 0;
  for (let i = 0; i < 3; i++) {
    gc();
    let hits = 0;
    const t0 = performance.now();
    dict.termAutomaton.scanOriginal(text, () => {
      hits++;
    });
    const seconds = (performance.now() - t0) / 1000;
    scanRates.push(textChars / seconds);
    matcherHits = hits;
  }
  phase('matcher runs');
  text = '';
  gc();
  const matcherCharsPerSec = Math.max(...scanRates);
  const matcherMedian = median(scanRates);
  goalLine('匹配速度 matcher (scanOriginal, normalisation on, best of 3)', matcherCharsPerSec, GOALS.matcherCharsPerSec, '>=', mcps, `median ${mcps(matcherMedian)}; ${matcherHits.toLocaleString('en')} hits`);
  return { buildMs, automatonBuildMs, matcherCharsPerSec, matcherMedian, matcherHits, textChars };
}

// ---- helpers -----------------------------------------------------------------------------------

function findProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'dictionaries'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

interface Phase {
  readonly name: string;
  readonly rssMB: number;
  readonly maxRssMB: number;
}
const phases: Phase[] = [];

/** Records the resident set now and the peak so far, after a phase (and a garbage collection). */
function phase(name: string): Phase {
  gc();
  const p = { name, rssMB: process.memoryUsage().rss / 1024 / 1024, maxRssMB: process.resourceUsage().maxRSS / 1024 };
  phases.push(p);
  return p;
}

function log(line: string): void {
  console.log(line);
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const ms = (x: number): string => `${x.toFixed(x < 100 ? 1 : 0)} ms`;
const mb = (x: number): string => `${x.toFixed(1)} MB`;
const mcps = (x: number): string => `${(x / 1e6).toFixed(1)} M chars/s`;

function goalLine(label: string, value: number, goal: number, dir: '<=' | '>=', fmt: (x: number) => string, extra = ''): void {
  const met = dir === '<=' ? value <= goal : value >= goal;
  log(`${label}: ${fmt(value)}  goal ${dir === '<=' ? '≤' : '≥'} ${fmt(goal)}  ${met ? '✓ 达标 met' : '✗ 未达标 missed'}${extra ? `  (${extra})` : ''}`);
}

async function timeScans(path: string, kit: ScanKit, runs: number): Promise<{ median: number; runs: number[] }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const t0 = performance.now();
    const report = await scanFile(path, kit);
    times.push(performance.now() - t0);
    if (report.error) throw new Error(`扫描失败 ${path}：${report.error.message}`);
  }
  return { median: median(times), runs: times };
}

/** A handful of disguised dictionary terms, each scanned alone: the matcher must still find them. */
function checkNormalisation(rand: Rand, dict: CompiledDictionary): { tried: number; found: number } {
  const forms: Array<[number, string]> = [];
  for (let i = 0; forms.length < 30 && i < 100_000; i++) {
    const k = randInt(rand, 0, dict.terms.length - 1);
    const term = dict.terms[k].term;
    const variant = forms.length % 3 === 0 ? toTraditional(term) : forms.length % 3 === 1 ? toFullWidth(term) : withInnerSpace(rand, term);
    if (variant !== term) forms.push([k, variant]);
  }
  let found = 0;
  for (const [k, variant] of forms) {
    let hit = false;
    dict.termAutomaton.scanOriginal(`前文${variant}后文`, (_s, _e, t) => {
      if (dict.normalizedTerms[t] === dict.normalizedTerms[k]) hit = true;
    });
    if (hit) found++;
  }
  return { tried: forms.length, found };
}

/** ~115,000 characters in 2,100 paragraphs, a mobile and an ID number in every 97th paragraph. */
/** 100 pages of 35 lines of 32 characters; every 97th line a mobile and an ID number. */
function makePdfPages(rand: Rand, sentences: readonly string[]): { pages: PdfPage[]; ids: string[] } {
  const pages: PdfPage[] = [];
  const ids: string[] = [];
  let stream = '';
  let lineNo = 0;
  for (let p = 0; p < PDF_PAGES; p++) {
    const lines: string[] = [];
    for (let l = 0; l < PDF_LINES; l++, lineNo++) {
      if (lineNo % ID_EVERY === ID_EVERY - 1) {
        const id = makeIdNumber(rand);
        ids.push(id);
        lines.push(`联系电话：${makeMobile(rand)}，身份证号：${id}。`);
        continue;
      }
      while (stream.length < PDF_LINE_CHARS) stream += pick(rand, sentences);
      lines.push(stream.slice(0, PDF_LINE_CHARS));
      stream = stream.slice(PDF_LINE_CHARS);
    }
    pages.push({ lines });
  }
  return { pages, ids };
}

/** pdfjs must give back the text of the first and the last page. */
async function checkPdfText(bytes: Buffer, pages: readonly PdfPage[]): Promise<void> {
  const result = await readPdf(new Uint8Array(bytes), 'bench-100p.pdf');
  if (!result.ok) throw new Error(`生成的 PDF 无法读取：${result.error.message}`);
  const squash = (s: string): string => s.replace(/\s+/g, '');
  for (const n of [1, pages.length]) {
    const block = result.document.blocks.find((b) => b.part === 'body' && b.page === n);
    const got = squash(block?.text ?? '');
    const want = pages[n - 1].lines.map(squash);
    const missing = want.filter((line) => !got.includes(line));
    if (missing.length > 0) {
      throw new Error(`生成的 PDF 第 ${n} 页文字提取不符：缺少 ${missing.length} 行，例如「${missing[0]}」；提取到「${got.slice(0, 60)}…」`);
    }
  }
  log(`  PDF 文字校验 text check: pages 1 and ${pages.length} extracted intact by pdfjs (${result.document.pageCount} pages, ${result.document.warnings.length} warnings)`);
}

/** How many planted ID numbers the review reported; throws when none. */
function assertIds(label: string, report: FileReport, ids: readonly string[]): number {
  if (report.error) throw new Error(`${label} 无法读取：${report.error.message}`);
  const reported = new Set(report.findings.filter((f) => f.kind === 'id-card').map((f) => f.match.replace(/[\s-]/g, '').toUpperCase()));
  const found = ids.filter((id) => reported.has(id)).length;
  log(`  身份证号检出 ID numbers ${label}: ${found}/${ids.length}`);
  if (found === 0) throw new Error(`${label}：植入的 ${ids.length} 个身份证号一个也没有检出`);
  return found;
}

interface ChildFigures {
  readonly maxRssMB: number;
  readonly rssAfterSegmenterMB: number;
  readonly rssAfterDictionaryMB: number;
  readonly terms: number;
}

function reviewInChild(set: DictionarySet, files: readonly string[]): ChildFigures {
  const csv = join(work, 'bench-dictionary.csv');
  const rows = ['term,category,severity,note,boundary'];
  for (const e of set.entries) if (e.type === 'term') rows.push(`${e.term},${e.category},${e.severity},${e.note},${e.boundary}`);
  writeFileSync(csv, `${rows.join('\n')}\n`);
  const out = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--review-child', csv, ...files], { encoding: 'utf8' });
  const last = out.stdout.trim().split('\n').pop() ?? '';
  if (out.status !== 0 || !last.startsWith('{')) throw new Error(`测内存的子进程失败（${out.status}）：${out.stderr.slice(0, 500)}`);
  return JSON.parse(last) as ChildFigures;
}

function mergeSets(a: DictionarySet, b: DictionarySet): DictionarySet {
  return {
    entries: [...a.entries, ...b.entries],
    allow: [...a.allow, ...b.allow],
    contextRules: [...a.contextRules, ...b.contextRules],
    aggregationRules: [...a.aggregationRules, ...b.aggregationRules],
    sources: [...a.sources, ...b.sources],
  };
}

/**
 * Child process: only what the tool itself does — load the segmenter, compile the starter dictionaries
 * plus the 100,000 terms from a CSV file, review both documents — and report its peak memory, free of
 * the bench's own generators and of earlier phases.
 */
async function reviewChild(csv: string, files: readonly string[]): Promise<void> {
  warmSegmenter();
  const rssAfterSegmenterMB = process.memoryUsage().rss / 1024 / 1024;
  const kit = createScanKit([csv]);
  const rssAfterDictionaryMB = process.memoryUsage().rss / 1024 / 1024;
  const findings: number[] = [];
  for (const file of files) {
    const report = await scanFile(file, kit);
    if (report.error) throw new Error(report.error.message);
    findings.push(report.findings.length);
  }
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ maxRssMB, rssAfterSegmenterMB, rssAfterDictionaryMB, terms: kit.dictionary.terms.length, findings }));
}

// Last, so that every constant above is initialised before main runs.
try {
  if (process.argv[2] === '--review-child') await reviewChild(process.argv[3], process.argv.slice(4));
  else await main();
} finally {
  if (process.argv[2] !== '--review-child') rmSync(work, { recursive: true, force: true });
}
