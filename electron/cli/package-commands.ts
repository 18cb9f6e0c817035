// `mishen --db F package …`: review packages (送审包) for desktops that share no database, over the
// same PackageService the window will use. Every subcommand logs a user in; the service decides who
// may do what (the division exports and takes decisions, the office takes reviews and answers).
import { readFileSync, writeFileSync } from 'node:fs';
import type { UserInfo } from '../../shared/records';
import { PACKAGE_KIND_LABELS } from '../packages/review-package';
import type { Services } from '../services/open-services';
import { CliError, parseArgs, subcommands, UsageError, type OptionSpec, type ParsedArgs } from './args';
import { ACTOR_OPTIONS, StdinLines, loginActor, withServices, type Globals } from './session';

export const PACKAGE_USAGE = `用法（须在命令前给出 --db，并以某个用户的身份执行）：
  package key [--out 文件]                  本机的送审包签名公钥及其指纹（首次使用时生成密钥）
  package trust 公钥文件|指纹 [--label 名称]  信任另一安装签发的送审包和审核决定包（保密员或系统管理员；先电话核对指纹）
  package trusted                           已信任的安装
  package export 文稿编号 输出文件           处室：导出待办公室审核的送审包；办公室审核人：导出审核决定包
  package import 文件                       校验签名与哈希后导入送审包（办公室）或审核决定包（处室）
  package list [文稿编号]                    本机发出和收到的包
被篡改（tampered）、签名人不受信任（unknown-signer）、重复导入（replayed）或次序不对（out-of-order）的包一律拒绝并说明原因；
每次导出、导入（含被拒绝的导入）都记入审计日志。`;

const out = (text: string) => process.stdout.write(text.endsWith('\n') ? text : text + '\n');

function readInput(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new CliError(`无法读取文件「${file}」：${(e as Error).message}`);
  }
}

function writeOutput(file: string, bytes: Buffer | string): void {
  try {
    writeFileSync(file, bytes, { flag: 'wx' });
  } catch (e) {
    const exists = (e as { code?: string }).code === 'EEXIST';
    throw new CliError(exists ? `文件「${file}」已存在，请换一个文件名（不覆盖已有文件）` : `无法写入文件「${file}」：${(e as Error).message}`);
  }
}

type Body = (s: Services, actor: UserInfo, args: ParsedArgs) => number;

function run(g: Globals, argv: readonly string[], spec: OptionSpec, body: Body): Promise<number> {
  const args = parseArgs(argv, { ...ACTOR_OPTIONS, ...spec });
  return withServices(g, {}, async (s) => body(s, await loginActor(s.records, g, args, new StdinLines()), args));
}

const SUBCOMMANDS: Readonly<Record<string, (g: Globals, argv: readonly string[]) => Promise<number>>> = {
  key: (g, argv) =>
    run(g, argv, { out: 'value' }, ({ packages }, actor, args) => {
      args.expectPositionals();
      const key = packages.installationKey(actor);
      const file = args.get('out');
      if (file) {
        writeOutput(file, key.pem);
        out(`已将本机送审包公钥写入「${file}」，指纹 ${key.fingerprint}。请交对方保密员用 package trust 导入，并电话核对指纹。`);
      } else out(`${key.pem}指纹 ${key.fingerprint}\n安装编号 ${key.installationId}`);
      return 0;
    }),

  trust: (g, argv) =>
    run(g, argv, { label: 'value' }, ({ packages }, actor, args) => {
      const [given] = args.expectPositionals('公钥文件或指纹');
      const byFingerprint = /^[0-9a-fA-F]{64}$/.test(given);
      const t = packages.trustInstallation(actor, byFingerprint ? given : readInput(given).toString('utf8'), args.get('label') ?? '');
      out(`已信任安装「${t.label}」，指纹 ${t.fingerprint}。`);
      return 0;
    }),

  trusted: (g, argv) =>
    run(g, argv, {}, ({ packages }, actor, args) => {
      args.expectPositionals();
      const list = packages.listTrustedInstallations(actor);
      out(list.length === 0 ? '尚未信任任何安装。' : list.map((t) => `${t.fingerprint}  ${t.label}  ${t.pem ? '' : '（仅指纹）'}${t.addedBy} ${t.addedAt}`).join('\n'));
      return 0;
    }),

  export: (g, argv) =>
    run(g, argv, {}, ({ packages }, actor, args) => {
      const [documentId, file] = args.expectPositionals('文稿编号', '输出文件');
      const p = actor.role === 'office-reviewer' ? packages.exportDecision(actor, documentId) : packages.exportReview(actor, documentId);
      writeOutput(file, p.bytes);
      out(`已将${PACKAGE_KIND_LABELS[p.kind]}（编号 ${p.packageId}）签名导出到「${file}」。`);
      return 0;
    }),

  import: (g, argv) =>
    run(g, argv, {}, ({ packages }, actor, args) => {
      const [file] = args.expectPositionals('包文件');
      const r = packages.importPackage(actor, readInput(file));
      out(`签名与哈希校验通过，已导入「${r.senderLabel}」的${PACKAGE_KIND_LABELS[r.kind]}（编号 ${r.packageId}，新记录 ${r.records} 条）；文稿 ${r.documentId} 现为「${r.state}」。`);
      return 0;
    }),

  list: (g, argv) =>
    run(g, argv, {}, ({ packages }, actor, args) => {
      if (args.positionals.length > 1) throw new UsageError(`多余的参数：${args.positionals.slice(1).join(' ')}`);
      const list = packages.listPackages(actor, args.positionals[0]);
      out(list.length === 0 ? '没有收发过送审包。' : list.map((p) => `${p.recordedAt}  ${p.direction === 'sent' ? '发出' : '收到'}${PACKAGE_KIND_LABELS[p.kind]}  ${p.packageId}  文稿 ${p.documentId}  经办 ${p.recordedBy}`).join('\n'));
      return 0;
    }),
};

export const packageCommand = subcommands<Globals>('package', PACKAGE_USAGE, SUBCOMMANDS);
