// A mention is not a mark: 保守国家秘密法, 防止泄露国家秘密、工作秘密 name the subject of secrecy.
// A context rule lists cue words; a cue before the hit in the same clause, or right after it,
// makes the hit a mention.
import type { ContextRule } from '../dictionary/types';

/** Clause delimiters. 、 is not one: 防止泄露国家秘密、工作秘密 is one clause with one verb. */
const CLAUSE_END = /[，。；：！？,;:!?\n（）()“”"]/;
const AFTER_WINDOW = 4;

export type MentionDecision = { readonly mention: false; readonly cue?: string } | { readonly mention: true; readonly cue?: string };

export function decideMention(rule: ContextRule, text: string, start: number, end: number): MentionDecision {
  let from = start;
  while (from > 0 && !CLAUSE_END.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && !CLAUSE_END.test(text[to])) to++;
  const clause = (text.slice(from, start) + text.slice(end, to)).replace(/\s+/g, '');
  const asserted = rule.assertion.find((cue) => clause.includes(cue));
  if (asserted) return { mention: false, cue: asserted };
  const before = text.slice(from, start).replace(/\s+/g, '');
  const cueBefore = rule.before.find((cue) => before.includes(cue));
  if (cueBefore) return { mention: true, cue: cueBefore };
  const after = text.slice(end, end + AFTER_WINDOW + 2).replace(/\s+/g, '');
  const cueAfter = rule.after.find((cue) => after.startsWith(cue));
  if (cueAfter) return { mention: true, cue: cueAfter };
  return { mention: rule.mentionByDefault };
}
