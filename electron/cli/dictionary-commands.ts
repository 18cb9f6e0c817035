// `mishen --db F dict …`: the security officer's dictionary custody from a terminal, over the same
// DictionaryService the window uses. Every subcommand logs a user in (the dictionary itself names
// secret projects and networks, so reading it is not anonymous); the service decides who may do what.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DICTIONARY_EXPORT_FORMATS } from '../../shared/dictionary-api';
import { exportDictionary, versionTitle } from '../dictionary/export-formats';
import { SEVERITIES } from '../../shared/findings';
import { PROPOSAL_STATUSES, PROPOSAL_STATUS_LABELS, type UserInfo } from '../../shared/records';
import type { DictionaryService } from '../services/dictionary-service';
import { CliError, parseArgs, UsageError, type OptionSpec, type ParsedArgs } from './args';
import { formatDiff, formatImport, formatSet, formatVersions } from './format-dictionary';
import { ACTOR_OPTIONS, StdinLines, loginActor, withServices, type Globals } from './session';

export const DICT_USAGE = `用法（须在命令前给出 --db，并以某个用户的身份执行）：
  dict list                                   词库各版本（* 为当前生效版本）
  dict show [版本号] [--format text|json]      某一版（默认当前版）的全部条目；json 为本软件词库格式
  dict diff 版本A 版本B                        两版之间新增、删除、修改的条目与规则
  dict import 文件 [--apply] [--note 说明]     逐行预览导入（.csv/.txt/.xlsx/.json）；--apply 把新增与修改生成新版本
  dict export --format csv|txt|xlsx|json --out 文件 [--version 版本号]
  dict rollback 版本号 [--note 说明]           以该版内容生成新版本
  dict add --term 词条 --category 类别 --severity block|review|info [--note 说明]
  dict disable 条目编号 [--note 说明] | dict enable 条目编号 | dict remove 条目编号
  dict public-key [--out 文件]                 本机（保密办）的签名公钥（首次使用时生成密钥）
  dict trust-key 公钥文件 [--label 名称]       信任该公钥签发的词库包（处室安装）
  dict package-export --out 文件 [--version 版本号]   导出签名词库包
  dict package-import 文件                      校验签名后导入词库包
  dict proposals [list [--status pending|accepted|rejected]] | accept 编号 [--note 说明] [--phrase 短语] | reject 编号 --reason 理由
退出码：0 成功；1 import 预览中有无效行；2 用法错误或操作被拒绝（如 wrong-role、invalid）`;

const out = (text: string) => process.stdout.write(text.endsWith('\n') ? text : text + '\n');

function versionNumber(value: string | undefined, what = '版本号'): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${what}应为正整数，而不是「${value}」`);
  return n;
}

function readInput(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new CliError(`无法读取文件「${file}」：${(e as Error).message}`);
  }
}

type Body = (d: DictionaryService, actor: UserInfo, args: ParsedArgs) => Promise<number> | number;

/** Parses the subcommand's options, logs the actor in, runs `body` with the service open. */
function run(g: Globals, argv: readonly string[], spec: OptionSpec, body: Body): Promise<number> {
  const args = parseArgs(argv, { ...ACTOR_OPTIONS, ...spec });
  return withServices(g, {}, async (s) => body(s.dictionary, await loginActor(s.records, g, args, new StdinLines()), args));
}

const SUBCOMMANDS: Readonly<Record<string, (g: Globals, argv: readonly string[]) => Promise<number>>> = {
  list: (g, argv) =>
    run(g, argv, {}, (d, actor, args) => {
      args.expectPositionals();
      out(formatVersions(d.listVersions(actor)));
      return 0;
    }),

  show: (g, argv) =>
    run(g, argv, { format: 'value' }, async (d, actor, args) => {
      if (args.positionals.length > 1) throw new UsageError(`多余的参数：${args.positionals.slice(1).join(' ')}`);
      const format = args.oneOf('format', ['text', 'json'] as const) ?? 'text';
      const v = d.versionOrActive(actor, versionNumber(args.positionals[0]));
      if (format === 'json') out((await exportDictionary(v.set, 'json', versionTitle(v.number))).bytes.toString('utf8'));
      else out(`第 ${v.number} 版${v.active ? '（当前生效）' : ''}  哈希 ${v.hash}\n${formatSet(v.set)}`);
      return 0;
    }),

  diff: (g, argv) =>
    run(g, argv, {}, (d, actor, args) => {
      const [a, b] = args.expectPositionals('版本A', '版本B').map((x) => versionNumber(x)!);
      out(formatDiff(a, b, d.diff(actor, a, b)));
      return 0;
    }),

  import: (g, argv) =>
    run(g, argv, { apply: 'flag', note: 'value' }, async (d, actor, args) => {
      const [file] = args.expectPositionals('文件');
      const bytes = readInput(file);
      if (!args.flag('apply')) {
        const preview = await d.previewImport(actor, basename(file), bytes);
        out(formatImport(preview) + '（仅预览；加 --apply 生成新版本）');
        return preview.counts.invalid > 0 ? 1 : 0;
      }
      const { version, preview } = await d.applyImport(actor, basename(file), bytes, args.get('note') ?? '');
      out(formatImport(preview) + `已生成词库第 ${version.number} 版（哈希 ${version.hash.slice(0, 12)}），并设为当前版本。`);
      return 0;
    }),

  export: (g, argv) =>
    run(g, argv, { format: 'value', out: 'value', version: 'value' }, async (d, actor, args) => {
      args.expectPositionals();
      const format = args.requireOneOf('format', DICTIONARY_EXPORT_FORMATS, '导出格式');
      const file = args.require('out', '输出文件');
      const exported = await d.exportSet(actor, format, versionNumber(args.get('version')));
      writeFileSync(file, exported.bytes);
      const note = exported.omitted > 0 ? `；${format} 格式不含正则、已停用条目、白名单和规则，共 ${exported.omitted} 项未导出，完整内容请用 json` : '';
      out(`已将词库第 ${exported.version} 版导出到「${file}」${note}。`);
      return 0;
    }),

  rollback: (g, argv) =>
    run(g, argv, { note: 'value' }, (d, actor, args) => {
      const [n] = args.expectPositionals('版本号');
      const v = d.rollback(actor, versionNumber(n)!, args.get('note') ?? '');
      out(`已按第 ${n} 版内容生成第 ${v.number} 版（哈希 ${v.hash.slice(0, 12)}），并设为当前版本。`);
      return 0;
    }),

  add: (g, argv) =>
    run(g, argv, { term: 'value', category: 'value', severity: 'value', note: 'value' }, (d, actor, args) => {
      args.expectPositionals();
      const severity = args.requireOneOf('severity', SEVERITIES, '严重程度');
      const v = d.addEntry(actor, { term: args.require('term', '词条'), category: args.require('category', '类别'), severity, note: args.get('note') ?? '' });
      out(`已新增词条，生成第 ${v.number} 版（哈希 ${v.hash.slice(0, 12)}）。`);
      return 0;
    }),

  ...Object.fromEntries(
    (['disable', 'enable', 'remove'] as const).map((op) => [
      op,
      (g: Globals, argv: readonly string[]) =>
        run(g, argv, { note: 'value' }, (d, actor, args) => {
          const [id] = args.expectPositionals('条目编号');
          const note = args.get('note') ?? '';
          const v = op === 'disable' ? d.disableEntry(actor, id, note) : op === 'enable' ? d.enableEntry(actor, id, note) : d.removeEntry(actor, id, note);
          out(`已${op === 'disable' ? '停用' : op === 'enable' ? '启用' : '删除'}「${id}」，生成第 ${v.number} 版（哈希 ${v.hash.slice(0, 12)}）。`);
          return 0;
        }),
    ]),
  ),

  'public-key': (g, argv) =>
    run(g, argv, { out: 'value' }, (d, actor, args) => {
      args.expectPositionals();
      const key = d.exportPublicKey(actor);
      const file = args.get('out');
      if (file) {
        writeFileSync(file, key.pem);
        out(`已将签名公钥写入「${file}」，指纹 ${key.fingerprint}。请将其交各处室保密员用 trust-key 导入。`);
      } else out(key.pem + `指纹 ${key.fingerprint}`);
      return 0;
    }),

  'trust-key': (g, argv) =>
    run(g, argv, { label: 'value' }, (d, actor, args) => {
      const [file] = args.expectPositionals('公钥文件');
      const k = d.trustKey(actor, readInput(file).toString('utf8'), args.get('label') ?? '');
      out(`已信任公钥「${k.label}」，指纹 ${k.fingerprint}。`);
      return 0;
    }),

  'package-export': (g, argv) =>
    run(g, argv, { out: 'value', version: 'value' }, (d, actor, args) => {
      args.expectPositionals();
      const file = args.require('out', '词库包文件');
      const bytes = d.exportPackage(actor, versionNumber(args.get('version')));
      writeFileSync(file, bytes);
      const { version, hash } = JSON.parse(bytes.toString('utf8')) as { version: number; hash: string };
      out(`已将词库第 ${version} 版签名导出到「${file}」（哈希 ${hash.slice(0, 12)}）。`);
      return 0;
    }),

  'package-import': (g, argv) =>
    run(g, argv, {}, (d, actor, args) => {
      const [file] = args.expectPositionals('词库包文件');
      const v = d.importPackage(actor, readInput(file));
      out(`签名校验通过，已导入「${v.issuer}」签发的词库第 ${v.number} 版（哈希 ${v.hash.slice(0, 12)}），并设为当前版本。`);
      return 0;
    }),

  proposals: (g, argv) => {
    const [sub = 'list', ...rest] = argv;
    if (sub === 'list') {
      return run(g, rest, { status: 'value' }, (d, actor, args) => {
        args.expectPositionals();
        const status = args.oneOf('status', PROPOSAL_STATUSES);
        const list = d.listProposals(actor, status);
        out(list.length === 0 ? '没有误报建议。' : list.map((p) => `${p.id}  ${PROPOSAL_STATUS_LABELS[p.status]}  「${p.term}」（${p.category}）  ${p.proposedBy}：${p.reason}`).join('\n'));
        return 0;
      });
    }
    if (sub === 'accept') {
      return run(g, rest, { note: 'value', phrase: 'value' }, (d, actor, args) => {
        const [id] = args.expectPositionals('建议编号');
        const v = d.acceptProposal(actor, id, args.get('note') ?? '', args.get('phrase'));
        out(`已采纳，加入白名单，生成第 ${v.number} 版（哈希 ${v.hash.slice(0, 12)}）。`);
        return 0;
      });
    }
    if (sub === 'reject') {
      return run(g, rest, { reason: 'value' }, (d, actor, args) => {
        const [id] = args.expectPositionals('建议编号');
        d.rejectProposal(actor, id, args.require('reason', '驳回理由'));
        out('已驳回该误报建议。');
        return 0;
      });
    }
    throw new UsageError(`未知的 proposals 子命令「${sub}」（可用：list、accept、reject）`);
  },
};

export async function dictCommand(g: Globals, argv: readonly string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === 'help') {
    out(DICT_USAGE);
    return sub === undefined ? 2 : 0;
  }
  const command = SUBCOMMANDS[sub];
  if (!command) throw new UsageError(`未知的 dict 子命令「${sub}」\n${DICT_USAGE}`);
  return command(g, rest);
}
