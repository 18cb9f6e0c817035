// Moving a record between a desktop and a department's server: `mishen --db SOURCE migrate-to TARGET`.
// Needs no login, as backup does: whoever can run it can read the whole database anyway, and what it
// proves (both sides verify) does not depend on who asks.
import { verificationLines } from '../integrity/verification-text';
import { migrateRecords } from '../services/database-file';
import { describePostgresUrl, isPostgresUrl } from '../services/open-database';
import { parseArgs } from './args';
import { databaseFile, type Globals } from './session';

const TABLE_NAMES: Readonly<Record<string, string>> = {
  users: '用户',
  documents: '文稿',
  versions: '版本',
  scans: '扫描结果',
  findings: '发现',
  dispositions: '处置',
  signoffs: '签批',
  audit_log: '审计记录',
  dictionary_versions: '词库版本',
};

export async function migrateToCommand(g: Globals, argv: readonly string[]): Promise<number> {
  const [target] = parseArgs(argv, {}).expectPositionals('目标数据库（新文件，或部门服务器上的空数据库 postgres://…）');
  const source = databaseFile(g);
  const name = (l: string) => (isPostgresUrl(l) ? describePostgresUrl(l) : l);
  const result = await migrateRecords(source, target, ({ table, rows }) => {
    if (TABLE_NAMES[table]) process.stderr.write(`已复制${TABLE_NAMES[table]} ${rows} 条\n`);
  });
  for (const [side, report] of [['原数据库', result.source], ['新数据库', result.target]] as const) {
    const { summary, problems } = verificationLines(report);
    process.stdout.write(`${side}「${name(side === '原数据库' ? source : target)}」：\n`);
    if (problems.length) process.stderr.write(problems.join('\n') + '\n');
    process.stdout.write(summary.map((l) => `  ${l}`).join('\n') + '\n');
  }
  return result.source.ok && result.target.ok ? 0 : 1;
}
