// Dictionary entries: what Mishen looks for. Data, loaded from dictionaries/ and from a user's own
// lists; the engine compiles them (./compile.ts).
import type { Severity } from '../findings';
import type { SeverityByRole } from './roles';

export type { SeverityByRole } from './roles';

/**
 * How a term must stand in the sentence.
 * - word: its start is a word boundary and it does not run into a following word (机密 in 有机密封 is no hit);
 * - none: anywhere, even inside a longer word;
 * - auto: `word` for short CJK terms (≤ 3 characters), which are the ones that hide inside other words; `none` otherwise.
 */
export const BOUNDARY_MODES = ['auto', 'word', 'none'] as const;
export type BoundaryMode = (typeof BOUNDARY_MODES)[number];

interface EntryBase {
  readonly id: string;
  readonly category: string;
  readonly kind?: string;
  readonly severity: Severity;
  readonly note: string;
  /** Severity by the role a hit plays in the document (./roles.ts); roles left out keep `severity`. */
  readonly severityByRole?: SeverityByRole;
  /** Id of a context rule (contextRules) that can mark a hit as a mere mention. */
  readonly context?: string;
  readonly enabled?: boolean;
  /** Where the entry was defined: file and line, for error messages and explanations. */
  readonly source: string;
  readonly line: number;
}

export interface TermEntry extends EntryBase {
  readonly type: 'term';
  readonly term: string;
  readonly boundary: BoundaryMode;
}

/** The checks a pattern entry may name (../validators.ts). */
export const VALIDATOR_NAMES = ['cn-id-card', 'luhn-card', 'cn-mobile', 'coordinate', 'ipv4', 'date', 'copy-number'] as const;
export type ValidatorName = (typeof VALIDATOR_NAMES)[number];

export interface PatternEntry extends EntryBase {
  readonly type: 'pattern';
  /** A JavaScript regular expression, run over the normalised text (lower case, half width, simplified, see shared/text). */
  readonly pattern: string;
  readonly validator?: ValidatorName;
  /** Only where the hit stands alone on its line or paragraph (e.g. a bare 机密 as a mark). */
  readonly standaloneOnly?: boolean;
  /** Only in the first lines of the first page. */
  readonly headOnly?: boolean;
}

/** A phrase that is known harmless: a hit lying inside one of its occurrences is dropped. */
export interface AllowEntry {
  readonly type: 'allow';
  readonly id: string;
  readonly term: string;
  /** Only hits of these categories are dropped; empty: all. */
  readonly categories: readonly string[];
  readonly note: string;
  readonly source: string;
  readonly line: number;
}

export type DictionaryEntry = TermEntry | PatternEntry;

/**
 * A hit is a mention, not a mark, when a cue stands before it in the same clause or right after it
 * (保守国家秘密法, 防止泄露国家秘密). Mentions are reported at `severity` (usually info).
 * With `mentionByDefault`, every hit in running text is a mention unless the clause speaks of the
 * document itself (an `assertion` cue such as 本报告 … 属于工作秘密).
 */
export interface ContextRule {
  readonly id: string;
  readonly before: readonly string[];
  readonly after: readonly string[];
  readonly assertion: readonly string[];
  readonly mentionByDefault: boolean;
  readonly severity: Severity;
  readonly explanation: string;
}

/** A group of findings that together reveal more than each alone (数据汇聚). */
export interface AggregationSignal {
  readonly label: string;
  /** Finding kinds (or categories) counted for this signal. */
  readonly kinds: readonly string[];
  readonly min: number;
  readonly required?: boolean;
  readonly weight?: number;
  /**
   * In a table, the cells of a column also count: a column whose header matches `header` (a regular
   * expression over the normalised header) or holds a hit of one of `kinds`; each of its cells that
   * matches `cell` (default: any text) is an item.
   */
  readonly columns?: { readonly header?: string; readonly cell?: string };
}

export interface AggregationRule {
  readonly id: string;
  readonly title: string;
  readonly signals: readonly AggregationSignal[];
  /** How many signals must reach their `min` in one scope. */
  readonly minSignals: number;
  /** Weighted item count from which the finding is a block rather than a review. */
  readonly blockScore: number;
  readonly explanation: string;
  readonly source: string;
}

export interface DictionarySet {
  readonly entries: readonly DictionaryEntry[];
  readonly allow: readonly AllowEntry[];
  readonly contextRules: readonly ContextRule[];
  readonly aggregationRules: readonly AggregationRule[];
  /** File names the set came from, in load order. */
  readonly sources: readonly string[];
}

/** A dictionary that could not be read: names the file and the line. */
export class DictionaryError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`词库文件「${file}」第 ${line} 行：${reason}`);
    this.name = 'DictionaryError';
  }
}
