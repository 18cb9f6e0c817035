// The dictionary channels of the contract over DictionaryService: anyone signed in may read the
// active set (the live tester needs it); the versions, keys, proposals and every change are the
// security officer's and the administrator's, which the service decides. Saves name the version
// they were based on, so that two officers (or two desktops) editing at once cannot silently
// overwrite each other: the service refuses a stale one inside the transaction that would save it.
import type { MishenApi } from '../../shared/api-contract';
import type { TextBlock } from '../../shared/document-model';
import type { DictionaryVersionInfo } from '../../shared/dictionary-api';
import type { Segmenter } from '../../shared/engine/word-boundary';
import type { UserInfo } from '../../shared/records';
import { versionTitle } from '../dictionary/export-formats';
import { readDocumentBytes } from '../ingest/read-document';
import type { DictionaryService, DictionaryVersionRecord } from '../services/dictionary-service';
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

/** Only defined fields: undefined values do not survive every transport intact. */
function info(v: DictionaryVersionRecord, active: boolean): DictionaryVersionInfo {
  return Object.fromEntries(Object.entries({ ...v, active }).filter(([, x]) => x !== undefined)) as unknown as DictionaryVersionInfo;
}

function toTextBlock(b: TextBlock): TextBlock {
  return Object.fromEntries(Object.entries(b).filter(([, x]) => x !== undefined)) as unknown as TextBlock;
}

const bytesOf = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export function createDictionaryHandlers(ctx: DictionaryHandlerContext): Pick<MishenApi, DictionaryChannel> {
  const { dictionary, requireUser } = ctx;

  return {
    'dictionary/entries': async () => {
      requireUser();
      return ctx.dictionaryEntries();
    },
    'dictionary/active': async () => {
      requireUser();
      return dictionary.activeSet();
    },
    'dictionary/versions': async () => dictionary.listVersions(requireUser()).map((v) => info(v, v.active)),
    'dictionary/version': async (number) => dictionary.getVersion(requireUser(), number),
    'dictionary/diff': async (from, to) => dictionary.diff(requireUser(), from, to),
    'dictionary/apply-edits': async (changes, note, baseVersion) => info(dictionary.saveChanges(requireUser(), changes, note, baseVersion), true),
    'dictionary/rollback': async (number, note) => info(dictionary.rollback(requireUser(), number, note), true),
    'dictionary/import-preview': async (file) => dictionary.previewImport(requireUser(), safeFileName(file.name), file.bytes),
    'dictionary/import-apply': async (file, note, baseVersion) => {
      const { version, preview } = await dictionary.applyImport(requireUser(), safeFileName(file.name), file.bytes, note, baseVersion);
      return { version: info(version, true), preview };
    },
    'dictionary/export': async (format, version) => {
      const out = await dictionary.exportSet(requireUser(), format, version);
      return { name: `${versionTitle(out.version)}.${format}`, bytes: bytesOf(out.bytes), omitted: out.omitted };
    },
    'dictionary/package-export': async (version) => {
      const bytes = dictionary.exportPackage(requireUser(), version);
      const number = version ?? dictionary.activeVersionNumber();
      return { name: `密审词库包第${number}版.mishen-package.json`, bytes: bytesOf(bytes) };
    },
    'dictionary/package-import': async (file) => info(dictionary.importPackage(requireUser(), file.bytes), true),
    'dictionary/public-key': async () => dictionary.exportPublicKey(requireUser()),
    'dictionary/trust-key': async (pem, label) => {
      const { pem: _pem, ...key } = dictionary.trustKey(requireUser(), pem, label);
      return key;
    },
    'dictionary/trusted-keys': async () => dictionary.listTrustedKeys(requireUser()).map(({ pem: _pem, ...key }) => key),
    'dictionary/proposals': async (status) => dictionary.listProposals(requireUser(), status),
    'dictionary/proposal-accept': async (proposalId, note, phrase) => info(dictionary.acceptProposal(requireUser(), proposalId, note, phrase), true),
    'dictionary/proposal-reject': async (proposalId, reason) => dictionary.rejectProposal(requireUser(), proposalId, reason),
    'dictionary/segment': async (texts) => {
      requireUser();
      return texts.map((t) => [...ctx.segment(t)]);
    },
    'dictionary/extract': async (file) => {
      requireUser();
      const name = safeFileName(file.name);
      const outcome = await readDocumentBytes(file.bytes, name);
      if (!outcome.result.ok) throw new ApiError(outcome.result.error.message, outcome.result.error.code);
      const { blocks, warnings } = outcome.result.document;
      return { name, blocks: blocks.map(toTextBlock), warnings: warnings.map((w) => ({ ...w })) };
    },
  };
}
