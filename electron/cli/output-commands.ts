// Printable records: the review form of one document (export) and the monthly register.
// HTML is written as is; .pdf goes through the system's Chromium (pdf-printer.ts).
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { printHtmlToPdf } from '../forms/pdf-printer';
import { registerCsv, registerRows, renderRegisterHtml } from '../forms/register';
import { renderReviewForm } from '../forms/review-form';
import { CliError, parseArgs, UsageError } from './args';
import { ACTOR_OPTIONS, StdinLines, loginActor, withServices, type Globals } from './session';

async function writeHtmlOrPdf(html: string, outFile: string): Promise<void> {
  const ext = extname(outFile).toLowerCase();
  if (ext === '.html' || ext === '.htm') return writeFileSync(outFile, html, 'utf8');
  try {
    await printHtmlToPdf(html, outFile);
  } catch (e) {
    throw new CliError(`生成 PDF「${outFile}」失败：${(e as Error).message}`);
  }
}

export async function exportCommand(g: Globals, argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, { ...ACTOR_OPTIONS, out: 'value' });
  const [id] = args.expectPositionals('文稿编号');
  const outFile = args.require('out', '输出文件（.html 或 .pdf）');
  if (!/\.(html?|pdf)$/i.test(outFile)) throw new UsageError(`--out 应以 .html 或 .pdf 结尾：「${outFile}」`);
  return withServices(g, {}, async ({ records: s }) => {
    const detail = s.getDocument(await loginActor(s, g, args, new StdinLines()), id);
    const head = s.chainHead();
    await writeHtmlOrPdf(renderReviewForm(detail, { chainHead: head }), outFile);
    process.stdout.write(`已导出审查单：${outFile}${head ? `（审计链头 ${head.seq}:${head.hash}）` : ''}\n`);
    return 0;
  });
}

export async function registerCommand(g: Globals, argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, { ...ACTOR_OPTIONS, month: 'value', out: 'value' });
  args.expectPositionals();
  const month = args.require('month', '月份（YYYY-MM）');
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new UsageError(`--month 应为 YYYY-MM（如 2025-03），而不是「${month}」`);
  const outFile = args.require('out', '输出文件（.csv、.html 或 .pdf）');
  if (!/\.(csv|html?|pdf)$/i.test(outFile)) throw new UsageError(`--out 应以 .csv、.html 或 .pdf 结尾：「${outFile}」`);
  return withServices(g, {}, async ({ records: s }) => {
    const actor = await loginActor(s, g, args, new StdinLines());
    const details = s.listDocuments(actor).map((d) => s.getDocument(actor, d.id));
    const rows = registerRows(details, month);
    const head = s.chainHead();
    if (/\.csv$/i.test(outFile)) writeFileSync(outFile, registerCsv(rows, head), 'utf8');
    else await writeHtmlOrPdf(renderRegisterHtml(rows, month, head), outFile);
    process.stdout.write(`已导出 ${month} 登记簿（${rows.length} 项）：${outFile}\n`);
    return 0;
  });
}
