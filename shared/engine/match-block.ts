// Dictionary terms and patterns over one block of text: every place an entry matches, before its
// severity is judged (which needs the whole document: its structure, the other hits of the line).
import type { CompiledDictionary } from '../dictionary/compile';
import type { DictionaryEntry } from '../dictionary/types';
import { describeFolding } from '../text/describe-folding';
import { toOriginalSpan } from '../text/normalize';
import { VALIDATOR_FUNCTIONS, VALIDATOR_REASONS } from '../validators';
import type { BlockViews } from './block-views';

export interface RawMatch {
  readonly entry: DictionaryEntry;
  readonly blockIndex: number;
  /** Span in the block's original text. */
  readonly start: number;
  readonly end: number;
  /** The text as it stands at [start, end). */
  readonly text: string;
  /** What matched, in words: which entry, after which normalisation, which check it passed. */
  readonly what: string;
}

export function matchBlock(views: BlockViews, blockIndex: number, dict: CompiledDictionary): RawMatch[] {
  const text = views.block.text;
  const allowed = allowedSpans(text, dict);
  const matches: RawMatch[] = [];
  dict.termAutomaton.scanOriginal(text, (start, end, i) => {
    const entry = dict.terms[i];
    if (dict.wholeWordOnly[i] && !views.isWord(start, end)) return;
    if (isAllowed(allowed, start, end, entry.category)) return;
    const matched = text.slice(start, end);
    const folding = describeFolding(matched);
    const normNote = folding.length ? `（原文经${folding.join('、')}后与词条一致）` : '';
    matches.push({ entry, blockIndex, start, end, text: matched, what: `词库「${entry.source}」词条「${entry.term}」${normNote}` });
  });
  for (const { entry, regex } of dict.patterns) {
    const norm = views.norm;
    regex.lastIndex = 0;
    for (let m = regex.exec(norm.text); m; m = regex.exec(norm.text)) {
      if (m[0].length === 0) {
        regex.lastIndex++;
        continue;
      }
      if (entry.validator && !VALIDATOR_FUNCTIONS[entry.validator](m[0])) continue;
      const { start, end } = toOriginalSpan(norm, m.index, m.index + m[0].length);
      if (isAllowed(allowed, start, end, entry.category)) continue;
      const valid = entry.validator ? `，${VALIDATOR_REASONS[entry.validator]}` : '';
      const matched = text.slice(start, end);
      const folding = describeFolding(matched);
      const normNote = folding.length ? `（原文经${folding.join('、')}后匹配）` : '';
      matches.push({ entry, blockIndex, start, end, text: matched, what: `识别规则${normNote}${valid}` });
    }
  }
  return matches;
}

/** Spans of the block covered by allow-list phrases, with the categories each allows. */
function allowedSpans(text: string, dict: CompiledDictionary): Array<[number, number, readonly string[]]> {
  if (dict.allow.length === 0) return [];
  const spans: Array<[number, number, readonly string[]]> = [];
  dict.allowAutomaton.scanOriginal(text, (start, end, i) => spans.push([start, end, dict.allow[i].categories]));
  return spans;
}

function isAllowed(spans: Array<[number, number, readonly string[]]>, start: number, end: number, category: string): boolean {
  return spans.some(([s, e, cats]) => s <= start && end <= e && (cats.length === 0 || cats.includes(category)));
}
