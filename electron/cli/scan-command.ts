// `mishen [--db FILE] scan FILE|DIR... [--dict FILE|DIR]... [--format json|jsonl|text] [--jobs N] [--timeout S] [--memory MB] [--no-ocr] [--ocr-pages N] [--] ...`
// JSON output and exit status follow ../shared/corpus/README.md: 0 all pass, 1 any review or
// block, 2 any file unreadable (the other files are still reported) or a review that could not be
// recorded. Each file is reviewed in a worker with a time and memory budget (scan-pool.ts), and
// each report is written as soon as it and those before it are done, so a batch never ends with
// nothing. With --db each scan, and its audit entry, is recorded in that database; without it
// nothing is written anywhere.
import { availableParallelism } from 'node:os';
import { exitCodeOf, type FileReport } from '../../shared/report';
import { scanKitSpec, type ScanKitOptions, type ScanKitSpec } from '../scan/scan-kit';
import { failedReport } from '../scan/scan-file';
import { DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_SECONDS, ScanPool } from '../scan/scan-pool';
import { describeDatabaseError } from '../services/database-file';
import type { Services } from '../services/open-services';
import { parseArgs, UsageError, type ParsedArgs } from './args';
import { expandInputs } from './expand-inputs';
import { ocrProgressPrinter } from './ocr-progress';
import { formatReportText } from './format-text';
import { openCliServices, type Globals } from './session';

const FORMATS = ['json', 'jsonl', 'text'] as const;
type Format = (typeof FORMATS)[number];

export async function scanCommand(g: Globals, argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, { dict: 'list', format: 'value', jobs: 'value', timeout: 'value', memory: 'value', 'no-ocr': 'flag', 'ocr-pages': 'value' });
  if (args.positionals.length === 0) throw new UsageError('请指定要审查的文件或目录');
  const format = args.oneOf('format', FORMATS) ?? 'text';
  // One core is left to the rest of the machine (the window, the user's other work); each worker costs about 100 MB.
  const jobs = positiveInteger(args, 'jobs') ?? Math.max(1, Math.min(4, availableParallelism() - 1));
  const timeoutSeconds = positiveInteger(args, 'timeout') ?? DEFAULT_TIMEOUT_SECONDS;
  const memoryMb = positiveInteger(args, 'memory') ?? DEFAULT_MEMORY_MB;
  const options: ScanKitOptions = { ocr: !args.flag('no-ocr'), ocrPages: positiveInteger(args, 'ocr-pages') };
  // Opened before scanning, so that a database that cannot be used stops the run at once. With a
  // database the scan uses its active dictionary version (what the security officer maintains);
  // the workers review, the services only record.
  const services = g.db ? openCliServices(g, { mode: 'create', dicts: args.list('dict'), scan: options }) : undefined;
  let spec: ScanKitSpec;
  let dictionaryVersion = '';
  try {
    if (services) ({ spec, version: dictionaryVersion } = services.scanKits.spec());
    else spec = scanKitSpec(args.list('dict'), undefined, options);
  } catch (e) {
    services?.close();
    throw e;
  }
  const dictionaryHash = spec.dictionaryHash;
  const { inputs, notes } = expandInputs(args.positionals);
  for (const note of notes) process.stderr.write(`${note}\n`);
  const pool = new ScanPool({
    workerUrl: new URL('./scan-worker.mjs', import.meta.url),
    spec,
    size: Math.min(jobs, Math.max(1, inputs.filter((i) => !i.error).length)),
    timeoutMs: timeoutSeconds * 1000,
    memoryMb,
    // On a terminal, how far OCR has got on a long scan and how long it should still take.
    ...(process.stderr.isTTY ? { onProgress: ocrProgressPrinter(process.stderr) } : {}),
  });
  const out = reportWriter(format);
  try {
    // All files are queued at once; the reports are written in the order given, each as soon as
    // it and every report before it are done.
    const pending: (Promise<FileReport> | undefined)[] = inputs.map((input) => (input.error ? Promise.resolve(failedReport(input.path, dictionaryHash, input.error, 0)) : pool.scan(input.path)));
    // Of a report once written only its exit status is kept (the batch's is the highest: 2 any
    // unreadable, else 1 any not passing), so a batch of thousands of files holds none of their findings.
    let exitCode = 0;
    let recorded = 0;
    let notRecorded = 0;
    out.begin();
    for (let i = 0; i < pending.length; i++) {
      const report = await pending[i]!;
      pending[i] = undefined; // a settled promise would keep the report alive
      exitCode = Math.max(exitCode, exitCodeOf([report]));
      out.write(report);
      if (services) {
        const outcome = await record(services, report, dictionaryVersion, g.db!);
        if (outcome === 'recorded') recorded++;
        else {
          notRecorded++;
          process.stderr.write(`${outcome}\n`);
        }
      }
    }
    out.end();
    if (services) {
      const failed = notRecorded > 0 ? `，${notRecorded} 份未能记入` : '';
      process.stderr.write(`已将 ${recorded} 份文件的审查结果记入「${g.db}」${failed}。\n`);
    }
    return notRecorded > 0 ? 2 : exitCode;
  } finally {
    await pool.close();
    services?.close();
  }
}

/** Records one report; on failure the reason, in words (the review itself has been printed). */
async function record(services: Services, report: FileReport, dictionaryVersion: string, dbFile: string): Promise<'recorded' | string> {
  try {
    if ((await services.records.recordCliScan(report, dictionaryVersion)) !== undefined) return 'recorded';
    return `未记入数据库：无法审查文件「${report.file}」，没有可记录的内容。`;
  } catch (error) {
    return `未记入数据库：「${report.file}」的审查结果（已在上面输出）未能写入。${describeDatabaseError(error, dbFile)}`;
  }
}

function positiveInteger(args: ParsedArgs, name: string): number | undefined {
  const value = args.get(name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} 应为正整数，而不是「${value}」`);
  return n;
}

interface ReportWriter {
  begin(): void;
  write(report: FileReport): void;
  end(): void;
}

/**
 * `json`: the documented envelope { "reports": [ … ] }, written report by report (valid JSON once
 * complete, the same text JSON.stringify(…, null, 2) gives); `jsonl`: one report per line; `text`:
 * for a person.
 */
function reportWriter(format: Format): ReportWriter {
  const put = (text: string) => process.stdout.write(text);
  if (format === 'text') return { begin() {}, write: (r) => put(formatReportText(r) + '\n'), end() {} };
  if (format === 'jsonl') return { begin() {}, write: (r) => put(JSON.stringify(r) + '\n'), end() {} };
  let count = 0;
  return {
    begin: () => put('{\n  "reports": ['),
    write: (r) => put(`${count++ === 0 ? '' : ','}\n${JSON.stringify(r, null, 2).replace(/^/gm, '    ')}`),
    end: () => put(`${count > 0 ? '\n  ' : ''}]\n}\n`),
  };
}
