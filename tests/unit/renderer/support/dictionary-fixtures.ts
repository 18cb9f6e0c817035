// A small dictionary set for the dictionary screen's component tests.
import type { AllowEntry, DictionaryEntry, DictionarySet } from '../../../../shared/dictionary/types';

export const term = (t: string, category: string, severity: DictionaryEntry['severity'] = 'review', extra: Partial<DictionaryEntry> = {}): DictionaryEntry =>
  ({ type: 'term', id: `${category}/${t}`, term: t, category, severity, note: '', boundary: 'auto', enabled: true, source: '测试词库', line: 1, ...extra }) as DictionaryEntry;

export const allow = (t: string, categories: string[]): AllowEntry => ({ type: 'allow', id: `allow/${t}`, term: t, categories, note: '', source: '测试词库', line: 1 });

export function smallSet(): DictionarySet {
  return {
    entries: [term('机密', 'classification-mark', 'block'), term('青松工程', 'project-codename', 'block'), term('内部资料', 'work-secret')],
    allow: [allow('数据机密性', ['classification-mark'])],
    contextRules: [],
    aggregationRules: [],
    sources: ['测试词库'],
  };
}
