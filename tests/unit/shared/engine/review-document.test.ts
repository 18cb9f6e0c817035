import { beforeAll, describe, expect, it } from 'vitest';
import { compileDictionary, type CompiledDictionary } from '../../../../shared/dictionary/compile';
import type { DictionarySet } from '../../../../shared/dictionary/types';
import type { ExtractedDocument, Part, TextBlock } from '../../../../shared/document-model';
import type { Finding } from '../../../../shared/findings';
import { reviewDocument, verdictOf, type DocumentReview } from '../../../../shared/engine/review-document';
import { jiebaSegmenter, warmSegmenter } from '../../../../electron/segment/jieba-segmenter';
import { loadDictionarySet } from '../../../../electron/dictionary/dictionary-files';

let dict: CompiledDictionary;
const allReviews: DocumentReview[] = [];

beforeAll(() => {
  dict = compileDictionary(loadDictionarySet([]));
  warmSegmenter();
});

const body = (text: string, paragraph: number, extra: Partial<TextBlock> = {}): TextBlock => ({ part: 'body', text, paragraph, ...extra });

function review(blocks: TextBlock[], extra: Partial<ExtractedDocument> = {}, d: CompiledDictionary = dict): DocumentReview {
  const doc: ExtractedDocument = { format: 'docx', blocks, warnings: [], ...extra };
  const r = reviewDocument(doc, d, jiebaSegmenter);
  allReviews.push(r);
  return r;
}

/** Running text: paragraphs past the first three lines of the first page. */
const FILLER = [body('关于做好年度信息公开工作的通知', 0), body('各处室：', 1), body('现将有关事项通知如下。', 2)];

// Independent MOD 11-2 check (../shared/docs/domain.md).
function withIdCheck(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * w[i];
  return first17 + '10X98765432'[sum % 11];
}

describe('reviewDocument: classification marks by place', () => {
  it('blocks a bare 机密 alone at the head, reports it as info in running text', () => {
    const r = review([body('机密', 0), body('关于做好年度工作的通知', 1), body('各处室：', 2), body('这份材料涉及机密，请妥善处理。', 3)]);
    const marks = r.findings.filter((f) => f.category === 'classification-mark');
    const head = marks.filter((f) => f.paragraph === 0);
    expect(head).toHaveLength(1);
    expect(head[0]).toMatchObject({ severity: 'block', match: '机密', part: 'body', start: 0, end: 2 });
    const running = marks.filter((f) => f.paragraph === 3);
    expect(running).toHaveLength(1);
    expect(running[0]).toMatchObject({ severity: 'info', match: '机密', start: 6, end: 8 });
    expect(r.verdict).toBe('block');
  });

  it('a bare 机密 in running text alone leaves the verdict at pass', () => {
    const r = review([...FILLER, body('这份材料涉及机密，请妥善处理。', 3)]);
    expect(r.findings.map((f) => [f.severity, f.match])).toEqual([['info', '机密']]);
    expect(r.verdict).toBe('pass');
  });

  it('blocks 机密★5年 in a header', () => {
    const r = review([...FILLER, { part: 'header', text: '机密★5年', paragraph: 0, label: 'header1.xml' }]);
    const f = r.findings.find((x) => x.part === 'header');
    expect(f).toMatchObject({ category: 'classification-mark', severity: 'block', match: '机密★5年', start: 0, end: 5, label: 'header1.xml' });
    expect(r.verdict).toBe('block');
  });

  it('blocks a mark written with spaces and a hollow star, reporting the original text', () => {
    const r = review([body('绝 密 ☆ 长 期', 0), ...FILLER.slice(1)]);
    const f = r.findings.find((x) => x.category === 'classification-mark' && x.severity === 'block');
    expect(f).toMatchObject({ match: '绝 密 ☆ 长 期', start: 0, end: 9 });
  });

  it('does not flag 有机密封 or 全国安全生产月', () => {
    const r = review([...FILLER, body('本厅采购有机密封材料一批。', 3), body('今年六月为全国安全生产月。', 4)]);
    expect(r.findings).toEqual([]);
    expect(r.verdict).toBe('pass');
  });
});

describe('reviewDocument: mentions', () => {
  it('防止泄露国家秘密 is an info mention, 本文件属于工作秘密 is a self-label and blocks', () => {
    const r = review([...FILLER, body('各单位要防止泄露国家秘密。', 3), body('本文件属于工作秘密。', 4)]);
    const mention = r.findings.find((f) => f.match === '国家秘密');
    expect(mention).toMatchObject({ severity: 'info', paragraph: 3, start: 8, end: 12 });
    expect(mention!.explanation).toContain('防止');
    const secret = r.findings.find((f) => f.match === '工作秘密');
    expect(secret).toMatchObject({ severity: 'block', role: 'selfReference', category: 'work-secret', paragraph: 4, start: 5, end: 9 });
    expect(secret!.explanation).toContain('本文件');
    expect(r.verdict).toBe('block');
  });
});

describe('reviewDocument: parts', () => {
  const HIDDEN_KIND: Partial<Record<Part, string>> = {
    comment: 'comment',
    'tracked-deletion': 'tracked-changes',
    'tracked-insertion': 'tracked-changes',
    hidden: 'hidden-text',
    annotation: 'annotation',
    metadata: 'document-property',
  };
  const parts: Part[] = ['footnote', 'endnote', 'comment', 'tracked-deletion', 'tracked-insertion', 'hidden', 'textbox', 'metadata', 'annotation'];

  it('reports a mark in every part, with the part set, and hidden-content findings where the part travels unseen', () => {
    const blocks: TextBlock[] = [
      ...FILLER,
      ...parts.map((part, i): TextBlock => ({ part, text: `附件${i}：机密★5年`, paragraph: 0, author: '张三', label: part === 'metadata' ? '标题 dc:title' : undefined })),
    ];
    const r = review(blocks);
    for (const part of parts) {
      const marks = r.findings.filter((f) => f.part === part && f.ruleId === 'mark/level-star-period');
      expect(marks, part).toHaveLength(1);
      expect(marks[0]).toMatchObject({ severity: 'block', match: '机密★5年', start: 4, end: 9 });
      const hidden = r.findings.filter((f) => f.part === part && f.category === 'hidden-content');
      if (HIDDEN_KIND[part]) {
        expect(hidden, part).toHaveLength(1);
        expect(hidden[0].kind).toBe(HIDDEN_KIND[part]);
        expect(hidden[0].ruleId).toBe(`hidden-content/${HIDDEN_KIND[part]}`);
      } else {
        expect(hidden, part).toEqual([]);
      }
    }
    const comment = r.findings.find((f) => f.part === 'comment' && f.category === 'hidden-content')!;
    expect(comment.severity).toBe('review');
    expect(comment.author).toBe('张三');
    expect(comment.explanation).toContain('张三');
  });

  it('flags comments, tracked changes and hidden text even when they hold nothing from the dictionaries', () => {
    const r = review([
      ...FILLER,
      { part: 'comment', text: '这段再斟酌一下', paragraph: 0, author: '李四' },
      { part: 'tracked-deletion', text: '原定于下周', paragraph: 0, author: '王五' },
      { part: 'tracked-insertion', text: '改为月底', paragraph: 1, author: '王五' },
      { part: 'hidden', text: '备用说明', paragraph: 0 },
    ]);
    expect(r.findings.map((f) => [f.part, f.category, f.kind, f.severity])).toEqual([
      ['comment', 'hidden-content', 'comment', 'review'],
      ['tracked-deletion', 'hidden-content', 'tracked-changes', 'review'],
      ['tracked-insertion', 'hidden-content', 'tracked-changes', 'review'],
      ['hidden', 'hidden-content', 'hidden-text', 'review'],
    ]);
    expect(r.verdict).toBe('review');
  });
});

describe('reviewDocument: PDF offsets', () => {
  it('a finding on page 2, line 3 has page 2 and line 3, and match is the block’s text at start..end', () => {
    const page1: TextBlock = { part: 'body', text: '关于做好年度信息公开工作的通知\n各处室：', paragraph: 0, page: 1 };
    const page2: TextBlock = { part: 'body', text: '第二页第一行。\n第二行文字。\n联系人手机：138 1234 5678，请勿外传。\n第四行', paragraph: 0, page: 2 };
    const r = review([page1, page2], { format: 'pdf', pageCount: 2 });
    const mobile = r.findings.find((f) => f.kind === 'mobile');
    expect(mobile).toBeDefined();
    expect(mobile).toMatchObject({ page: 2, line: 3, part: 'body', match: '138 1234 5678' });
    expect(page2.text.slice(mobile!.start, mobile!.end)).toBe(mobile!.match);
    expect(mobile!.start).toBe(page2.text.indexOf('138'));
    const handling = r.findings.find((f) => f.match === '请勿外传');
    expect(handling).toMatchObject({ page: 2, line: 3 });
    expect(page2.text.slice(handling!.start, handling!.end)).toBe('请勿外传');
  });

  it('maps a spaced mark on a later line back to the original characters', () => {
    const page: TextBlock = { part: 'body', text: '第一行\n第二行\n第三行\n绝 密 ★ 长 期\n', paragraph: 0, page: 2 };
    const r = review([page], { format: 'pdf' });
    const f = r.findings.find((x) => x.severity === 'block')!;
    expect(f).toMatchObject({ page: 2, line: 4, match: '绝 密 ★ 长 期' });
    expect(page.text.slice(f.start, f.end)).toBe('绝 密 ★ 长 期');
  });
});

describe('reviewDocument: allow-list', () => {
  function handSet(categories: string[]): CompiledDictionary {
    const set: DictionarySet = {
      entries: [{ type: 'term', id: 'w', term: '机密', category: 'classification-mark', severity: 'review', note: '', boundary: 'none', source: 'hand.json', line: 3 }],
      allow: [{ type: 'allow', id: 'ok', term: '数据机密性', categories, note: '技术术语', source: 'hand.json', line: 9 }],
      contextRules: [],
      aggregationRules: [],
      sources: ['hand.json'],
    };
    return compileDictionary(set);
  }
  const text = '保障数据机密性。另有机密事项。';

  it('drops a hit inside an allow-list phrase and keeps the one outside', () => {
    const r = review([...FILLER, body(text, 3)], {}, handSet([]));
    expect(r.findings.map((f) => [f.match, f.start, f.end, f.ruleId])).toEqual([['机密', 10, 12, 'w']]);
  });

  it('drops it only for the listed categories', () => {
    const other = review([...FILLER, body(text, 3)], {}, handSet(['personal-info']));
    expect(other.findings.map((f) => f.start)).toEqual([4, 10]);
    const same = review([...FILLER, body(text, 3)], {}, handSet(['classification-mark']));
    expect(same.findings.map((f) => f.start)).toEqual([10]);
  });

  it('matches the allow phrase through folding (traditional form)', () => {
    const r = review([...FILLER, body('保障數據機密性。', 3)], {}, handSet([]));
    expect(r.findings).toEqual([]);
  });
});

describe('reviewDocument: aggregation', () => {
  it('a table of 5 people with valid IDs and mobiles gives an aggregation finding for the document', () => {
    const people = ['张伟', '王芳', '李娜', '刘洋', '陈静'];
    const rows = people.map((name, r) =>
      body(`${name}，身份证号${withIdCheck(`2201021985061${2 + r}00${r}`)}，手机1381234567${r}`, 3 + r, { table: 0, row: r }),
    );
    const r = review([...FILLER, body('序号 姓名 身份证号 手机', 3, { table: 0, row: 0 }), ...rows.map((b) => ({ ...b, row: (b.row ?? 0) + 1 }))]);
    expect(r.findings.filter((f) => f.kind === 'id-card')).toHaveLength(5);
    expect(r.findings.filter((f) => f.kind === 'mobile')).toHaveLength(5);
    const agg = r.findings.filter((f) => f.category === 'aggregation');
    expect(agg).toHaveLength(1);
    expect(agg[0]).toMatchObject({ part: 'document', ruleId: 'aggregation/personal-data-set', kind: 'aggregation/personal-data-set' });
    expect(agg[0].combines).toEqual(
      expect.arrayContaining([
        { label: '身份证号', count: 5 },
        { label: '手机号', count: 5 },
      ]),
    );
    // 5 IDs × 2 + 5 mobiles × 1 = 15 < 40: a person decides.
    expect(agg[0].severity).toBe('review');
    expect(agg[0].explanation).toContain('15');
    expect(r.verdict).toBe('block'); // full ID numbers block on their own
  });

  it('counts the same number twice as one item, so a repeated single person does not aggregate', () => {
    const id = withIdCheck('22010219850612003');
    const rows = [0, 1, 2].map((r) => body(`张伟，${id}，13812345670`, 3 + r, { table: 0, row: r }));
    const r = review([...FILLER, ...rows]);
    expect(r.findings.filter((f) => f.category === 'aggregation')).toEqual([]);
  });
});

describe('reviewDocument: verdict', () => {
  it('a no-text-layer warning alone makes the verdict review', () => {
    const r = review([], { format: 'pdf', warnings: [{ code: 'no-text-layer', message: '第 1 页没有文字层', page: 1 }] });
    expect(r.findings).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(['no-text-layer']);
    expect(r.verdict).toBe('review');
  });

  it('no findings and no warnings: pass', () => {
    const r = review([...FILLER, body('本年度共受理信息公开申请126件，均已按期答复。', 3)]);
    expect(r.findings).toEqual([]);
    expect(r.verdict).toBe('pass');
  });

  it('verdictOf: block over review over warnings; info alone passes', () => {
    const f = (severity: Finding['severity']): Finding => ({ category: 'c', severity, match: 'x', context: 'x', part: 'body', ruleId: 'r', explanation: '说明' });
    expect(verdictOf([f('info'), f('block'), f('review')], [])).toBe('block');
    expect(verdictOf([f('info'), f('review')], [])).toBe('review');
    expect(verdictOf([f('info')], [])).toBe('pass');
    expect(verdictOf([f('info')], [{ code: 'no-text-layer', message: 'x' }])).toBe('review');
    expect(verdictOf([], [{ code: 'font-missing', message: 'x' }])).toBe('pass');
  });
});

describe('every finding', () => {
  it('has a ruleId and a Chinese explanation (checked over every review above)', () => {
    const findings = allReviews.flatMap((r) => r.findings);
    expect(findings.length).toBeGreaterThan(20);
    for (const f of findings) {
      expect(f.ruleId, JSON.stringify(f)).toMatch(/\S/);
      expect(f.explanation, JSON.stringify(f)).toMatch(/[\u4e00-\u9fff]/);
      expect(f.context.length).toBeGreaterThan(0);
    }
  });
});

describe('context of a finding in a table cell', () => {
  it('shows the row the cell stands in, not the bare cell', async () => {
    const { compileDictionary } = await import('../../../../shared/dictionary/compile');
    const { loadDictionarySet } = await import('../../../../electron/dictionary/dictionary-files');
    const { reviewDocument: review } = await import('../../../../shared/engine/review-document');
    const dict = compileDictionary(loadDictionarySet([]));
    const cells = ['1', '张伟', '13904315521'];
    const doc = {
      format: 'docx' as const,
      warnings: [],
      blocks: cells.map((text, i) => ({ part: 'body' as const, text, paragraph: i, table: 0, row: 1 })),
    };
    const mobile = review(doc, dict).findings.find((f) => f.kind === 'mobile');
    expect(mobile?.match).toBe('13904315521');
    expect(mobile?.context).toContain('张伟');
    expect(mobile?.context).toContain('13904315521');
  });
});
