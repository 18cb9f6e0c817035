// The one contract between the window and the main process (as GitHub Desktop's ipc-shared.ts):
// every channel, its arguments and its answer. The preload exposes one function per channel on
// `window.mishen`; ipc.ts registers one guarded handler per channel; the end-to-end tests install
// the same object on `window`, wired to the real service. Channels are namespaced 'area/action'.
import type { ExtractWarning, Part } from './document-model';
import type { DictionaryEntry } from './dictionary/types';
import type {
  DispositionAction,
  DocumentDetail,
  DocumentState,
  DocumentSummary,
  Outcome,
  PublicationMode,
  Role,
  SignoffStep,
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
  /** Add as a new version of this document. */
  readonly documentId?: string;
}

/** One paragraph or page of the reviewed file, for showing the text by part with findings in place. */
export interface PreviewBlock {
  readonly part: Part;
  readonly paragraph: number;
  readonly page?: number;
  readonly label?: string;
  readonly author?: string;
  readonly text: string;
}

export interface DocumentPreview {
  readonly versionId: string;
  readonly blocks: readonly PreviewBlock[];
  readonly warnings: readonly ExtractWarning[];
}

export interface SignInput {
  readonly step: SignoffStep;
  readonly decision: 'approve' | 'return';
  readonly opinion: string;
  readonly outcome?: Outcome;
  readonly legalBasis?: string;
}

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

/** Every call the window can make. Errors reject with a message a person can act on (Chinese). */
export interface MishenApi {
  'session/login': (username: string, password: string) => Promise<UserInfo>;
  'session/logout': () => Promise<void>;
  'session/current': () => Promise<UserInfo | null>;

  'documents/list': (filter: { state?: DocumentState; search?: string }) => Promise<DocumentSummary[]>;
  'documents/get': (documentId: string) => Promise<DocumentDetail>;
  'documents/import': (file: ImportFile, options: ImportOptions) => Promise<ImportResult>;
  'documents/preview': (versionId: string) => Promise<DocumentPreview>;
  'documents/set-publication': (documentId: string, publication: PublicationInput) => Promise<DocumentDetail>;

  'findings/dispose': (findingId: string, action: DispositionAction, reason: string) => Promise<DocumentDetail>;
  'findings/propose-allow': (findingId: string, reason: string) => Promise<string>;

  'signoff/sign': (versionId: string, input: SignInput) => Promise<DocumentDetail>;

  'review-form/html': (documentId: string) => Promise<string>;
  /** Saves the 审查单 as PDF (Electron's printToPDF in the app); resolves to the saved path, or null if cancelled. */
  'review-form/save-pdf': (documentId: string) => Promise<string | null>;

  'audit/list': (limit: number) => Promise<AuditRow[]>;
  'audit/verify': () => Promise<{ ok: boolean; entries: number; message: string }>;

  'users/list': () => Promise<UserInfo[]>;
  'users/create': (user: { username: string; displayName: string; role: Role; division: string; password: string }) => Promise<UserInfo>;

  /** The dictionary set in use, for the security officer's screens and the live tester. */
  'dictionary/entries': () => Promise<DictionaryEntry[]>;
}

export type Channel = keyof MishenApi;

/** What the preload puts on window.mishen: the same functions, one per channel. */
export type MishenBridge = { readonly [C in Channel]: MishenApi[C] };

export const CHANNELS: readonly Channel[] = [
  'session/login',
  'session/logout',
  'session/current',
  'documents/list',
  'documents/get',
  'documents/import',
  'documents/preview',
  'documents/set-publication',
  'findings/dispose',
  'findings/propose-allow',
  'signoff/sign',
  'review-form/html',
  'review-form/save-pdf',
  'audit/list',
  'audit/verify',
  'users/list',
  'users/create',
  'dictionary/entries',
];
