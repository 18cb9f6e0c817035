// `mishen`: the review engine and the review record from a terminal. Global options come before
// the command; each command group lives in its own file.
import { DictionaryError } from '../../shared/dictionary/types';
import { ServiceError } from '../../shared/records';
import { ScanPoolError } from '../scan/scan-pool';
import { databaseProblem } from '../services/database-file';
import { CliError, UsageError } from './args';
import { auditCommand, backupCommand, restoreCommand } from './audit-commands';
import { migrateToCommand } from './department-commands';
import { dictCommand } from './dictionary-commands';
import { exportCommand, registerCommand } from './output-commands';
import { disposeCommand, initCommand, listCommand, showCommand, signCommand, submitCommand, usersCommand } from './records-commands';
import { scanCommand } from './scan-command';
import type { Globals } from './session';
import { USAGE, usageOf } from './usage';

type Command = (g: Globals, args: readonly string[]) => Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = {
  scan: scanCommand,
  init: initCommand,
  users: usersCommand,
  submit: submitCommand,
  show: showCommand,
  list: listCommand,
  dispose: disposeCommand,
  sign: signCommand,
  export: exportCommand,
  register: registerCommand,
  audit: auditCommand,
  backup: backupCommand,
  restore: restoreCommand,
  dict: dictCommand,
  'migrate-to': migrateToCommand,
};

/** Splits `--db F --user U --password-stdin` (before the command) from the command and its arguments. */
function parseGlobals(argv: readonly string[]): { g: Globals; command: string | undefined; rest: string[] } {
  let db: string | undefined;
  let user: string | undefined;
  let passwordStdin = false;
  let i = 0;
  const value = (name: string) => {
    const v = argv[++i];
    if (v === undefined || v === '') throw new UsageError(`选项 ${name} 缺少参数`);
    return v;
  };
  for (; i < argv.length && argv[i].startsWith('--') && argv[i] !== '--help'; i++) {
    const a = argv[i];
    if (a === '--db') db = value(a);
    else if (a === '--user') user = value(a);
    else if (a === '--password-stdin') passwordStdin = true;
    else throw new UsageError(`未知的全局选项 ${a}（全局选项写在命令之前：--db、--user、--password-stdin）`);
  }
  return { g: { db, user, passwordStdin }, command: argv[i], rest: argv.slice(i + 1) };
}

export async function main(argv: readonly string[]): Promise<number> {
  let db: string | undefined;
  let commandName: string | undefined;
  try {
    const { g, command, rest } = parseGlobals(argv);
    db = g.db;
    commandName = command;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(USAGE + '\n');
      return command === undefined ? 2 : 0;
    }
    const run = COMMANDS[command];
    if (!run) throw new UsageError(`未知命令「${command}」`);
    return await run(g, rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`错误：${e.message}\n\n${usageOf(commandName)}\n`);
      return 2;
    }
    if (e instanceof ServiceError) {
      // The code in brackets is stable, for scripts; the sentence is for the person.
      process.stderr.write(`错误：${e.message}（${e.code}）\n`);
      return 2;
    }
    if (e instanceof DictionaryError) {
      process.stderr.write(`词库错误：${e.message}\n`);
      return 2;
    }
    if (e instanceof CliError || e instanceof ScanPoolError) {
      process.stderr.write(`错误：${e.message}\n`);
      return 2;
    }
    const problem = databaseProblem(e, db ?? '');
    if (problem) {
      process.stderr.write(`${problem}\n`);
      return 2;
    }
    throw e;
  }
}
