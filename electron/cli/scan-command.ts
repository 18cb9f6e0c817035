// `mishen [--db FILE] scan FILE|DIR... [--dict FILE|DIR]... [--format json|text]`
// JSON output and exit status follow ../shared/corpus/README.md: 0 all pass, 1 any review or
// block, 2 any file unreadable (the other files are still reported). With --db each scan, and its
// audit entry, is recorded in that database; without it nothing is written anywhere.
import { exitCodeOf, type FileReport } from '../../shared/report';
import { RecordsService } from '../review/records-service';
import { DictionaryService } from '../review/dictionary-service';
import { createReviewer } from '../review/reviewer';
import { scanFile, type Reviewer } from '../review/scan-file';
import { parseArgs, UsageError } from './args';
import { expandInputs } from './expand-inputs';
import { formatReportText } from './format-text';
import { openDb, type Globals } from './session';

export async function scanCommand(g: Globals, argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, { dict: 'list', format: 'value' });
  if (args.positionals.length === 0) throw new UsageError('请指定要审查的文件或目录');
  const format = args.oneOf('format', ['json', 'text'] as const) ?? 'text';
  // Opened before scanning, so that a database that cannot be used stops the run at once. With a
  // database the scan uses its active dictionary version (what the security officer maintains).
  const db = g.db ? openDb(g, true) : undefined;
  let records: RecordsService | undefined;
  let reviewer: Reviewer;
  try {
    const active = db && new DictionaryService(db).activeSet();
    reviewer = createReviewer(args.list('dict'), active?.set);
    const label = active && `词库第${active.number}版${args.list('dict').length > 0 ? '+自定义' : ''}`;
    records = db && new RecordsService(db, reviewer, label);
  } catch (e) {
    db?.close();
    throw e;
  }
  try {
    const reports: FileReport[] = [];
    let recorded = 0;
    for (const file of expandInputs(args.positionals)) {
      const report = await scanFile(file, reviewer);
      reports.push(report);
      if (records) {
        if ((await records.recordCliScan(report)) !== undefined) recorded++;
        else process.stderr.write(`未记入数据库：无法打开文件「${file}」。\n`);
      }
      if (format === 'text') process.stdout.write(formatReportText(report) + '\n');
    }
    if (format === 'json') process.stdout.write(JSON.stringify({ reports }, null, 2) + '\n');
    if (records) process.stderr.write(`已将 ${recorded} 份文件的审查结果记入「${g.db}」。\n`);
    return exitCodeOf(reports);
  } finally {
    records?.close();
  }
}
