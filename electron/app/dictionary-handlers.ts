// The dictionary channels of the contract over DictionaryService: anyone signed in may read the
// active set (the live tester needs it); changes need a security officer or an administrator,
// which the service itself checks. Saves name the version they were based on, so that two
// officers (or two desktops) editing at once cannot silently overwrite each other.
import type { MishenApi } from '../../shared/api-contract';
import type { TextBlock } from '../../shared/document-model';
import type { DictionaryVersionInfo } from '../../shared/dictionary-api';
import { applyAllowEdits } from '../../shared/dictionary/edit-allow';
import { applyEntryEdits, EntryEditError, type EntryEdit } from '../../shared/dictionary/edit-entries';
import type { Segmenter } from '../../shared/engine/word-boundary';
import { ROLE_LABELS, ServiceError, type Role, type UserInfo } from '../../shared/records';
import { readDocumentBytes } from '../ingest/read-document';
import type { DictionaryService } from '../services/dictionary-service';
import type { DictionaryVersionRecord } from '../store/dictionary-repo';
import { ApiError } from './api-error';
import { safeFileName } from './safe-file-name';

export type DictionaryChannel = Extract<keyof MishenApi, `dictionary/${string}`>;

export interface DictionaryHandlerContext {
  readonly dictionary: DictionaryService;
  readonly segment: Segmenter;
  readonly requireUser: () => UserInfo;
  /** The dictionary set in use by scans (the 'dictionary/entries' channel). */
  readonly dictionaryEntries: () => MishenApi['dictionary/entries'] extends () => Promise<infer T> ? T : never;
}

const CHANGERS: readonly Role[] = ['security-officer', 'admin'];

/** Only defined fields: undefined values do not survive every transport intact. */
function info(v: DictionaryVersionRecord, active: boolean): DictionaryVersionInfo {
  return Object.fromEntries(Object.entries({ ...v, active }).filter(([, x]) => x !== undefined)) as unknown as DictionaryVersionInfo;
}

function toTextBlock(b: TextBlock): TextBlock {
  return Object.fromEntries(Object.entries(b).filter(([, x]) => x !== undefined)) as unknown as TextBlock;
}

const bytesOf = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export function createDictionaryHandlers(ctx: DictionaryHandlerContext): Pick<MishenApi, DictionaryChannel> {
  const { dictionary } = ctx;

  /** Reading the custody screens (versions, proposals, keys) is for those who keep the dictionary. */
  function requireChanger(what: string): UserInfo {
    const user = ctx.requireUser();
    if (!CHANGERS.includes(user.role)) {
      throw new ApiError(`${ROLE_LABELS[user.role]}不能${what}（须为${CHANGERS.map((r) => ROLE_LABELS[r]).join('或')}）。`, 'wrong-role');
    }
    return user;
  }

  function requireBase(baseVersion: number, what: string): void {
    const active = dictionary.activeVersionNumber();
    if (active !== baseVersion) {
      throw new ApiError(`${what}基于词库第 ${baseVersion} 版，当前已是第 ${active} 版（他人刚保存过）。请重新载入后再操作。`, 'stale-version');
    }
  }

  return {
    'dictionary/entries': async () => {
      ctx.requireUser();
      return ctx.dictionaryEntries();
    },
    'dictionary/active': async () => {
      ctx.requireUser();
      return dictionary.activeSet();
    },
    'dictionary/versions': async () => {
      requireChanger('查看词库版本');
      return dictionary.listVersions().map((v) => info(v, v.active));
    },
    'dictionary/version': async (number) => {
      requireChanger('查看词库版本');
      return dictionary.getVersion(number);
    },
    'dictionary/diff': async (from, to) => {
      requireChanger('比较词库版本');
      return dictionary.diff(from, to);
    },
    'dictionary/apply-edits': async (changes, note, baseVersion) => {
      const user = requireChanger('修改词库');
      requireBase(baseVersion, '这些修改');
      if (changes.entries.length + changes.allow.length === 0) throw new ApiError('没有需要保存的修改。', 'invalid');
      if (changes.allow.length === 0) return info(dictionary.applyEdits(user, changes.entries as EntryEdit[], note || '编辑词条'), true);
      let next;
      try {
        next = applyAllowEdits(applyEntryEdits(dictionary.activeSet().set, changes.entries), changes.allow);
      } catch (e) {
        if (e instanceof EntryEditError) throw new ServiceError('not-found', e.message);
        throw e;
      }
      return info(dictionary.saveVersion(user, next, note || '编辑词条和白名单'), true);
    },
    'dictionary/rollback': async (number, note) => info(dictionary.rollback(requireChanger('回退词库'), number, note), true),
    'dictionary/import-preview': async (file) => {
      requireChanger('导入词库');
      return dictionary.previewImport(safeFileName(file.name), file.bytes);
    },
    'dictionary/import-apply': async (file, note, baseVersion) => {
      const user = requireChanger('导入词库');
      requireBase(baseVersion, '导入预览');
      const { version, preview } = await dictionary.applyImport(user, safeFileName(file.name), file.bytes, note);
      return { version: info(version, true), preview };
    },
    'dictionary/export': async (format, version) => {
      requireChanger('导出词库');
      const out = await dictionary.exportSet(format, version);
      return { name: `密审词库第${out.version}版.${format}`, bytes: bytesOf(out.bytes), omitted: out.omitted };
    },
    'dictionary/package-export': async (version) => {
      const user = requireChanger('导出词库包');
      const bytes = dictionary.exportPackage(user, version);
      const number = version ?? dictionary.activeVersionNumber();
      return { name: `密审词库包第${number}版.mishen-package.json`, bytes: bytesOf(bytes) };
    },
    'dictionary/package-import': async (file) => info(dictionary.importPackage(requireChanger('导入词库包'), file.bytes), true),
    'dictionary/public-key': async () => dictionary.exportPublicKey(requireChanger('导出签名公钥')),
    'dictionary/trust-key': async (pem, label) => {
      const { pem: _pem, ...key } = dictionary.trustKey(requireChanger('添加信任公钥'), pem, label);
      return key;
    },
    'dictionary/trusted-keys': async () => {
      requireChanger('查看信任公钥');
      return dictionary.listTrustedKeys().map(({ pem: _pem, ...key }) => key);
    },
    'dictionary/proposals': async (status) => dictionary.listProposals(requireChanger('查看误报建议'), status),
    'dictionary/proposal-accept': async (proposalId, note, phrase) => info(dictionary.acceptProposal(requireChanger('采纳误报建议'), proposalId, note, phrase), true),
    'dictionary/proposal-reject': async (proposalId, reason) => dictionary.rejectProposal(requireChanger('驳回误报建议'), proposalId, reason),
    'dictionary/segment': async (texts) => {
      ctx.requireUser();
      return texts.map((t) => [...ctx.segment(t)]);
    },
    'dictionary/extract': async (file) => {
      ctx.requireUser();
      const name = safeFileName(file.name);
      const outcome = await readDocumentBytes(file.bytes, name);
      if (!outcome.result.ok) throw new ApiError(outcome.result.error.message, outcome.result.error.code);
      const { blocks, warnings } = outcome.result.document;
      return { name, blocks: blocks.map(toTextBlock), warnings: warnings.map((w) => ({ ...w })) };
    },
  };
}
