// The one contract between the window and the main process (as GitHub Desktop's ipc-shared.ts):
// every channel, its arguments and its answer. The preload exposes one function per channel on
// `window.mishen`; ipc.ts registers one guarded handler per channel; the end-to-end tests install
// the same object on `window`, wired to the real service. Channels are namespaced 'area/action'.
import type { DocumentFormat, ExtractWarning, PageSize, SheetInfo, TextBlock } from './document-model';
import type { DictionaryEntry } from './dictionary/types';
import type {
  AllowProposalInfo,
  DictionaryChanges,
  DictionaryDiff,
  DictionaryExportFormat,
  DictionaryImportPreview,
  DictionaryVersionContent,
  DictionaryVersionInfo,
  ExportedFile,
  ExtractedText,
  TrustedKeyInfo,
} from './dictionary-api';
import type { InstallationKeyInfo, PackageImportResult, PackageInfo, TrustedInstallationInfo } from './package-api';
import type {
  DispositionAction,
  DocumentDetail,
  DocumentState,
  DocumentSummary,
  PublicationMode,
  Role,
  SignRequest,
  UserInfo,
} from './records';

export interface ImportFile {
  /** The file's name as the user sees it. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

export type ImportResult =
  | { readonly ok: true; readonly name: string; readonly document: DocumentSummary }
  | { readonly ok: false; readonly name: string; readonly code: string; readonly message: string };

export interface ImportOptions {
  readonly title?: string;
  readonly docNumber?: string;
  /** Add as a new version of this document (上传修改稿): its chain starts again at 待自查. */
  readonly documentId?: string;
  readonly publicationMode?: PublicationMode;
  readonly channel?: string;
  readonly scope?: string;
  readonly publishTime?: string;
  /** A name the window chose, to ask 'documents/import-progress' how far this import has got. */
  readonly progressToken?: string;
}

/** How far an import has got: pages read (PDF, OFD), pictures read by OCR, then the review (and saving). */
export interface ImportProgress {
  readonly stage: 'reading' | 'pages' | 'ocr' | 'reviewing';
  readonly done?: number;
  readonly total?: number;
}

/**
 * What the scan read from the file (its text by part, tables, where hidden pieces stand, page sizes),
 * as kept with the scan: the window shows the document from this, and the findings on it.
 */
export interface DocumentModel {
  readonly versionId: string;
  readonly format: DocumentFormat;
  readonly blocks: readonly TextBlock[];
  readonly warnings: readonly ExtractWarning[];
  readonly pageCount?: number;
  readonly pages?: readonly PageSize[];
  readonly sheets?: readonly SheetInfo[];
}

export interface ReviewFormOptions {
  /** Add the 提示 findings as an annex (otherwise the 审查单 gives only their number). */
  readonly infoAnnex?: boolean;
}

export type SignInput = SignRequest;

export interface PublicationInput {
  readonly publicationMode: PublicationMode;
  readonly channel: string;
  readonly scope: string;
  readonly publishTime: string;
}

export interface AuditRow {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** Where this desktop keeps its records: its own file, or the department's PostgreSQL server. */
export type DatabaseSettings =
  | { readonly kind: 'file' }
  | {
      readonly kind: 'server';
      /** postgres://user@host:port/database, without a password. */
      readonly url: string;
      /** The CA certificate the server's TLS certificate is checked against. */
      readonly caFile?: string;
    };

export interface DatabaseSettingsView {
  readonly settings: DatabaseSettings;
  /** A password for the server is kept on this desktop (server-password, 0600). */
  readonly passwordSaved: boolean;
  /** This desktop's own database file. */
  readonly localFile: string;
}

export interface ConnectionState {
  readonly kind: 'file' | 'server';
  /** The file, or the server as 用户@服务器:端口/数据库 (no password). */
  readonly where: string;
  readonly connected: boolean;
  /** What the user reads: 已连接…, or why not and what to do. */
  readonly message: string;
}

/** Every call the window can make. Errors reject with a message a person can act on (Chinese). */
export interface MishenApi {
  'session/login': (username: string, password: string) => Promise<UserInfo>;
  'session/logout': () => Promise<void>;
  'session/current': () => Promise<UserInfo | null>;
  /** True while the database has no user: the window then offers to create the first administrator. */
  'session/needs-setup': () => Promise<boolean>;
  /** Creates the first administrator and signs them in; refused once any user exists. */
  'session/setup-admin': (username: string, displayName: string, password: string) => Promise<UserInfo>;
  /** This desktop's database settings: asked before anyone signs in (the users live in the database). */
  'settings/database': () => Promise<DatabaseSettingsView>;
  /** Tries the settings without saving them; `password` as typed (else the saved one). */
  'settings/database-test': (settings: DatabaseSettings, password?: string) => Promise<{ ok: boolean; message: string }>;
  /** Opens the records there and, once they open, saves the settings; whoever was signed in is signed out. */
  'settings/database-save': (settings: DatabaseSettings, password?: string) => Promise<ConnectionState>;
  /** Whether the records answer now (the window shows it, and checks it every few seconds on a server). */
  'connection/state': () => Promise<ConnectionState>;

  'documents/list': (filter: { state?: DocumentState; search?: string }) => Promise<DocumentSummary[]>;
  'documents/get': (documentId: string) => Promise<DocumentDetail>;
  'documents/import': (file: ImportFile, options: ImportOptions) => Promise<ImportResult>;
  /** null once the import has finished (or for a token no import uses). */
  'documents/import-progress': (progressToken: string) => Promise<ImportProgress | null>;
  'documents/model': (versionId: string) => Promise<DocumentModel>;
  /** The reviewed file's bytes (pdf.js draws its pages), or one picture in it (`source`: its path in the package). */
  'documents/content': (versionId: string, source?: string) => Promise<Uint8Array>;
  'documents/set-publication': (documentId: string, publication: PublicationInput) => Promise<DocumentDetail>;

  'findings/dispose': (findingId: string, action: DispositionAction, reason: string) => Promise<DocumentDetail>;
  'findings/propose-allow': (findingId: string, reason: string) => Promise<string>;

  'signoff/sign': (versionId: string, input: SignInput) => Promise<DocumentDetail>;

  'review-form/html': (documentId: string, options?: ReviewFormOptions) => Promise<string>;
  /** Saves the 审查单 as PDF (Electron's printToPDF in the app); resolves to the saved path, or null if cancelled. */
  'review-form/save-pdf': (documentId: string, options?: ReviewFormOptions) => Promise<string | null>;

  'audit/list': (limit: number) => Promise<AuditRow[]>;
  'audit/verify': () => Promise<{ ok: boolean; entries: number; message: string }>;

  'users/list': () => Promise<UserInfo[]>;
  'users/create': (user: { username: string; displayName: string; role: Role; division: string; password: string }) => Promise<UserInfo>;
  'users/update': (userId: string, change: UserChange) => Promise<UserInfo>;

  /** The dictionary set in use, for the security officer's screens and the live tester. */
  'dictionary/entries': () => Promise<DictionaryEntry[]>;
  /** The active version with its whole set (the security officer edits an unsaved copy of it). */
  'dictionary/active': () => Promise<DictionaryVersionContent>;
  'dictionary/versions': () => Promise<DictionaryVersionInfo[]>;
  'dictionary/version': (number: number) => Promise<DictionaryVersionContent>;
  'dictionary/diff': (from: number, to: number) => Promise<DictionaryDiff>;
  /** Saves the window's unsaved changes as one new version; refused if `baseVersion` is no longer active. */
  'dictionary/apply-edits': (changes: DictionaryChanges, note: string, baseVersion: number) => Promise<DictionaryVersionInfo>;
  'dictionary/rollback': (number: number, note: string) => Promise<DictionaryVersionInfo>;
  /** What importing the file would add, change, skip and reject, row by row. Changes nothing. */
  'dictionary/import-preview': (file: ImportFile) => Promise<DictionaryImportPreview>;
  'dictionary/import-apply': (file: ImportFile, note: string, baseVersion: number) => Promise<{ version: DictionaryVersionInfo; preview: DictionaryImportPreview }>;
  'dictionary/export': (format: DictionaryExportFormat, version?: number) => Promise<ExportedFile>;
  'dictionary/package-export': (version?: number) => Promise<ExportedFile>;
  /** Accepts a signed package, or refuses it with the reason (tampered, unknown-key, older-version). */
  'dictionary/package-import': (file: ImportFile) => Promise<DictionaryVersionInfo>;
  'dictionary/public-key': () => Promise<{ pem: string; fingerprint: string }>;
  'dictionary/trust-key': (pem: string, label: string) => Promise<TrustedKeyInfo>;
  'dictionary/trusted-keys': () => Promise<TrustedKeyInfo[]>;
  'dictionary/proposals': (status?: AllowProposalInfo['status']) => Promise<AllowProposalInfo[]>;
  /** `phrase`: a longer phrase from the context to allow instead of the bare match. */
  'dictionary/proposal-accept': (proposalId: string, note: string, phrase?: string) => Promise<DictionaryVersionInfo>;
  'dictionary/proposal-reject': (proposalId: string, reason: string) => Promise<void>;
  /** jieba's words for each text, so the live tester decides word boundaries exactly as a scan does. */
  'dictionary/segment': (texts: string[]) => Promise<string[][]>;
  /** A picked document's text for the live tester, read without recording anything. */
  'dictionary/extract': (file: ImportFile) => Promise<ExtractedText>;

  /**
   * The division's 送审包 (the latest version, once the head has approved it), or for the office
   * reviewer the 审核决定包 on a version that came in one: the signed file to save.
   */
  'packages/export': (documentId: string) => Promise<ExportedFile>;
  /** Verifies and takes a 送审包 (the office) or a 审核决定包 (the division); refused with the reason as the code. */
  'packages/import': (file: ImportFile) => Promise<PackageImportResult>;
  /** The packages this installation sent and took (of one document). */
  'packages/list': (documentId?: string) => Promise<PackageInfo[]>;
  'packages/installation-key': () => Promise<InstallationKeyInfo>;
  /** `keyOrFingerprint`: the other installation's key file (PEM), or its fingerprint as read over the telephone. */
  'packages/trust': (keyOrFingerprint: string, label: string) => Promise<TrustedInstallationInfo>;
  'packages/trusted': () => Promise<TrustedInstallationInfo[]>;
}

export interface UserChange {
  readonly role?: Role;
  readonly division?: string;
  readonly disabled?: boolean;
  readonly password?: string;
}

export type Channel = keyof MishenApi;

/** The calls about this desktop rather than the records: answered even when no database is open. */
export type DesktopChannel = 'settings/database' | 'settings/database-test' | 'settings/database-save' | 'connection/state';

/** The calls the records answer (api-handlers.ts). */
export type RecordsApi = Omit<MishenApi, DesktopChannel>;

/** What the preload puts on window.mishen: the same functions, one per channel. */
export type MishenBridge = { readonly [C in Channel]: MishenApi[C] };

/**
 * Every channel once, in the order the tables list them. Typed as a record over `Channel`, so that a
 * channel of MishenApi missing here, or one here that MishenApi does not have, fails the type check.
 */
const CHANNEL_TABLE: { readonly [C in Channel]: true } = {
  'session/login': true,
  'session/logout': true,
  'session/current': true,
  'session/needs-setup': true,
  'session/setup-admin': true,
  'settings/database': true,
  'settings/database-test': true,
  'settings/database-save': true,
  'connection/state': true,
  'documents/list': true,
  'documents/get': true,
  'documents/import': true,
  'documents/import-progress': true,
  'documents/model': true,
  'documents/content': true,
  'documents/set-publication': true,
  'findings/dispose': true,
  'findings/propose-allow': true,
  'signoff/sign': true,
  'review-form/html': true,
  'review-form/save-pdf': true,
  'audit/list': true,
  'audit/verify': true,
  'users/list': true,
  'users/create': true,
  'users/update': true,
  'dictionary/entries': true,
  'dictionary/active': true,
  'dictionary/versions': true,
  'dictionary/version': true,
  'dictionary/diff': true,
  'dictionary/apply-edits': true,
  'dictionary/rollback': true,
  'dictionary/import-preview': true,
  'dictionary/import-apply': true,
  'dictionary/export': true,
  'dictionary/package-export': true,
  'dictionary/package-import': true,
  'dictionary/public-key': true,
  'dictionary/trust-key': true,
  'dictionary/trusted-keys': true,
  'dictionary/proposals': true,
  'dictionary/proposal-accept': true,
  'dictionary/proposal-reject': true,
  'dictionary/segment': true,
  'dictionary/extract': true,
  'packages/export': true,
  'packages/import': true,
  'packages/list': true,
  'packages/installation-key': true,
  'packages/trust': true,
  'packages/trusted': true,
};

export const CHANNELS = Object.keys(CHANNEL_TABLE) as readonly Channel[];
