// What the dictionary channels of the contract carry (api-contract.ts). The service's own types
// live under electron/, which the window may not import, so their shape is declared here; the
// handlers are type-checked against these, so the two cannot drift apart unnoticed.
import type { ExtractWarning, TextBlock } from './document-model';
import type { DictionaryDiff } from './dictionary/diff';
import type { AllowEdit } from './dictionary/edit-allow';
import type { EntryEdit } from './dictionary/edit-entries';
import type { DictionarySet } from './dictionary/types';
import type { ProposalStatus } from './records';

export interface DictionaryVersionInfo {
  readonly id: string;
  readonly number: number;
  /** SHA-256 of the canonical content. */
  readonly hash: string;
  readonly note: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly origin: string;
  /** Set when the version came in a signed package. */
  readonly issuer?: string;
  readonly packageCreatedAt?: string;
  readonly keyFingerprint?: string;
  readonly active: boolean;
}

export interface DictionaryVersionContent extends DictionaryVersionInfo {
  readonly set: DictionarySet;
}

/** The unsaved changes the window sends in one save. */
export interface DictionaryChanges {
  readonly entries: readonly EntryEdit[];
  readonly allow: readonly AllowEdit[];
}

export type ImportRowAction = 'add' | 'change' | 'duplicate' | 'invalid';

export interface ImportPreviewRow {
  readonly line: number;
  readonly item: 'entry' | 'allow' | 'context-rule' | 'aggregation-rule';
  readonly id?: string;
  readonly term: string;
  readonly category: string;
  readonly severity: string;
  readonly action: ImportRowAction;
  /** Why: the changed fields, the duplicate it matches, what is invalid. */
  readonly reason: string;
}

export interface DictionaryImportPreview {
  readonly fileName: string;
  /** The active version the preview was made against; applying refuses if it has changed since. */
  readonly baseVersion: number;
  readonly rows: readonly ImportPreviewRow[];
  readonly counts: Readonly<Record<ImportRowAction, number>>;
}

export const DICTIONARY_EXPORT_FORMATS = ['csv', 'txt', 'xlsx', 'json'] as const;
export type DictionaryExportFormat = (typeof DICTIONARY_EXPORT_FORMATS)[number];

export interface ExportedFile {
  /** A suggested file name. */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Items the format cannot carry (patterns, disabled entries, allow list, rules). */
  readonly omitted?: number;
}

export interface AllowProposalInfo {
  readonly id: string;
  readonly findingId: string;
  readonly term: string;
  readonly category: string;
  /** The text around the finding the reviewer called a false positive. */
  readonly context: string;
  readonly reason: string;
  readonly proposedBy: string;
  readonly createdAt: string;
  readonly status: ProposalStatus;
}

export interface TrustedKeyInfo {
  readonly fingerprint: string;
  readonly label: string;
  readonly addedBy: string;
  readonly addedAt: string;
}

/** A picked document's text, read without recording anything, for the live tester. */
export interface ExtractedText {
  readonly name: string;
  readonly blocks: readonly TextBlock[];
  readonly warnings: readonly ExtractWarning[];
}

export type { DictionaryDiff };
