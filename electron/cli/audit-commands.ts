// The audit log and the database file itself: audit verify / list, backup, restore.
// verify, backup and restore need no login: they read or copy the whole file, and whoever can
// run them can read the file anyway; what they prove does not depend on who asks.
import { verificationLines } from '../integrity/verification-text';
import { parseChainHead, type ChainHead } from '../integrity/verify-records';
import { backupDatabaseFile, restoreDatabaseFile, verifyDatabaseFile } from '../services/database-file';
import { parseArgs, UsageError } from './args';
import { formatAudit } from './format-record';
import { ACTOR_OPTIONS, StdinLines, databaseFile, loginActor, requireDb, withServices, type Globals } from './session';
import { endProgress, stderrProgress } from './verify-progress';

export async function auditCommand(g: Globals, argv: readonly string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'verify') {
    const args = parseArgs(rest, { expect: 'list' });
    args.expectPositionals();
    const expect = args.list('expect').map((text): ChainHead => {
      const head = parseChainHead(text);
      if (!head) throw new UsageError(`--expect 应为 审计链头序号:哈希（如 52:3f9a…，哈希至少 16 位），而不是「${text}」`);
      return head;
    });
    const report = await verifyDatabaseFile(databaseFile(g), { expect, progress: stderrProgress() });
    endProgress();
    const { summary, problems } = verificationLines(report);
    if (problems.length > 0) process.stderr.write(problems.join('\n') + '\n');
    if (summary.length > 0) process.stdout.write(summary.join('\n') + '\n');
    return report.ok ? 0 : 1;
  }
  if (sub === 'list') {
    const args = parseArgs(rest, { ...ACTOR_OPTIONS, limit: 'value', format: 'value' });
    args.expectPositionals();
    const limit = Number(args.get('limit') ?? 50);
    if (!Number.isInteger(limit) || limit <= 0) throw new UsageError(`--limit 应为正整数，而不是「${args.get('limit')}」`);
    const format = args.oneOf('format', ['text', 'json'] as const) ?? 'text';
    return withServices(g, {}, async ({ records }) => {
      const entries = records.listAudit(await loginActor(records, g, args, new StdinLines()), limit);
      process.stdout.write(format === 'json' ? JSON.stringify(entries, null, 2) + '\n' : formatAudit(entries));
      return 0;
    });
  }
  throw new UsageError(sub ? `未知的 audit 子命令「${sub}」（可用：verify、list）` : '请指定 audit 的子命令：verify 或 list');
}

export async function backupCommand(g: Globals, argv: readonly string[]): Promise<number> {
  const [outFile] = parseArgs(argv, {}).expectPositionals('备份文件');
  const { auditEntries, anchorFile } = await backupDatabaseFile(databaseFile(g), outFile);
  process.stdout.write(`已备份到「${outFile}」（锚定文件「${anchorFile}」）：完整性检查通过，审计日志 ${auditEntries} 条与全部记录校验通过。\n`);
  return 0;
}

export async function restoreCommand(g: Globals, argv: readonly string[]): Promise<number> {
  const [fromFile] = parseArgs(argv, {}).expectPositionals('备份文件');
  const target = requireDb(g);
  const { auditEntries } = await restoreDatabaseFile(fromFile, target);
  process.stdout.write(`已从「${fromFile}」恢复到「${target}」：完整性检查通过，审计日志 ${auditEntries} 条与全部记录校验通过；恢复本身已记入审计日志。\n`);
  return 0;
}
