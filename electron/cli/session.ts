// What the record commands share: the global options, opening the --db database as the services
// (open-services.ts), and logging the acting user in. Passwords never come from the command line
// (it shows up in process lists and shell history): from the environment, or from standard input.
import type { UserInfo } from '../../shared/records';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ScanKitOptions } from '../scan/scan-kit';
import { openServices, type Services } from '../services/open-services';
import { isPostgresUrl } from '../services/open-database';
import type { RecordsService } from '../services/records-service';
import { CliError, UsageError, type OptionSpec, type ParsedArgs } from './args';

export interface Globals {
  readonly db?: string;
  readonly user?: string;
  readonly passwordStdin: boolean;
}

/** Options every command that acts as a user accepts after the command name as well. */
export const ACTOR_OPTIONS: OptionSpec = { user: 'value', 'password-stdin': 'flag' };

export function requireDb(g: Globals): string {
  if (!g.db) throw new UsageError('该命令需要数据库：请在命令前用 --db 文件 指定（如 mishen --db 审查记录.db …），部门服务器用 --db postgres://用户名@服务器/数据库名');
  return g.db;
}

/**
 * `existing`: the file must be there; `create`: a missing file becomes a new database (scan keeps a
 * log); `init`: a missing or 0-byte file becomes the new database.
 */
export type OpenMode = 'existing' | 'create' | 'init';

/**
 * The --db file. Only `init` (and `scan`, which keeps a log) may create it: for every other command
 * a missing file is a mistyped path, not a wish for an empty database.
 */
export function databaseFile(g: Globals, mode: OpenMode = 'existing'): string {
  const file = requireDb(g);
  // A department's server is not a file here: whether it holds a database, it says when connected.
  if (isPostgresUrl(file)) return file;
  if (!existsSync(file)) {
    if (mode === 'existing') throw new CliError(`找不到数据库「${file}」；新数据库请先用 init 创建`);
    if (!existsSync(dirname(file) || '.')) throw new CliError(`数据库「${file}」所在的文件夹不存在`);
  }
  return file;
}

export interface ServiceOptions {
  readonly mode?: OpenMode;
  /** --dict lists the scans made here use on top of the active version. */
  readonly dicts?: readonly string[];
  readonly scan?: ScanKitOptions;
}

export function openCliServices(g: Globals, options: ServiceOptions = {}): Services {
  return openServices({ database: databaseFile(g, options.mode), acceptEmptyFile: options.mode === 'init', userDictionaries: options.dicts, scan: options.scan });
}

/** Runs `body` with the services open, closing the database however it ends. */
export async function withServices<T>(g: Globals, options: ServiceOptions, body: (s: Services) => Promise<T> | T): Promise<T> {
  const services = openCliServices(g, options);
  try {
    return await body(services);
  } finally {
    services.close();
  }
}

/** Standard input, read once and handed out a line at a time (the actor's password first). */
export class StdinLines {
  private lines: string[] | undefined;

  async next(what: string): Promise<string> {
    this.lines ??= await readAll();
    const line = this.lines.shift();
    if (line === undefined || line === '') throw new UsageError(`标准输入中没有${what}（每行一个）`);
    return line;
  }
}

async function readAll(): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/);
}

/** The password of the acting user (or of the first administrator for `init`). */
export async function actorPassword(g: Globals, args: ParsedArgs | undefined, stdin: StdinLines): Promise<string> {
  if (g.passwordStdin || args?.flag('password-stdin')) return stdin.next('密码');
  const env = process.env.MISHEN_PASSWORD;
  if (env) return env;
  throw new UsageError('请用环境变量 MISHEN_PASSWORD 或 --password-stdin（从标准输入读一行）提供密码');
}

/** Logs in the user named by --user or MISHEN_USER; wrong credentials are a ServiceError. */
export async function loginActor(service: RecordsService, g: Globals, args: ParsedArgs, stdin: StdinLines): Promise<UserInfo> {
  const username = args.get('user') ?? g.user ?? process.env.MISHEN_USER;
  if (!username) throw new UsageError('请用 --user 用户名 或环境变量 MISHEN_USER 指定操作人');
  return service.login(username, await actorPassword(g, args, stdin));
}
