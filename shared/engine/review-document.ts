// The engine's entry point: an extracted document and a compiled dictionary in, findings,
// warnings and a verdict out. Pure: the caller reads the file and supplies the segmenter.
//
// The stages: match every block; read the document's structure (title, head, notes …); judge each
// match by the roles it plays; keep one finding per thing; add what the file hides; score
// aggregation per table, section and document.
import type { ExtractedDocument } from '../document-model';
import type { CompiledDictionary } from '../dictionary/compile';
import type { Finding, ReportWarning, Verdict } from '../findings';
import { aggregationFindings } from './aggregation';
import { BlockViews } from './block-views';
import { dedupeHits } from './dedupe';
import { documentStructure } from './document-structure';
import { hiddenContentHits } from './hidden-content';
import { judgeMatches } from './judge-hits';
import { matchBlock } from './match-block';
import { tableRowContexts } from './table-rows';
import { tablesOf } from './tables';
import type { Segmenter } from './word-boundary';

export interface DocumentReview {
  readonly verdict: Verdict;
  readonly findings: readonly Finding[];
  readonly warnings: readonly ReportWarning[];
}

/** Warnings that leave part of the file unreviewed: such a file never passes as clean. */
const WARNINGS_THAT_NEED_A_PERSON = new Set(['no-text-layer', 'page-unreadable', 'unread-text', 'embedded-object', 'attachment', 'garbled-text', 'long-block', 'ocr-low-confidence', 'ocr-limit']);

export function reviewDocument(doc: ExtractedDocument, dict: CompiledDictionary, segment?: Segmenter): DocumentReview {
  const views = doc.blocks.map((block) => new BlockViews(block, segment));
  const matches = views.map((v, i) => matchBlock(v, i, dict));
  const structure = documentStructure(doc.blocks, views);
  const rows = tableRowContexts(doc.blocks);
  const termHits = dedupeHits(judgeMatches({ blocks: doc.blocks, views, structure, dict, rows, matches }));
  const hidden = hiddenContentHits(doc.blocks);
  const tables = tablesOf(doc.blocks, views);
  const aggregation = aggregationFindings(termHits, doc.blocks, tables, dict.set.aggregationRules);
  const findings = [...termHits, ...hidden]
    .sort((a, b) => a.blockIndex - b.blockIndex || (a.finding.start ?? 0) - (b.finding.start ?? 0))
    .map((h) => h.finding)
    .concat(aggregation);
  return { verdict: verdictOf(findings, doc.warnings), findings, warnings: doc.warnings };
}

export function verdictOf(findings: readonly Finding[], warnings: readonly ReportWarning[]): Verdict {
  if (findings.some((f) => f.severity === 'block')) return 'block';
  if (findings.some((f) => f.severity === 'review')) return 'review';
  if (warnings.some((w) => WARNINGS_THAT_NEED_A_PERSON.has(w.code))) return 'review';
  return 'pass';
}
