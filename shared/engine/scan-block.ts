// Dictionary terms and patterns over one block of text.
import type { TextBlock } from '../document-model';
import type { CompiledDictionary } from '../dictionary/compile';
import type { DictionaryEntry } from '../dictionary/types';
import { PART_LABELS, categoryLabel } from '../labels';
import { describeFolding } from '../text/describe-folding';
import { normalizeText, type NormalizedText } from '../text/normalize';
import { VALIDATOR_FUNCTIONS, VALIDATOR_REASONS } from '../validators';
import { contextOf, locate, type Hit } from './hit';
import { placeOf } from './place';
import type { RowContext } from './table-rows';
import { decideSeverity } from './severity';
import { WordBoundaries, type Segmenter } from './word-boundary';

/** Lazily computed views of one block: normalised text, its inverse offset map, word boundaries. */
class BlockViews {
  private normalized?: NormalizedText;
  private inverse?: Int32Array;
  private words?: WordBoundaries;

  constructor(
    readonly block: TextBlock,
    private readonly segment: Segmenter | undefined,
  ) {}

  get norm(): NormalizedText {
    return (this.normalized ??= normalizeText(this.block.text));
  }

  /** Whether the original span [start, end) stands as a word; true when no segmenter is at hand. */
  isWord(start: number, end: number): boolean {
    if (!this.segment) return true;
    const norm = this.norm;
    if (!this.inverse) {
      this.inverse = new Int32Array(this.block.text.length + 1).fill(-1);
      norm.origin.forEach((orig, i) => (this.inverse![orig] = i));
      this.words = new WordBoundaries(norm.text, this.segment);
    }
    const s = this.inverse[start];
    const e = this.inverse[end - 1];
    return s < 0 || e < 0 || this.words!.isWord(s, e + 1);
  }
}

export function scanBlock(
  block: TextBlock,
  blockIndex: number,
  dict: CompiledDictionary,
  segment?: Segmenter,
  row?: RowContext,
): Hit[] {
  const views = new BlockViews(block, segment);
  const allowed = allowedSpans(block.text, dict);
  const hits: Hit[] = [];
  dict.termAutomaton.scanOriginal(block.text, (start, end, i) => {
    const entry = dict.terms[i];
    if (dict.wholeWordOnly[i] && !views.isWord(start, end)) return;
    if (isAllowed(allowed, start, end, entry.category)) return;
    const match = block.text.slice(start, end);
    const folding = describeFolding(match);
    const normNote = folding.length ? `（原文经${folding.join('、')}后与词条一致）` : '';
    hits.push(makeHit(block, blockIndex, dict, entry, start, end, row, `词库「${entry.source}」${entry.line > 0 ? `第 ${entry.line} 行` : ''}词条「${entry.term}」${normNote}`));
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
      const start = norm.origin[m.index];
      const end = norm.origin[m.index + m[0].length - 1] + 1;
      const place = placeOf(block, start, end);
      if (entry.standaloneOnly && !place.standalone) continue;
      if (entry.headOnly && !place.head) continue;
      if (isAllowed(allowed, start, end, entry.category)) continue;
      const valid = entry.validator ? `，${VALIDATOR_REASONS[entry.validator]}` : '';
      const folding = describeFolding(block.text.slice(start, end));
      const normNote = folding.length ? `（原文经${folding.join('、')}后匹配）` : '';
      hits.push(makeHit(block, blockIndex, dict, entry, start, end, row, `规则「${entry.id}」${normNote}${valid}`));
    }
  }
  return hits;
}

function makeHit(
  block: TextBlock,
  blockIndex: number,
  dict: CompiledDictionary,
  entry: DictionaryEntry,
  start: number,
  end: number,
  row: RowContext | undefined,
  what: string,
): Hit {
  const place = placeOf(block, start, end);
  const rule = entry.context ? dict.contextRules.get(entry.context) : undefined;
  const decision = decideSeverity(entry, place, rule, block.text, start, end);
  const where = PART_LABELS[block.part] + (block.label ? `「${block.label}」` : '');
  return {
    block,
    blockIndex,
    finding: {
      category: entry.category,
      kind: entry.kind,
      severity: decision.severity,
      match: block.text.slice(start, end),
      context: row ? contextOf(row.text, row.offset + start, row.offset + end) : contextOf(block.text, start, end),
      ...locate(block, start, end, place.line),
      ruleId: entry.id,
      explanation: `${where}命中${what}，属「${categoryLabel(entry.category)}」${entry.note ? `（${entry.note}）` : ''}；${decision.reason}。`,
    },
  };
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
