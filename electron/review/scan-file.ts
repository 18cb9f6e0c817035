// Reviews one file end to end: read it (any format), run the engine, shape the report.
// Never throws for a bad file: an unreadable file becomes a report with `error`.
import { createHash } from 'node:crypto';
import type { CompiledDictionary } from '../../shared/dictionary/compile';
import type { Segmenter } from '../../shared/engine/word-boundary';
import { reviewDocument } from '../../shared/engine/review-document';
import type { ReadError } from '../../shared/document-model';
import type { FileReport } from '../../shared/report';
import { readDocument, type ReadOptions } from '../ingest/read-document';
import { ENGINE_VERSION } from './engine-version';

export interface Reviewer {
  readonly dictionary: CompiledDictionary;
  readonly dictionaryHash: string;
  readonly segment?: Segmenter;
  readonly readOptions?: ReadOptions;
}

export async function scanFile(path: string, reviewer: Reviewer): Promise<FileReport> {
  const t0 = performance.now();
  const outcome = await readDocument(path, reviewer.readOptions);
  const common = {
    file: path,
    sha256: outcome.sha256,
    format: outcome.format,
    dictionaryHash: reviewer.dictionaryHash,
    engineVersion: ENGINE_VERSION,
  };
  if (!outcome.result.ok) return { ...common, ...unreviewed(outcome.result.error), elapsedMs: Math.round(performance.now() - t0) };
  const review = reviewDocument(outcome.result.document, reviewer.dictionary, reviewer.segment);
  return { ...common, ...review, elapsedMs: Math.round(performance.now() - t0) };
}

/** The report of a file that could not be reviewed at all (stopped, or never read): never 'pass'. */
export function failedReport(file: string, dictionaryHash: string, error: ReadError, elapsedMs: number): FileReport {
  return { file, sha256: '', format: 'unknown', dictionaryHash, engineVersion: ENGINE_VERSION, ...unreviewed(error), elapsedMs: Math.round(elapsedMs) };
}

function unreviewed(error: ReadError) {
  return { verdict: 'review', findings: [], warnings: [], error } as const;
}

/** A stable hash of the dictionary set's content, recorded with every scan. */
export function hashDictionarySet(dictionary: Pick<CompiledDictionary, 'set'>): string {
  const { entries, allow, contextRules, aggregationRules } = dictionary.set;
  // Entry by entry: one JSON string of 100,000 entries would cost tens of megabytes at once.
  const hash = createHash('sha256');
  for (const [name, list] of [['entries', entries], ['allow', allow], ['contextRules', contextRules], ['aggregationRules', aggregationRules]] as const) {
    hash.update(`${name}\n`);
    for (const item of list) hash.update(JSON.stringify(item)).update('\n');
  }
  return hash.digest('hex');
}
