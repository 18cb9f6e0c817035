import { describe, expect, it } from 'vitest';
import { diffDictionarySets } from '../../../../shared/dictionary/diff';
import type { AggregationRule, AllowEntry, ContextRule, DictionarySet, TermEntry } from '../../../../shared/dictionary/types';

const term = (id: string, t: string, more: Partial<TermEntry> = {}): TermEntry => ({
  type: 'term', id, term: t, category: 'custom', severity: 'review', note: '', boundary: 'auto', source: 'a.csv', line: 1, ...more,
});
const allow = (id: string, t: string, categories: string[] = []): AllowEntry => ({ type: 'allow', id, term: t, categories, note: '', source: 'a.json', line: 1 });
const rule = (id: string, before: string[]): ContextRule => ({ id, before, after: [], assertion: [], mentionByDefault: false, severity: 'info', explanation: '说明' });
const agg = (id: string, blockScore: number): AggregationRule => ({
  id, title: '汇聚', signals: [{ label: '设施', kinds: ['facility'], min: 3 }], minSignals: 1, blockScore, explanation: '说明', source: 'a.json',
});
const set = (p: Partial<DictionarySet>): DictionarySet => ({ entries: [], allow: [], contextRules: [], aggregationRules: [], sources: [], ...p });

describe('diffDictionarySets', () => {
  const a = set({
    entries: [term('t1', '青松工程'), term('t2', '红杉计划'), term('t3', '内部资料', { note: '旧说明' })],
    allow: [allow('ok1', '有机密封')],
    contextRules: [rule('mention', ['防止'])],
    aggregationRules: [agg('map', 40)],
  });
  const b = set({
    entries: [term('t1', '青松工程', { source: 'b.json', line: 99 }), term('t3', '内部资料', { note: '新说明', severity: 'block' }), term('t4', '白桦项目')],
    allow: [allow('ok1', '有机密封', ['classification-mark']), allow('ok2', '全国安全生产')],
    contextRules: [],
    aggregationRules: [agg('map', 30)],
  });
  const d = diffDictionarySets(a, b);

  it('finds added, removed and changed entries by id, with the fields that changed', () => {
    expect(d.entries.added.map((e) => e.id)).toEqual(['t4']);
    expect(d.entries.removed.map((e) => e.id)).toEqual(['t2']);
    expect(d.entries.changed.map((c) => [c.id, c.fields])).toEqual([['t3', ['severity', 'note']]]);
  });

  it('does not count where an entry was read from as a change', () => {
    expect(d.entries.changed.some((c) => c.id === 't1')).toBe(false);
  });

  it('diffs allow entries, context rules and aggregation rules the same way', () => {
    expect(d.allow.added.map((x) => x.id)).toEqual(['ok2']);
    expect(d.allow.changed.map((c) => [c.id, c.fields])).toEqual([['ok1', ['categories']]]);
    expect(d.contextRules.removed.map((x) => x.id)).toEqual(['mention']);
    expect(d.aggregationRules.changed.map((c) => [c.id, c.fields])).toEqual([['map', ['blockScore']]]);
    expect(d.total).toBe(7);
  });

  it('finds nothing between a set and itself', () => {
    expect(diffDictionarySets(a, a).total).toBe(0);
  });
});
