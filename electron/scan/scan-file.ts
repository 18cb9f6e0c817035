// Reviews one file end to end: read it (any format), run the engine, shape the report.
// Never throws for a bad file: an unreadable file becomes a report with `error`.
import type { CompiledDictionary } from '../../shared/dictionary/compile';
import type { Segmenter } from '../../shared/engine/word-boundary';
import { reviewDocument } from '../../shared/engine/review-document';
import type { ExtractedDocument, ReadError } from '../../shared/document-model';
import type { DictionaryListRef, FileReport } from '../../shared/report';
import { readDocument, readDocumentBytes, type ReadOptions, type ReadOutcome } from '../ingest/read-document';
import { ENGINE_VERSION } from './engine-version';

/**
 * What a scan works with, built once per process (scan-kit.ts): the dictionary compiled, the
 * segmenter, the readers' options (OCR). Not a person: the people who review are the users who sign.
 */
export interface ScanKit {
  readonly dictionary: CompiledDictionary;
  /** Canonical hash (dictionary/canonical-hash.ts) of the base set: a database's dictionary version, or the starter set. */
  readonly dictionaryHash: string;
  /** The user's --dict lists on top of the base set, each by file and canonical hash. */
  readonly dictionaryLists?: readonly DictionaryListRef[];
  readonly segment?: Segmenter;
  readonly readOptions?: ReadOptions;
  /** Ends what the kit started (the OCR worker), so the process can exit. */
  readonly close?: () => Promise<void>;
}

export async function scanFile(path: string, kit: ScanKit): Promise<FileReport> {
  const t0 = performance.now();
  return reportOf(await readDocument(path, kit.readOptions), kit, t0);
}

/** How far a scan has got: pages read (PDF, OFD), pictures read by OCR, then the engine. */
export type ScanProgress = { readonly stage: 'pages' | 'ocr'; readonly done: number; readonly total: number } | { readonly stage: 'reviewing' };

/**
 * The same for bytes already in memory (a file the window sent; nothing is written to disk), also
 * giving what was read (the document model the window shows) and telling `progress` how far it has got.
 */
export async function scanBytesWithDocument(
  bytes: Uint8Array,
  fileName: string,
  kit: ScanKit,
  progress?: (p: ScanProgress) => void,
): Promise<{ readonly report: FileReport; readonly document?: ExtractedDocument }> {
  const t0 = performance.now();
  const base = kit.readOptions ?? {};
  const options = progress
    ? {
        ...base,
        onPage: (done: number, total: number) => progress({ stage: 'pages', done, total }),
        ...(base.ocr ? { ocr: { ...base.ocr, onProgress: (p: { done: number; total: number }) => progress({ stage: 'ocr', ...p }) } } : {}),
      }
    : base;
  const outcome = await readDocumentBytes(bytes, fileName, options);
  progress?.({ stage: 'reviewing' });
  return { report: reportOf(outcome, kit, t0), ...(outcome.result.ok ? { document: outcome.result.document } : {}) };
}

function reportOf(outcome: ReadOutcome, kit: ScanKit, t0: number): FileReport {
  const common = {
    file: outcome.file,
    sha256: outcome.sha256,
    format: outcome.format,
    dictionaryHash: kit.dictionaryHash,
    ...(kit.dictionaryLists?.length ? { dictionaryLists: kit.dictionaryLists } : {}),
    engineVersion: ENGINE_VERSION,
  };
  if (!outcome.result.ok) return { ...common, ...unreviewed(outcome.result.error), elapsedMs: Math.round(performance.now() - t0) };
  const review = reviewDocument(outcome.result.document, kit.dictionary, kit.segment);
  return { ...common, ...review, elapsedMs: Math.round(performance.now() - t0) };
}

/** The report of a file that could not be reviewed at all (stopped, or never read): never 'pass'. */
export function failedReport(file: string, dictionaryHash: string, error: ReadError, elapsedMs: number): FileReport {
  return { file, sha256: '', format: 'unknown', dictionaryHash, engineVersion: ENGINE_VERSION, ...unreviewed(error), elapsedMs: Math.round(elapsedMs) };
}

function unreviewed(error: ReadError) {
  return { verdict: 'review', findings: [], warnings: [], error } as const;
}

