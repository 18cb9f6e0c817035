// `mishen`: the review engine from a terminal.
//   mishen scan FILE|DIR... [--dict FILE|DIR]... [--format json|text]
// JSON output and exit status follow ../shared/corpus/README.md: 0 all pass, 1 any review or
// block, 2 any file unreadable (the other files are still reported).
import { DictionaryError } from '../../shared/dictionary/types';
import { exitCodeOf, type FileReport } from '../../shared/report';
import { createReviewer } from '../review/reviewer';
import { scanFile } from '../review/scan-file';
import { expandInputs } from './expand-inputs';
import { formatReportText } from './format-text';

const USAGE = `用法：
  mishen scan 文件或目录... [--dict 词库文件或目录]... [--format json|text]

  --dict     追加自定义词库（.csv：term,category,severity,note；.txt：每行一个词；.json：本软件词库格式），可重复
  --format   输出格式：text（默认，便于阅读）或 json（供程序处理）

退出码：0 全部通过；1 有需审查或禁止发布的文件；2 有文件无法读取。`;

class UsageError extends Error {}

interface ScanArgs {
  readonly inputs: string[];
  readonly dicts: string[];
  readonly format: 'json' | 'text';
}

function parseScanArgs(args: readonly string[]): ScanArgs {
  const inputs: string[] = [];
  const dicts: string[] = [];
  let format: 'json' | 'text' = 'text';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`选项 ${a} 缺少参数`);
      return v;
    };
    if (a === '--dict') dicts.push(value());
    else if (a === '--format') {
      const f = value();
      if (f !== 'json' && f !== 'text') throw new UsageError(`--format 只能是 json 或 text，而不是「${f}」`);
      format = f;
    } else if (a.startsWith('--')) throw new UsageError(`未知选项 ${a}`);
    else inputs.push(a);
  }
  if (inputs.length === 0) throw new UsageError('请指定要审查的文件或目录');
  return { inputs, dicts, format };
}

async function scanCommand(args: readonly string[]): Promise<number> {
  const { inputs, dicts, format } = parseScanArgs(args);
  const reviewer = createReviewer(dicts);
  const reports: FileReport[] = [];
  for (const file of expandInputs(inputs)) {
    const report = await scanFile(file, reviewer);
    reports.push(report);
    if (format === 'text') process.stdout.write(formatReportText(report) + '\n');
  }
  if (format === 'json') process.stdout.write(JSON.stringify({ reports }, null, 2) + '\n');
  return exitCodeOf(reports);
}

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'scan') return await scanCommand(rest);
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(USAGE + '\n');
      return command === undefined ? 2 : 0;
    }
    throw new UsageError(`未知命令「${command}」`);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`错误：${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof DictionaryError) {
      process.stderr.write(`词库错误：${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
