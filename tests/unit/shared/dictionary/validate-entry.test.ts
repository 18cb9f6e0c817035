import { describe, expect, it } from 'vitest';
import type { AllowEntry, TermEntry } from '../../../../shared/dictionary/types';
import { setErrors, validateEntry, validateSet, type EntryProblem } from '../../../../shared/dictionary/validate-entry';
import { loadDictionarySet } from '../../../../electron/dictionary/dictionary-files';

const term = (id: string, t: string, category = 'project-codename', more: Partial<TermEntry> = {}): TermEntry => ({
  type: 'term', id, term: t, category, severity: 'block', note: '', boundary: 'auto', source: 'a.csv', line: 2, ...more,
});
const allow = (t: string, categories: string[]): AllowEntry => ({ type: 'allow', id: `ok-${t}`, term: t, categories, note: '', source: 'a.json', line: 1 });
const ctx = {
  entries: [term('qs', '青松工程'), term('old', '红杉计划', 'project-codename', { enabled: false })],
  allow: [allow('有机密封', ['classification-mark']), allow('白桦', [])],
};
const errors = (ps: EntryProblem[]) => ps.filter((p) => p.level === 'error');
const fields = (ps: EntryProblem[]) => errors(ps).map((p) => p.field);

describe('validateEntry: terms', () => {
  it('accepts a new, well-formed term', () => {
    expect(validateEntry({ type: 'term', term: '白杨工程', category: 'project-codename', severity: 'block' }, ctx)).toEqual([]);
  });

  it('refuses an empty term, also one that is only white space or invisible characters', () => {
    expect(fields(validateEntry({ type: 'term', term: '', category: 'custom', severity: 'review' }))).toEqual(['term']);
    expect(errors(validateEntry({ type: 'term', term: ' \u200b ', category: 'custom', severity: 'review' }))[0].message).toContain('不能为空');
  });

  it('refuses a duplicate: same normalised term and category (full width, spaces, traditional forms)', () => {
    const ps = validateEntry({ type: 'term', term: '青 松工程', category: 'project-codename', severity: 'review' }, ctx);
    expect(fields(ps)).toEqual(['term']);
    expect(ps[0].message).toContain('「qs」');
    expect(validateEntry({ type: 'term', term: '靑松工程'.replace('靑', '青'), category: 'custom', severity: 'review' }, ctx)).toEqual([]);
    expect(errors(validateEntry({ type: 'term', term: '紅杉計劃', category: 'project-codename', severity: 'review' }, ctx))[0].message).toContain('已停用');
  });

  it('does not call an entry a duplicate of itself (editing keeps its id)', () => {
    expect(validateEntry({ id: 'qs', type: 'term', term: '青松工程', category: 'project-codename', severity: 'review' }, ctx)).toEqual([]);
  });

  it('refuses a term an allow entry of its category would always swallow, warns when it only sometimes would', () => {
    const same = validateEntry({ type: 'term', term: '有机密封', category: 'classification-mark', severity: 'block' }, ctx);
    expect(fields(same)).toEqual(['term']);
    expect(same[0].message).toContain('永远不会报告');
    const inside = validateEntry({ type: 'term', term: '机密', category: 'classification-mark', severity: 'block' }, ctx);
    expect(errors(inside)).toEqual([]);
    expect(inside).toEqual([{ field: 'term', level: 'warning', message: expect.stringContaining('有机密封') }]);
    // An allow entry for another category does not touch it; one for all categories does.
    expect(validateEntry({ type: 'term', term: '机密', category: 'work-secret', severity: 'block' }, ctx)).toEqual([]);
    expect(fields(validateEntry({ type: 'term', term: '白桦', category: 'custom', severity: 'block' }, ctx))).toEqual(['term']);
  });

  it('refuses a bad severity and a bad category', () => {
    expect(fields(validateEntry({ type: 'term', term: '甲', category: 'custom', severity: 'high' }))).toEqual(['severity']);
    expect(fields(validateEntry({ type: 'term', term: '甲', category: '', severity: 'block' }))).toEqual(['category']);
    expect(fields(validateEntry({ type: 'term', term: '甲', category: 'my category', severity: 'block' }))).toEqual(['category']);
    expect(fields(validateEntry({ type: 'term', term: '甲', category: 'custom', severity: 'block', boundary: 'edge' }))).toEqual(['boundary']);
  });
});

describe('validateEntry: patterns', () => {
  const pattern = (p: string) => validateEntry({ type: 'pattern', pattern: p, category: 'custom', severity: 'review' });

  it('refuses a regular expression that does not compile, naming the error', () => {
    const ps = pattern('(青松');
    expect(fields(ps)).toEqual(['pattern']);
    expect(ps[0].message).toContain('无法编译');
  });

  it('refuses a pattern that matches the empty string', () => {
    expect(pattern('\\d*')[0].message).toContain('空文字');
  });

  it('refuses a pattern that hits more than half of ordinary office prose', () => {
    expect(pattern('[\\u4e00-\\u9fff]{2}')[0].message).toContain('过于宽泛');
    expect(pattern('[，。、：]')[0].message).toContain('过于宽泛');
  });

  it('accepts a specific pattern, and refuses an unknown validator', () => {
    expect(pattern('青松[一二三]期')).toEqual([]);
    expect(fields(validateEntry({ type: 'pattern', pattern: '\\d{18}', category: 'personal-info', severity: 'review', validator: 'md5' }))).toEqual(['validator']);
  });
});

describe('validateSet', () => {
  it('finds no errors in the starter dictionaries', () => {
    expect(setErrors(loadDictionarySet([]))).toEqual([]);
  });

  it('reports each problem with the entry id, file and line, and duplicated ids', () => {
    const set = { entries: [term('a', '青松工程'), term('a', '红杉计划'), term('b', '青松 工程', 'project-codename', { line: 7 })], allow: [], contextRules: [], aggregationRules: [], sources: [] };
    const problems = validateSet(set);
    expect(problems.map((p) => [p.id, p.line, p.problems.map((x) => x.field)])).toEqual([
      ['a', 2, ['term']],
      ['a', 2, ['id']],
      ['b', 7, ['term']],
    ]);
    expect(problems[0]).toMatchObject({ source: 'a.csv' });
  });
});
