// Names a record as a person would, for verification reports:
// 「《全省城市供水应急保障情况报告》第 2 版的办公室审核签批（王五，2026-12-01 16:01）」.
// Works from recorded values too, so a row that is gone can still be named from its audit entry.
import { beijingTime } from '../../shared/beijing-time';
import { STEP_LABELS, type SignoffStep } from '../../shared/records';
import type { RecordedValues } from './canonical-record';
import type { RecordKind } from './record-kinds';

type Awaitable<T> = T | Promise<T>;

/** What naming a row needs to look up (each may be gone: the name then falls back to less). */
export interface NamingLookups {
  readonly versionOf: (versionId: string) => Awaitable<{ readonly number: number; readonly documentTitle: string | undefined } | undefined>;
  readonly userNameOf: (userId: string) => Awaitable<string | undefined>;
  readonly findingOf: (findingId: string) => Awaitable<{ readonly match: string; readonly versionId: string | undefined } | undefined>;
  readonly scanVersionOf: (scanId: string) => Awaitable<string | undefined>;
  readonly documentTitleOf: (documentId: string) => Awaitable<string | undefined>;
}

const SETTING_NAMES: Readonly<Record<string, string>> = {
  installation_id: '本机安装编号',
  active_dictionary_version: '“当前生效词库版本”设置',
  dictionary_signing_key: '词库签名密钥的登记',
  package_signing_key: '送审包签名密钥的登记',
};

/** Audit actions that bind no record, for naming their entries. */
const ACTION_NAMES: Readonly<Record<string, string>> = {
  migration: '数据库升级',
  'database.restore': '从备份恢复数据库',
  'dictionary.package-export': '导出词库包',
  'dictionary.key-generate': '生成词库签名密钥',
  'dictionary.key-register': '登记词库签名密钥',
  'package.import-refused': '拒绝导入送审包',
};

const text = (v: RecordedValues[string] | undefined): string => (v === null || v === undefined ? '' : String(v));
const short = (id: string) => id.slice(0, 8);

async function versionName(lookups: NamingLookups, versionId: string): Promise<string> {
  const v = versionId ? await lookups.versionOf(versionId) : undefined;
  if (!v) return `版本 ${short(versionId)}…`;
  return `${v.documentTitle ? `《${v.documentTitle}》` : ''}第 ${v.number} 版`;
}

async function who(lookups: NamingLookups, userId: string): Promise<string> {
  return (userId && (await lookups.userNameOf(userId))) || `用户 ${short(userId)}…`;
}

export async function describeRecord(kind: RecordKind, v: RecordedValues, lookups: NamingLookups): Promise<string> {
  const t = (column: string) => text(v[column]);
  switch (kind.name) {
    case 'setting':
      return SETTING_NAMES[t('key')] ?? `设置「${t('key')}」`;
    case 'user':
      return `用户 ${t('display_name')}（${t('username')}）`;
    case 'user-key':
      return `${await who(lookups, t('user_id'))}的签名公钥（${beijingTime(t('created_at'))} 生成）`;
    case 'dictionary-version':
      return `词库第 ${t('number')} 版`;
    case 'trusted-key':
      return `信任公钥「${t('label')}」（指纹 ${t('fingerprint').slice(0, 16)}…）`;
    case 'document': {
      return `文稿《${t('title') || (await lookups.documentTitleOf(t('id'))) || short(t('id'))}》`;
    }
    case 'version': {
      const title = await lookups.documentTitleOf(t('document_id'));
      return `${title ? `《${title}》` : ''}第 ${t('number')} 版（${t('file_name')}）`;
    }
    case 'scan':
      return `${await versionName(lookups, t('version_id'))}的扫描结果（${beijingTime(t('created_at'))}）`;
    case 'document-model':
      return `${await versionName(lookups, (await lookups.scanVersionOf(t('scan_id'))) ?? '')}的文稿结构（扫描于 ${beijingTime(t('created_at'))}）`;
    case 'disposition': {
      const finding = await lookups.findingOf(t('finding_id'));
      const where = finding?.versionId ? await versionName(lookups, finding.versionId) : '';
      const what = finding ? `「${finding.match}」` : `发现 ${short(t('finding_id'))}…`;
      return `${where}对${what}的处置（${await who(lookups, t('user_id'))}，${beijingTime(t('created_at'))}）`;
    }
    case 'signoff': {
      const step = STEP_LABELS[t('step') as SignoffStep] ?? '';
      return `${await versionName(lookups, t('version_id'))}的${step}签批（${t('user_name')}，${beijingTime(t('signed_at'))}）`;
    }
    case 'review-package':
      return `${t('direction') === 'sent' ? '发出' : '收到'}的${t('kind') === 'decision' ? '审核决定包' : '送审包'}（${await versionName(lookups, t('version_id'))}，${beijingTime(t('recorded_at'))}）`;
    case 'trusted-installation':
      return `信任安装「${t('label')}」（指纹 ${t('fingerprint').slice(0, 16)}…）`;
    case 'allow-proposal':
      return `误报建议「${t('term')}」（${await who(lookups, t('proposed_by'))}，${beijingTime(t('created_at'))}）`;
  }
}

/** An audit entry that binds no record: its number, what it was, who and when. */
export function describeEntry(e: { seq: number; action: string; actor: string; at: string }): string {
  const what = ACTION_NAMES[e.action];
  return `审计记录第 ${e.seq} 条（${what ? `${what}，` : ''}${e.actor}，${beijingTime(e.at)}）`;
}
