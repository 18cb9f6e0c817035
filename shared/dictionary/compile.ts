// Turns a dictionary set into what a scan needs: one automaton for every term, one for the
// allow-list, compiled regular expressions, the context rules by id. Built once per set.
import { TermAutomaton } from '../match/term-automaton';
import { normalizeTerm } from '../text/normalize';
import { DictionaryError, type AllowEntry, type BoundaryMode, type ContextRule, type DictionarySet, type PatternEntry, type TermEntry } from './types';

export interface CompiledPattern {
  readonly entry: PatternEntry;
  readonly regex: RegExp;
}

export interface CompiledDictionary {
  readonly set: DictionarySet;
  readonly terms: readonly TermEntry[];
  /** Normalised form of each term, same index as `terms`. */
  readonly normalizedTerms: readonly string[];
  readonly termAutomaton: TermAutomaton;
  /** Per term: must the hit stand as a word of the sentence (boundary mode resolved)? */
  readonly wholeWordOnly: Uint8Array;
  readonly patterns: readonly CompiledPattern[];
  readonly allow: readonly AllowEntry[];
  readonly allowAutomaton: TermAutomaton;
  readonly contextRules: ReadonlyMap<string, ContextRule>;
}

/** Short CJK terms are the ones that hide inside longer words (机密 in 有机密封). */
const SHORT_CJK_TERM = /^[\u3400-\u9fff]{1,3}$/;

function isWholeWordOnly(mode: BoundaryMode, normalized: string): boolean {
  return mode === 'word' || (mode === 'auto' && SHORT_CJK_TERM.test(normalized));
}

export function compileDictionary(set: DictionarySet): CompiledDictionary {
  const terms = set.entries.filter((e): e is TermEntry => e.type === 'term' && e.enabled !== false);
  const normalizedTerms = terms.map((t) => normalizeTerm(t.term));
  terms.forEach((t, i) => {
    if (!normalizedTerms[i]) throw new DictionaryError(t.source, t.line, `词条「${t.term}」规范化后为空（只含空白或不可见字符）`);
  });
  const contextRules = new Map(set.contextRules.map((r) => [r.id, r]));
  for (const e of set.entries) {
    if (e.context && !contextRules.has(e.context)) {
      throw new DictionaryError(e.source, e.line, `条目「${e.id}」引用的语境规则「${e.context}」不存在`);
    }
  }
  const patterns = set.entries
    .filter((e): e is PatternEntry => e.type === 'pattern' && e.enabled !== false)
    .map((entry) => ({ entry, regex: new RegExp(entry.pattern, 'gu') }));
  return {
    set,
    terms,
    normalizedTerms,
    termAutomaton: TermAutomaton.build(normalizedTerms),
    wholeWordOnly: Uint8Array.from(terms, (t, i) => (isWholeWordOnly(t.boundary, normalizedTerms[i]) ? 1 : 0)),
    patterns,
    allow: set.allow,
    allowAutomaton: TermAutomaton.build(set.allow.map((a) => normalizeTerm(a.term))),
    contextRules,
  };
}
