// The OCR benchmark (part of `npm run bench`): a 20-page scanned PDF made from real published text
// (../shared/realworld/gov), rendered at 150 dpi; prints the whole-file time with OCR beside the same
// file read without it (the raw extraction), the seconds of OCR per A4 page, and peak memory.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OcrEngine } from '../electron/ingest/ocr/ocr-engine';
import { readDocument } from '../electron/ingest/read-document';
import { buildScannedPdf } from './bench/scanned-pdf';

const PAGES = 20;
const LINES_PER_PAGE = 30;
const CHARS_PER_LINE = 32;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const gov = resolve(root, '../shared/realworld/gov');
const prose = readdirSync(gov)
  .filter((f) => f.endsWith('.txt'))
  .slice(0, 10)
  .map((f) => readFileSync(join(gov, f), 'utf8').replace(/\s+/g, ''))
  .join('');
const pages = Array.from({ length: PAGES }, (_, p) =>
  Array.from({ length: LINES_PER_PAGE }, (_, l) => {
    const at = ((p * LINES_PER_PAGE + l) * CHARS_PER_LINE) % (prose.length - CHARS_PER_LINE);
    return prose.slice(at, at + CHARS_PER_LINE);
  }),
);
const work = mkdtempSync(join(tmpdir(), 'mishen-bench-ocr-'));
const file = join(work, 'scanned-20p.pdf');
writeFileSync(file, buildScannedPdf(pages));

let peak = process.memoryUsage().rss;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const t0 = performance.now();
await readDocument(file, {});
const rawMs = performance.now() - t0;

const engine = new OcrEngine();
const t1 = performance.now();
await engine.ready();
const startMs = performance.now() - t1;
const perPage: number[] = [];
let last = performance.now();
const t2 = performance.now();
const outcome = await readDocument(file, {
  ocr: {
    engine,
    onProgress: () => {
      const now = performance.now();
      perPage.push(now - last);
      last = now;
    },
  },
});
const ocrMs = performance.now() - t2;
await engine.close();
clearInterval(sample);
rmSync(work, { recursive: true, force: true });

const chars = outcome.result.ok ? outcome.result.document.blocks.filter((b) => b.part === 'ocr').reduce((n, b) => n + b.text.replace(/\s/g, '').length, 0) : 0;
const sorted = [...perPage].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`OCR 基准：${PAGES} 页扫描 PDF（150 dpi，每页约 ${LINES_PER_PAGE * CHARS_PER_LINE} 字）`);
console.log(`  读取（不做 OCR，原始提取）          ${s(rawMs)}`);
console.log(`  OCR 引擎启动                        ${s(startMs)}`);
console.log(`  整个文件，含 OCR                     ${s(ocrMs)}（${outcome.result.ok ? '读取成功' : '读取失败'}，识别出 ${chars} 字，原文 ${PAGES * LINES_PER_PAGE * CHARS_PER_LINE} 字）`);
console.log(`  每页 OCR（A4，150 dpi，中位数）      ${s(median)}   最快 ${s(sorted[0] ?? 0)}   最慢 ${s(sorted[sorted.length - 1] ?? 0)}`);
console.log(`  峰值内存（本进程 RSS）               ${Math.round(peak / 1024 / 1024)} MB`);
console.log(JSON.stringify({ ocrPages: PAGES, ocrDpi: 150, ocrPageMs: Math.round(median), ocrStartMs: Math.round(startMs), scanned20Ms: Math.round(ocrMs), scanned20RawMs: Math.round(rawMs), ocrPeakRssMB: Math.round(peak / 1024 / 1024), ocrChars: chars }));
