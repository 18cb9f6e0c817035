// Checks an allow-list phrase while it is typed, against the unsaved set. A phrase equal to a term
// of its categories would silence that term everywhere (the service refuses such a set); a phrase
// containing terms is how allow lists are meant to work (有机密封 around 机密), so only a warning.
import type { DictionarySet, TermEntry } from '../../../shared/dictionary/types';
import { normalizeTerm } from '../../../shared/text/normalize';

export interface AllowDraft {
  readonly term: string;
  readonly categories: readonly string[];
}

export interface AllowProblem {
  readonly level: 'error' | 'warning';
  readonly message: string;
}

export function createAllowChecker(set: Pick<DictionarySet, 'entries' | 'allow'>): (draft: AllowDraft) => AllowProblem[] {
  // Indexed once: the phrase's substrings are then looked up, never the 100,000 terms scanned.
  const terms = new Map<string, TermEntry[]>();
  for (const e of set.entries) {
    if (e.type !== 'term' || e.enabled === false) continue;
    const k = normalizeTerm(e.term);
    terms.set(k, [...(terms.get(k) ?? []), e]);
  }
  const allowKeys = new Set(set.allow.map((a) => `${normalizeTerm(a.term)}\u0000${[...a.categories].sort().join(',')}`));
  return (draft) => {
    const phrase = normalizeTerm(draft.term);
    if (!phrase) return [{ level: 'error', message: '白名单短语不能为空' }];
    const problems: AllowProblem[] = [];
    if (allowKeys.has(`${phrase}\u0000${[...draft.categories].sort().join(',')}`)) problems.push({ level: 'error', message: '白名单中已有相同的短语（同样的适用类别）' });
    const applies = (t: TermEntry) => draft.categories.length === 0 || draft.categories.includes(t.category);
    const exact = (terms.get(phrase) ?? []).filter(applies);
    if (exact.length) problems.push({ level: 'error', message: `短语与词条「${exact[0].term}」（${exact[0].id}）相同，该词条将永远不会报告；请改用包含它的更长短语` });
    const inside = new Set<string>();
    for (let i = 0; i < phrase.length && inside.size < 5; i++) {
      for (let j = i + 1; j <= phrase.length; j++) {
        if (j - i === phrase.length) continue;
        for (const t of terms.get(phrase.slice(i, j)) ?? []) if (applies(t)) inside.add(t.term);
      }
    }
    if (inside.size) problems.push({ level: 'warning', message: `出现在此短语中的词条不再报告：${[...inside].map((t) => `「${t}」`).join('、')}` });
    return problems;
  };
}
