// The review chain from a terminal, over the same RecordsService the window uses:
// init, users, submit, show, list, dispose, sign. Each command is one short function; the
// service enforces every rule, so nothing here decides who may do what.
import { openBlockFindings } from '../../shared/permissions';
import {
  DISPOSITION_ACTIONS,
  DISPOSITION_LABELS,
  DOCUMENT_STATES,
  OUTCOMES,
  PUBLICATION_MODES,
  ROLES,
  SIGN_DECISIONS,
  SIGN_DECISION_LABELS,
  SIGNOFF_STEPS,
  STEP_LABELS,
} from '../../shared/records';
import { grantApplicationRole } from '../services/database-file';
import { describePostgresUrl, isPostgresUrl } from '../services/open-database';
import { CliError, parseArgs, UsageError } from './args';
import { formatDocument, formatDocumentList, formatUsers } from './format-record';
import { ACTOR_OPTIONS, StdinLines, actorPassword, loginActor, withServices, type Globals } from './session';

const out = (text: string) => process.stdout.write(text.endsWith('\n') ? text : text + '\n');

export async function initCommand(g: Globals, argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, { admin: 'value', name: 'value', 'password-stdin': 'flag', 'app-role': 'value' });
  args.expectPositionals();
  const username = args.require('admin', '管理员用户名');
  const name = args.require('name', '管理员姓名');
  const appRole = args.get('app-role');
  const password = await actorPassword(g, args, new StdinLines());
  const code = await withServices(g, { mode: 'init' }, ({ records: s }) => {
    const admin = s.bootstrapAdmin(username, name, password);
    out(`已初始化数据库「${isPostgresUrl(g.db!) ? describePostgresUrl(g.db!) : g.db}」，管理员：${admin.username}（${admin.displayName}）`);
    return 0;
  });
  if (appRole) {
    // On a department's server, run as the database's owner: the desktops then connect as this role.
    grantApplicationRole(g.db!, appRole);
    out(`已为应用角色「${appRole}」授予读取和写入记录所需的权限（不能删除记录或修改表结构）`);
  }
  return code;
}

export async function usersCommand(g: Globals, argv: readonly string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const stdin = new StdinLines();
  if (sub === 'add') {
    const args = parseArgs(rest, { ...ACTOR_OPTIONS, username: 'value', name: 'value', role: 'value', division: 'value', 'new-password-env': 'value' });
    args.expectPositionals();
    const role = args.requireOneOf('role', ROLES, '角色');
    return withServices(g, {}, async ({ records: s }) => {
      const actor = await loginActor(s, g, args, stdin);
      const envName = args.get('new-password-env');
      const password = envName ? process.env[envName] : await stdin.next('新用户的密码');
      if (!password) throw new CliError(`环境变量 ${envName} 为空，无法设置新用户的密码`);
      const u = s.createUser(actor, {
        username: args.require('username', '新用户的用户名'),
        displayName: args.require('name', '新用户的姓名'),
        role,
        division: args.require('division', '新用户所在处室'),
        password,
      });
      out(`已添加用户：${formatUsers([u])}`);
      return 0;
    });
  }
  if (sub === 'list') {
    const args = parseArgs(rest, ACTOR_OPTIONS);
    args.expectPositionals();
    return withServices(g, {}, async ({ records: s }) => {
      out(formatUsers(s.listUsers(await loginActor(s, g, args, stdin))));
      return 0;
    });
  }
  if (sub === 'disable' || sub === 'enable') {
    const args = parseArgs(rest, { ...ACTOR_OPTIONS, username: 'value' });
    args.expectPositionals();
    const username = args.require('username', '用户名');
    return withServices(g, {}, async ({ records: s }) => {
      const actor = await loginActor(s, g, args, stdin);
      const target = s.listUsers(actor).find((u) => u.username === username);
      if (!target) throw new CliError(`没有用户「${username}」`);
      s.updateUser(actor, target.id, { disabled: sub === 'disable' });
      out(`已${sub === 'disable' ? '停用' : '启用'}用户 ${username}`);
      return 0;
    });
  }
  throw new UsageError(sub ? `未知的 users 子命令「${sub}」（可用：add、list、disable、enable）` : '请指定 users 的子命令：add、list、disable 或 enable');
}

export async function submitCommand(g: Globals, argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, {
    ...ACTOR_OPTIONS,
    title: 'value',
    'doc-number': 'value',
    document: 'value',
    mode: 'value',
    channel: 'value',
    scope: 'value',
    'publish-time': 'value',
    dict: 'list',
    format: 'value',
  });
  const [file] = args.expectPositionals('文件');
  const format = args.oneOf('format', ['text', 'json'] as const) ?? 'text';
  const publicationMode = args.oneOf('mode', PUBLICATION_MODES);
  return withServices(g, { dicts: args.list('dict') }, async ({ records: s }) => {
    const actor = await loginActor(s, g, args, new StdinLines());
    const d = await s.submit(actor, file, {
      title: args.get('title'),
      docNumber: args.get('doc-number'),
      documentId: args.get('document'),
      publicationMode,
      channel: args.get('channel'),
      scope: args.get('scope'),
      publishTime: args.get('publish-time'),
    });
    out(format === 'json' ? JSON.stringify(d, null, 2) : formatDocument(d));
    return 0;
  });
}

export async function showCommand(g: Globals, argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, { ...ACTOR_OPTIONS, format: 'value' });
  const [id] = args.expectPositionals('文稿编号');
  const format = args.oneOf('format', ['text', 'json'] as const) ?? 'text';
  return withServices(g, {}, async ({ records: s }) => {
    const d = s.getDocument(await loginActor(s, g, args, new StdinLines()), id);
    out(format === 'json' ? JSON.stringify(d, null, 2) : formatDocument(d));
    return 0;
  });
}

export async function listCommand(g: Globals, argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, { ...ACTOR_OPTIONS, state: 'value', search: 'value', format: 'value' });
  args.expectPositionals();
  const state = args.oneOf('state', DOCUMENT_STATES);
  const format = args.oneOf('format', ['text', 'json'] as const) ?? 'text';
  return withServices(g, {}, async ({ records: s }) => {
    const docs = s.listDocuments(await loginActor(s, g, args, new StdinLines()), { state, search: args.get('search') });
    out(format === 'json' ? JSON.stringify(docs, null, 2) : formatDocumentList(docs));
    return 0;
  });
}

export async function disposeCommand(g: Globals, argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, { ...ACTOR_OPTIONS, action: 'value', reason: 'value', 'propose-allow': 'flag' });
  const [findingId] = args.expectPositionals('发现编号');
  const action = args.requireOneOf('action', DISPOSITION_ACTIONS, '处置方式');
  const reason = args.get('reason') ?? '';
  // Checked before anything is written, so that a refused proposal does not leave half a change.
  if (args.flag('propose-allow') && action !== 'false-positive') throw new UsageError('--propose-allow 只能与 --action false-positive 一起使用');
  return withServices(g, {}, async ({ records: s }) => {
    const actor = await loginActor(s, g, args, new StdinLines());
    const d = s.dispose(actor, findingId, action, reason);
    const f = d.scan.findings.find((x) => x.id === findingId);
    out(`已处置：「${f?.match ?? findingId}」→ ${DISPOSITION_LABELS[action]}`);
    if (args.flag('propose-allow')) out(`已向保密员提出误报白名单建议：${s.proposeAllow(actor, findingId, reason)}`);
    out(`文稿 ${d.id}：${d.state}，尚有 ${openBlockFindings(d.scan.findings).length} 处「禁止发布」的问题未关闭`);
    return 0;
  });
}

export async function signCommand(g: Globals, argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, { ...ACTOR_OPTIONS, step: 'value', decision: 'value', opinion: 'value', outcome: 'value', 'legal-basis': 'value' });
  const [versionId] = args.expectPositionals('版本编号');
  const step = args.requireOneOf('step', SIGNOFF_STEPS, '签批步骤');
  const decision = args.requireOneOf('decision', SIGN_DECISIONS, '决定');
  const outcome = args.oneOf('outcome', OUTCOMES);
  return withServices(g, {}, async ({ records: s }) => {
    const actor = await loginActor(s, g, args, new StdinLines());
    const d = s.sign(actor, versionId, {
      step,
      decision,
      opinion: args.get('opinion') ?? '',
      outcome,
      legalBasis: args.get('legal-basis'),
    });
    out(`已签批：${STEP_LABELS[step]}（${SIGN_DECISION_LABELS[decision]}）。文稿 ${d.id} 现为：${d.state}`);
    return 0;
  });
}
