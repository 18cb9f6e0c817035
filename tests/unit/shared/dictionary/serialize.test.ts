import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseNativeDictionary } from '../../../../shared/dictionary/native';
import { canonicalJson, toNativeJson } from '../../../../shared/dictionary/serialize';
import { canonicalHash } from '../../../../electron/dictionary/canonical-hash';
import type { DictionarySet } from '../../../../shared/dictionary/types';
import { loadDictionarySet } from '../../../../electron/dictionary/dictionary-files';

const README_EXAMPLE = JSON.stringify({
  format: 'mishen-dictionary',
  name: '示例',
  entries: [
    { id: 'codename', type: 'term', terms: ['青松工程', '青松二期'], category: 'project-codename', severity: 'block', note: '内部工程代号', boundary: 'none' },
    { id: 'mobile', type: 'pattern', pattern: '(?<![0-9])1[3-9]\\d{9}(?![0-9])', validator: 'cn-mobile', category: 'personal-info', kind: 'mobile', severity: 'review', note: '手机号码' },
    { id: 'internal', type: 'term', term: '内部资料', category: 'work-secret', severity: 'review', severityByRole: { standalone: 'block', head: 'block', citedTitle: 'info' }, context: 'mention', enabled: false },
  ],
  allow: [{ id: 'ok-1', term: '数据机密性', categories: ['classification-mark'], note: '技术术语' }],
  contextRules: [{ id: 'mention', before: ['防止', '保守'], after: ['法'], severity: 'info', explanation: '在谈论保密义务' }],
  aggregationRules: [
    { id: 'facility-map', title: '关键基础设施分布', minSignals: 2, blockScore: 40, explanation: '分布图',
      signals: [{ label: '设施', kinds: ['facility'], min: 3, required: true }, { label: '坐标', kinds: ['coordinate'], min: 2, weight: 3 }] },
  ],
});

/** Writes, reads back, writes again: the two texts must be equal. */
function roundTrip(set: DictionarySet): { first: string; second: string; reread: DictionarySet } {
  const first = toNativeJson(set);
  const reread = parseNativeDictionary('回读.json', first);
  return { first, second: toNativeJson(reread), reread };
}

describe('toNativeJson', () => {
  it('round-trips the starter set through parseNativeDictionary unchanged', () => {
    const starter = loadDictionarySet([]);
    const { first, second, reread } = roundTrip(starter);
    expect(second).toBe(first);
    expect(reread.entries).toHaveLength(starter.entries.length);
    expect(reread.contextRules).toEqual(starter.contextRules);
    expect(canonicalHash(reread)).toBe(canonicalHash(starter));
  });

  it('round-trips every field of the README example (terms lists, patterns, places, disabled, rules)', () => {
    const set = parseNativeDictionary('示例.json', README_EXAMPLE);
    const { first, second, reread } = roundTrip(set);
    expect(second).toBe(first);
    expect(reread.entries.map((e) => e.id)).toEqual(['codename:1', 'codename:2', 'mobile', 'internal']);
    const internal = reread.entries.find((e) => e.id === 'internal')!;
    expect(internal.enabled).toBe(false);
    expect(internal.severityByRole).toEqual({ head: 'block', standalone: 'block', citedTitle: 'info' });
    expect(reread.aggregationRules[0].signals[1]).toEqual({ label: '坐标', kinds: ['coordinate'], min: 2, required: false, weight: 3 });
    expect(JSON.parse(first).name).toBeUndefined();
    expect(JSON.parse(toNativeJson(set, '第3版')).name).toBe('第3版');
  });
});

describe('the canonical form of dictionaries written before roles', () => {
  it('writes a map of the old places as it was written then, so stored versions keep their hash', () => {
    // The canonical JSON of an entry as the previous version wrote it, byte for byte.
    const before =
      '{"entries":[{"id":"m","type":"term","term":"内部资料","category":"work-secret","severity":"review","note":"","boundary":"auto",' +
      '"severityByPlace":{"head":"block","standalone":"block","header":"block"},"enabled":true}],"allow":[],"contextRules":[],"aggregationRules":[]}';
    const reread = parseNativeDictionary('old.json', JSON.stringify({ format: 'mishen-dictionary', ...JSON.parse(before) }));
    expect(canonicalJson(reread)).toBe(`{"format":"mishen-dictionary",${before.slice(1)}`);
  });
});

describe('canonicalHash', () => {
  const set = parseNativeDictionary('示例.json', README_EXAMPLE);

  it('names the content, not the file or line it was read from', () => {
    const moved = { ...set, entries: set.entries.map((e) => ({ ...e, source: '别处.json', line: e.line + 100 })), sources: ['别处.json'] };
    expect(canonicalHash(moved)).toBe(canonicalHash(set));
    expect(canonicalHash(set)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when any field changes', () => {
    const stricter = { ...set, entries: set.entries.map((e) => (e.id === 'mobile' ? { ...e, severity: 'block' as const } : e)) };
    expect(canonicalHash(stricter)).not.toBe(canonicalHash(set));
  });
});

describe('canonicalHash is SHA-256 of the canonical JSON', () => {
  it('agrees with node:crypto over canonicalJson', () => {
    const set = parseNativeDictionary('示例.json', README_EXAMPLE);
    expect(canonicalHash(set)).toBe(createHash('sha256').update(canonicalJson(set), 'utf8').digest('hex'));
  });
});
