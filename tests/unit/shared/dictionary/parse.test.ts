import { readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileDictionary } from '../../../../shared/dictionary/compile';
import { parseDictionary } from '../../../../shared/dictionary/parse';
import { parseNativeDictionary } from '../../../../shared/dictionary/native';
import { DictionaryError, type DictionarySet, type TermEntry } from '../../../../shared/dictionary/types';
import { loadDictionarySet } from '../../../../electron/dictionary/dictionary-files';

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, '../../../..');
const corpus = resolve(projectRoot, '../shared/corpus');

/** Runs fn, expects a DictionaryError, returns it. */
function errorOf(fn: () => unknown): DictionaryError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DictionaryError);
    return e as DictionaryError;
  }
  throw new Error('expected a DictionaryError, nothing was thrown');
}

const terms = (set: DictionarySet) => set.entries as TermEntry[];
const lines = (...ls: string[]) => ls.join('\n');

describe('CSV dictionaries', () => {
  it('reads the corpus custom-terms.csv: 4 entries with their categories and severities', () => {
    const text = readFileSync(resolve(corpus, 'custom-terms.csv'), 'utf8');
    const set = parseDictionary('custom-terms.csv', text);
    expect(set.sources).toEqual(['custom-terms.csv']);
    expect(set.allow).toEqual([]);
    expect(set.contextRules).toEqual([]);
    expect(set.aggregationRules).toEqual([]);
    expect(terms(set).map((e) => [e.type, e.term, e.category, e.severity, e.note, e.line])).toEqual([
      ['term', '青松工程', 'project-codename', 'block', '内部工程代号', 2],
      ['term', '住建云专网', 'internal-network', 'block', '内部网络名称', 3],
      ['term', '国安', 'security-agency', 'review', '国家安全机关简称', 4],
      ['term', '机密', 'classification-word', 'review', '密级用语', 5],
    ]);
    for (const e of terms(set)) {
      expect(e.boundary).toBe('auto');
      expect(e.source).toBe('custom-terms.csv');
      expect(e.id).toBe(`custom-terms.csv:${e.line}`);
    }
  });

  it('reads quoted fields holding commas, doubled quotes and line breaks', () => {
    const text = lines(
      'term,category,severity,note',
      '"青松,工程",project-codename,block,"备注,含逗号"',
      '"说""内部""",custom,REVIEW,"两行',
      '备注"',
      '住建云专网,internal-network,info,',
    );
    const set = parseDictionary('q.csv', text);
    expect(terms(set).map((e) => [e.term, e.severity, e.note, e.line])).toEqual([
      ['青松,工程', 'block', '备注,含逗号', 2],
      ['说"内部"', 'review', '两行\n备注', 3],
      ['住建云专网', 'info', '', 5],
    ]);
  });

  it('ignores a byte order mark and reads CRLF line ends', () => {
    const set = parseDictionary('bom.csv', '\uFEFFterm,category,severity,note\r\n国安,security-agency,review,简称\r\n');
    expect(terms(set).map((e) => [e.term, e.category, e.line])).toEqual([['国安', 'security-agency', 2]]);
  });

  it('reads the optional boundary and kind columns', () => {
    const set = parseDictionary('x.csv', lines('term,category,severity,note,boundary,kind', '国安,security-agency,review,,none,agency', '机密,c,info,,,'));
    expect(terms(set).map((e) => [e.term, e.boundary, e.kind])).toEqual([
      ['国安', 'none', 'agency'],
      ['机密', 'auto', undefined],
    ]);
  });

  it('rejects a wrong header on line 1, naming the file', () => {
    const e = errorOf(() => parseDictionary('dir/my terms.csv', lines('word,category,severity,note', '国安,a,review,')));
    expect(e.file).toBe('dir/my terms.csv');
    expect(e.line).toBe(1);
    expect(e.message).toContain('dir/my terms.csv');
    expect(e.message).toContain('第 1 行');
    expect(e.message).toContain('表头');
  });

  it('rejects a row with the wrong number of columns, on that row’s line', () => {
    const e = errorOf(() =>
      parseDictionary('bad.csv', lines('term,category,severity,note', '青松工程,project-codename,block,代号', '', '国安,security-agency,review')),
    );
    expect(e.file).toBe('bad.csv');
    expect(e.line).toBe(4);
    expect(e.message).toContain('第 4 行');
    expect(e.message).toContain('3 列');
  });

  it('counts line breaks inside quoted fields when naming a later line', () => {
    const e = errorOf(() =>
      parseDictionary('bad.csv', lines('term,category,severity,note', '青松工程,c,block,"第一行', '第二行"', '国安,c,review,a,b')),
    );
    expect(e.line).toBe(4);
  });

  it('rejects an empty term', () => {
    const e = errorOf(() => parseDictionary('e.csv', lines('term,category,severity,note', '国安,c,review,', ' ,c,review,备注')));
    expect([e.file, e.line]).toEqual(['e.csv', 3]);
    expect(e.message).toContain('词条不能为空');
  });

  it('rejects a bad severity, quoting it', () => {
    const e = errorOf(() => parseDictionary('s.csv', lines('term,category,severity,note', '国安,c,high,')));
    expect([e.file, e.line]).toEqual(['s.csv', 2]);
    expect(e.message).toContain('high');
  });

  it('rejects a duplicate term, naming the earlier line', () => {
    const e = errorOf(() =>
      parseDictionary('d.csv', lines('term,category,severity,note', '国安,c,review,', '青松工程,c,block,', '国安,c,info,')),
    );
    expect([e.file, e.line]).toEqual(['d.csv', 4]);
    expect(e.message).toContain('第 2 行');
    expect(e.message).toContain('国安');
  });

  it('rejects an unknown extra column', () => {
    const e = errorOf(() => parseDictionary('u.csv', lines('term,category,severity,note,colour', '国安,c,review,,red')));
    expect([e.file, e.line]).toEqual(['u.csv', 1]);
    expect(e.message).toContain('colour');
  });

  it('reads what the import screen reads: Chinese headers in any order, severities and categories by their Chinese names', () => {
    const set = parseDictionary('报送.csv', lines('类别,词条,说明,严重程度,词边界', '自定义词条,绿洲计划,Excel 报送,禁止发布,word', 'project-codename,青松工程,,REVIEW,'));
    expect(terms(set).map((e) => [e.term, e.category, e.severity, e.note, e.boundary, e.line])).toEqual([
      ['绿洲计划', 'custom', 'block', 'Excel 报送', 'word', 2],
      ['青松工程', 'project-codename', 'review', '', 'auto', 3],
    ]);
  });

  it('refuses a row the import would refuse, with the same reason', () => {
    const e = errorOf(() => parseDictionary('c.csv', lines('term,category,severity,note', '国安,c,review,', '绿洲,my category,block,坏的类别')));
    expect([e.file, e.line]).toEqual(['c.csv', 3]);
    expect(e.message).toContain('类别「my category」无效');
  });

  it('rejects an empty file', () => {
    const e = errorOf(() => parseDictionary('empty.csv', ''));
    expect(e.file).toBe('empty.csv');
  });
});

describe('plain-text dictionaries', () => {
  it('reads one term a line, skipping comments and blank lines', () => {
    const set = parseDictionary('words.txt', '\uFEFF# 自定义词表\n\n青松工程  # 工程代号\n  住建云专网  \r\n\n#国安\n');
    expect(terms(set).map((e) => [e.term, e.line, e.category, e.severity, e.boundary, e.id])).toEqual([
      ['青松工程', 3, 'custom', 'review', 'auto', 'words.txt:3'],
      ['住建云专网', 4, 'custom', 'review', 'auto', 'words.txt:4'],
    ]);
  });

  it('rejects a duplicate term, naming both lines', () => {
    const e = errorOf(() => parseDictionary('words.txt', '青松工程\n国安\n\n青松工程 # again\n'));
    expect([e.file, e.line]).toEqual(['words.txt', 4]);
    expect(e.message).toContain('第 1 行');
  });

  it('rejects an unknown file type', () => {
    const e = errorOf(() => parseDictionary('terms.xlsx', 'x'));
    expect(e.file).toBe('terms.xlsx');
  });
});

describe('native (JSON) dictionaries', () => {
  const header = ['{', '  "format": "mishen-dictionary",', '  "name": "测试",'];

  it('reads entries, allow-list, context and aggregation rules', () => {
    const text = lines(
      ...header, //                                                                      lines 1-3
      '  "entries": [', //                                                                 4
      '    { "id": "a", "type": "term", "term": "青松工程", "category": "c", "severity": "block", "context": "m" },', // 5
      '    { "id": "p", "type": "pattern", "pattern": "1[3-9]\\\\d{9}", "validator": "cn-mobile",', // 6
      '      "category": "personal-info", "kind": "mobile", "severity": "review", "headOnly": true }', // 7
      '  ],',
      '  "allow": [ { "id": "ok", "terms": ["数据机密性", "机密性"], "categories": ["c"] } ],',
      '  "contextRules": [ { "id": "m", "before": ["防止"], "after": ["法"], "severity": "info", "explanation": "提及" } ],',
      '  "aggregationRules": [',
      '    { "id": "g", "title": "汇聚", "minSignals": 1, "blockScore": 10, "explanation": "说明",',
      '      "signals": [ { "label": "手机", "kinds": ["mobile"], "min": 2 } ] }',
      '  ]',
      '}',
    );
    const set = parseNativeDictionary('dicts/test.json', text);
    expect(set.sources).toEqual(['dicts/test.json']);
    expect(set.entries).toHaveLength(2);
    const [a, p] = set.entries;
    expect(a).toMatchObject({ type: 'term', id: 'a', term: '青松工程', severity: 'block', boundary: 'auto', context: 'm', line: 5, source: 'test.json', enabled: true });
    expect(p).toMatchObject({ type: 'pattern', id: 'p', pattern: '1[3-9]\\d{9}', validator: 'cn-mobile', kind: 'mobile', headOnly: true, standaloneOnly: false, line: 6 });
    expect(set.allow.map((x) => [x.id, x.term, x.categories])).toEqual([
      ['ok:1', '数据机密性', ['c']],
      ['ok:2', '机密性', ['c']],
    ]);
    expect(set.contextRules).toEqual([{ id: 'm', before: ['防止'], after: ['法'], assertion: [], mentionByDefault: false, severity: 'info', explanation: '提及' }]);
    expect(set.aggregationRules).toHaveLength(1);
    expect(set.aggregationRules[0]).toMatchObject({ id: 'g', minSignals: 1, blockScore: 10, signals: [{ label: '手机', kinds: ['mobile'], min: 2, required: false, weight: 1 }] });
  });

  it('expands "terms" into one entry each, with ids id:1, id:2', () => {
    const text = lines(...header, '  "entries": [', '    { "id": "w", "type": "term", "terms": ["工作秘密", "内部资料"], "category": "work-secret", "severity": "review" }', '  ]', '}');
    const set = parseNativeDictionary('t.json', text);
    expect(terms(set).map((e) => [e.id, e.term, e.line])).toEqual([
      ['w:1', '工作秘密', 5],
      ['w:2', '内部资料', 5],
    ]);
  });

  it('reports a JSON syntax error on its line', () => {
    const text = lines(...header, '  "entries": [', '    { "id": "a", "term": "x", "category": "c", "severity": "block" },', '    { "id": "b" "term": "y" }', '  ]', '}');
    const e = errorOf(() => parseNativeDictionary('syntax.json', text));
    expect(e.file).toBe('syntax.json');
    expect(e.line).toBe(6);
    expect(e.message).toContain('JSON');
  });

  it('reports a JSON syntax error on its line when the file starts with a BOM', () => {
    const e = errorOf(() => parseNativeDictionary('bom.json', '\uFEFF{\n  "format": "mishen-dictionary",\n}'));
    expect(e.line).toBe(3);
  });

  it('reports a JSON syntax error at the start of a line without a BOM', () => {
    const e = errorOf(() => parseNativeDictionary('nobom.json', '{\n  "format": "mishen-dictionary",\n}'));
    expect(e.line).toBe(3);
  });

  it('rejects a file without "format"', () => {
    const e = errorOf(() => parseNativeDictionary('f.json', '{\n  "entries": []\n}'));
    expect([e.file, e.line]).toEqual(['f.json', 1]);
    expect(e.message).toContain('format');
  });

  function entriesFile(...entryLines: string[]): string {
    // entries start on line 5
    return lines(...header, '  "entries": [', ...entryLines, '  ]', '}');
  }
  const ok = '    { "id": "ok", "term": "青松工程", "category": "c", "severity": "block" },';

  it('rejects a pattern that does not compile, on that entry’s line', () => {
    const e = errorOf(() => parseNativeDictionary('p.json', entriesFile(ok, ok.replace('"ok"', '"ok2"'), '    { "id": "bad", "type": "pattern", "pattern": "(机密", "category": "c", "severity": "block" }')));
    expect([e.file, e.line]).toEqual(['p.json', 7]);
    expect(e.message).toContain('正则');
  });

  it('rejects a pattern that matches the empty string', () => {
    const e = errorOf(() => parseNativeDictionary('p.json', entriesFile(ok, '    { "id": "star", "type": "pattern", "pattern": "机*", "category": "c", "severity": "block" }')));
    expect(e.line).toBe(6);
    expect(e.message).toContain('空');
  });

  it('rejects an unknown validator', () => {
    const e = errorOf(() =>
      parseNativeDictionary('v.json', entriesFile(ok, '    { "id": "v", "type": "pattern", "pattern": "\\\\d+", "validator": "iban", "category": "c", "severity": "block" }')),
    );
    expect(e.line).toBe(6);
    expect(e.message).toContain('iban');
  });

  it('rejects severityByRole with an unknown role', () => {
    const e = errorOf(() =>
      parseNativeDictionary('s.json', entriesFile(ok, '    { "id": "s", "term": "机密", "category": "c", "severity": "info",', '      "severityByRole": { "body": "block" } }')),
    );
    expect(e.line).toBe(6);
    expect(e.message).toContain('body');
  });

  it('accepts severityByRole with known roles', () => {
    const set = parseNativeDictionary('s.json', entriesFile('    { "id": "s", "term": "请示", "category": "c", "severity": "info", "severityByRole": { "ownKind": "review", "citedTitle": "info" } }'));
    expect(set.entries[0].severityByRole).toEqual({ ownKind: 'review', citedTitle: 'info' });
  });

  it('reads severityByPlace, the name dictionaries used before roles, as roles', () => {
    const set = parseNativeDictionary('s.json', entriesFile('    { "id": "s", "term": "机密", "category": "c", "severity": "info", "severityByPlace": { "head": "review", "header": "block" } }'));
    expect(set.entries[0].severityByRole).toEqual({ head: 'review', header: 'block' });
  });

  it('rejects duplicate ids, naming the earlier line', () => {
    const e = errorOf(() => parseNativeDictionary('d.json', entriesFile(ok, '    { "id": "x", "term": "a", "category": "c", "severity": "info" },', ok.replace(/,$/, ''))));
    expect([e.file, e.line]).toEqual(['d.json', 7]);
    expect(e.message).toContain('第 5 行');
  });

  it('rejects duplicate ids across entries and the allow-list', () => {
    const text = lines(...header, '  "entries": [', ok.replace(/,$/, ''), '  ],', '  "allow": [', '    { "id": "ok", "term": "数据机密性" }', '  ]', '}');
    const e = errorOf(() => parseNativeDictionary('d.json', text));
    expect(e.line).toBe(8);
    expect(e.message).toContain('第 5 行');
  });

  function ruleFile(minSignals: number): string {
    return lines(
      ...header,
      '  "aggregationRules": [',
      '    { "id": "g1", "title": "t", "minSignals": 1, "blockScore": 5, "explanation": "e", "signals": [ { "label": "a", "kinds": ["x"], "min": 1 } ] },',
      `    { "id": "g2", "title": "t", "minSignals": ${minSignals}, "blockScore": 5, "explanation": "e",`,
      '      "signals": [ { "label": "a", "kinds": ["x"], "min": 1 }, { "label": "b", "kinds": ["y"], "min": 2 } ] }',
      '  ]',
      '}',
    );
  }

  it('rejects an aggregation rule with minSignals out of range, on the rule’s line', () => {
    for (const bad of [0, 3]) {
      const e = errorOf(() => parseNativeDictionary('g.json', ruleFile(bad)));
      expect([e.file, e.line]).toEqual(['g.json', 6]);
      expect(e.message).toContain('minSignals');
    }
    expect(parseNativeDictionary('g.json', ruleFile(2)).aggregationRules.map((r) => r.minSignals)).toEqual([1, 2]);
  });

  it('rejects an unknown severity and an unknown type', () => {
    expect(errorOf(() => parseNativeDictionary('x.json', entriesFile('    { "id": "a", "term": "机密", "category": "c", "severity": "fatal" }'))).line).toBe(5);
    expect(errorOf(() => parseNativeDictionary('x.json', entriesFile('    { "id": "a", "type": "regex", "term": "机密", "category": "c", "severity": "info" }'))).line).toBe(5);
  });
});

describe('compileDictionary', () => {
  it('rejects a reference to an unknown context rule, naming the entry’s file and line', () => {
    const text = lines(
      '{',
      '  "format": "mishen-dictionary",',
      '  "entries": [',
      '    { "id": "a", "term": "青松工程", "category": "c", "severity": "block" },',
      '    { "id": "b", "term": "国家秘密", "category": "c", "severity": "review", "context": "no-such-rule" }',
      '  ],',
      '  "contextRules": [ { "id": "mention", "before": ["防止"], "severity": "info", "explanation": "提及" } ]',
      '}',
    );
    const set = parseNativeDictionary('ctx.json', text);
    const e = errorOf(() => compileDictionary(set));
    expect(e.file).toBe('ctx.json');
    expect(e.line).toBe(5);
    expect(e.message).toContain('no-such-rule');
  });

  it('compiles a set whose context references resolve', () => {
    const set = parseNativeDictionary(
      'ctx.json',
      '{ "format": "mishen-dictionary", "entries": [ { "id": "b", "term": "國家秘密", "category": "c", "severity": "review", "context": "m" } ], "contextRules": [ { "id": "m", "before": ["防止"], "severity": "info", "explanation": "提及" } ] }',
    );
    const compiled = compileDictionary(set);
    expect(compiled.normalizedTerms).toEqual(['国家秘密']);
    expect(compiled.contextRules.get('m')?.explanation).toBe('提及');
  });
});

describe('the starter dictionaries', () => {
  const dir = resolve(projectRoot, 'dictionaries');

  it('every file in dictionaries/ parses on its own', () => {
    const files = readdirSync(dir).filter((f) => /\.(json|csv|txt)$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const f of files) {
      expect(() => parseDictionary(f, readFileSync(resolve(dir, f), 'utf8')), f).not.toThrow();
    }
  });

  it('loadDictionarySet([]) loads and compiles them all', () => {
    const set = loadDictionarySet([]);
    expect(set.sources).toHaveLength(readdirSync(dir).filter((f) => /\.(json|csv|txt)$/.test(f)).length);
    expect(set.entries.length).toBeGreaterThan(20);
    expect(set.aggregationRules.map((r) => r.id)).toEqual(
      expect.arrayContaining(['aggregation/infrastructure-map', 'aggregation/personal-data-set', 'aggregation/unit-profile']),
    );
    const ids = set.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(() => compileDictionary(set)).not.toThrow();
  });

  it('loadDictionarySet adds a user CSV after the starter set', () => {
    const starter = loadDictionarySet([]);
    const withUser = loadDictionarySet([resolve(corpus, 'custom-terms.csv')]);
    expect(withUser.entries.length).toBe(starter.entries.length + 4);
    expect(withUser.sources[withUser.sources.length - 1]).toBe(resolve(corpus, 'custom-terms.csv'));
  });
});
