// The role decisions with the starter dictionaries: the same word weighs by where and how it stands.
import { beforeAll, describe, expect, it } from 'vitest';
import { compileDictionary, type CompiledDictionary } from '../../../../shared/dictionary/compile';
import type { ExtractedDocument, Part, TextBlock } from '../../../../shared/document-model';
import type { Finding } from '../../../../shared/findings';
import { reviewDocument, type DocumentReview } from '../../../../shared/engine/review-document';
import { jiebaSegmenter, warmSegmenter } from '../../../../electron/segment/jieba-segmenter';
import { loadDictionarySet } from '../../../../electron/dictionary/dictionary-files';

let dict: CompiledDictionary;
beforeAll(() => {
  dict = compileDictionary(loadDictionarySet([]));
  warmSegmenter();
});

/** A text document: one body block per line, as the text reader gives it. */
function lines(...texts: string[]): TextBlock[] {
  return texts.map((text, paragraph) => ({ part: 'body' as Part, text, paragraph }));
}

function review(blocks: TextBlock[], format: ExtractedDocument['format'] = 'txt'): DocumentReview {
  return reviewDocument({ format, blocks, warnings: [] }, dict, jiebaSegmenter);
}

function only(r: DocumentReview, match: string): Finding {
  const found = r.findings.filter((f) => f.match === match);
  expect(found, `one finding for ${match}: ${JSON.stringify(r.findings.map((f) => f.match))}`).toHaveLength(1);
  return found[0];
}

const NOTICE_HEAD = ['关于做好年度供水保障工作的通知', '各处室：'];

describe('roles: the title', () => {
  it('a parenthesised suffix after the title is the draft’s own status', () => {
    const f = only(review(lines('关于优化住房公积金提取流程的通知（征求意见稿）', '各处室：', '现将有关事项通知如下。')), '征求意见稿');
    expect(f).toMatchObject({ severity: 'review', role: 'titleSuffix' });
    expect(f.explanation).toContain('标题后的括注');
  });

  it('the kind at the end of the title is the document’s own kind, also across two title lines', () => {
    const r = review(lines('关于申请2025年城市供水', '设施改造资金的请示', '省财政厅：', '妥否，请批示。'));
    expect(only(r, '请示')).toMatchObject({ severity: 'review', role: 'ownKind' });
  });

  it('a kind word inside a forwarding title names the forwarded document, not this one', () => {
    const r = review(lines('转发省教育厅关于扩大招生规模有关问题请示的通知', '各市州：', '现转发给你们，请认真贯彻执行。'));
    expect(only(r, '请示')).toMatchObject({ severity: 'info', role: 'citedTitle' });
  });

  it('the annexed document of a forwarding notice has a cited title too', () => {
    const r = review(lines('转发省教育厅关于扩大招生规模问题的通知', '各市州：', '现转发给你们。', '省人民政府办公厅', '2024年7月17日', '关于扩大招生规模问题的请示', '省人民政府：'));
    expect(only(r, '请示')).toMatchObject({ severity: 'info', role: 'citedTitle' });
  });
});

describe('roles: cited titles', () => {
  it('《关于……的请示》收悉 is another document’s title', () => {
    const r = review(lines('关于同意建设城市供水应急水源工程的批复', '市人民政府：', '你市《关于建设城市供水应急水源工程的请示》收悉。现批复如下。'));
    const f = only(r, '请示');
    expect(f).toMatchObject({ severity: 'info', role: 'citedTitle' });
    expect(f.explanation).toContain('所引用的其他文件标题');
    expect(r.verdict).toBe('pass');
  });

  it('a title cited by its document number, without book-title marks, too', () => {
    const r = review(lines('关于同意迁址新建的批复', '省交通运输厅：', '你厅关于机关迁址新建的请示（吉交〔2024〕82号）收悉，现批复如下。'));
    expect(only(r, '请示')).toMatchObject({ severity: 'info', role: 'citedTitle' });
  });
});

describe('roles: how a sentence uses the word', () => {
  it('a normative sentence uses 送审稿 as a concept', () => {
    const r = review(lines(...NOTICE_HEAD, '起草单位报送的审核材料，应当包括文件送审稿及其说明。'));
    const f = only(r, '送审稿');
    expect(f).toMatchObject({ severity: 'info', role: 'normative' });
    expect(f.explanation).toContain('规范性表述');
  });

  it('a list of categories uses 过程稿 and 请示 as concepts', () => {
    const r = review(lines(...NOTICE_HEAD, '讨论记录、过程稿、磋商信函、请示报告等过程性信息可以不予公开。'));
    expect(only(r, '过程稿').severity).toBe('info');
    expect(only(r, '请示').severity).toBe('info');
  });

  it('a sentence whose subject is this document labels it: 本文件属于工作秘密 blocks', () => {
    const r = review(lines(...NOTICE_HEAD, '本报告涉及的应急水源地具体位置属于工作秘密，未经批准不得扩散。'));
    expect(only(r, '工作秘密')).toMatchObject({ severity: 'block', role: 'selfReference' });
  });

  it('a statement that something in the draft is a work secret is a self-label; a rule about the category is not', () => {
    const claim = review(lines(...NOTICE_HEAD, '该工程设计参数和备用水源位置属于工作秘密。'));
    expect(only(claim, '工作秘密')).toMatchObject({ severity: 'block', role: 'selfReference' });
    const rule = review(lines(...NOTICE_HEAD, '属于工作秘密的，不予公开。'));
    expect(only(rule, '工作秘密').severity).toBe('info');
    const label = review([...lines(...NOTICE_HEAD), { part: 'body', text: '1.属于工作秘密', paragraph: 2, table: 0, row: 1, column: 0 }], 'docx');
    expect(only(label, '工作秘密').severity).toBe('info');
  });

  it('the same word as the subject of a duty is a mention: 本通知要求各单位防止泄露工作秘密', () => {
    const r = review(lines(...NOTICE_HEAD, '本通知要求各单位防止泄露工作秘密。'));
    expect(only(r, '工作秘密')).toMatchObject({ severity: 'info', role: 'mention' });
  });

  it('a duty arrangement tied to a facility and a time of day is review, a duty system is not', () => {
    const tied = review(lines(...NOTICE_HEAD, '第一净水厂每日20:00至次日8:00安排专人值守。'));
    expect(only(tied, '值守')).toMatchObject({ severity: 'review', role: 'tied' });
    const system = review(lines(...NOTICE_HEAD, '各单位要建立值班值守制度，加强日常监测。'));
    expect(only(system, '值守').severity).toBe('info');
  });

  it('published boundary points in a definition are info, a facility’s coordinates are review', () => {
    const boundary = review(lines(...NOTICE_HEAD, '本规定所称长江水域，是指浏河口下游的浏黑屋(北纬31°30′、东经121°18′)以上的干线水域。'));
    expect(boundary.findings.find((f) => f.kind === 'coordinate')).toMatchObject({ severity: 'info' });
    const facility = review(lines(...NOTICE_HEAD, '新取水口位于东经125.1234°、北纬43.8567°，距市区12公里。'));
    expect(facility.findings.find((f) => f.kind === 'coordinate')).toMatchObject({ severity: 'review' });
  });
});

describe('roles: notes, header and the head', () => {
  it('a note under a table: 未经审定 data are flagged', () => {
    const r = review(lines('关于2024年全省住房城乡建设统计情况的通报', '各市州住建局：', '2024年全省完成房地产开发投资1234亿元。', '（注：以上数据均为未经审定的统计数据。）'));
    expect(only(r, '未经审定').severity).toBe('review');
    expect(r.verdict).toBe('review');
  });

  it('a handling instruction in the 附注 blocks', () => {
    const r = review(lines('关于全省城市供水应急保障工作的情况报告', '现将有关情况报告如下。', '（此件不公开）'));
    expect(only(r, '此件不公开')).toMatchObject({ severity: 'block', role: 'note' });
  });

  it('内部资料 注意保存 at the head, before the title, blocks', () => {
    const r = review(lines('内部资料 注意保存', '关于全省供水安全情况的报告', '各处室：', '今年全省供水总体平稳。'));
    expect(only(r, '内部资料').severity).toBe('block');
    expect(only(r, '注意保存').severity).toBe('block');
  });

  it('a label in the header blocks, the same word in a rule does not', () => {
    const header = review([...lines(...NOTICE_HEAD, '现将有关事项通知如下。'), { part: 'header', text: '内部资料', paragraph: 0 }]);
    expect(header.findings.find((f) => f.part === 'header')).toMatchObject({ severity: 'block', role: 'header' });
    const rule = review(lines(...NOTICE_HEAD, '专线进行国际联网的计算机信息网络，只限于内部使用，不得擅自扩大。'));
    expect(only(rule, '内部使用').severity).toBe('info');
  });
});

describe('roles: published on purpose', () => {
  it('the 征求意见稿 of a public consultation is public by purpose; its contact line too', () => {
    const r = review(
      lines(
        '关于公开征求《吉林省城市供水条例（征求意见稿）》意见的通知',
        '为广泛听取社会各界意见，现将条例征求意见稿全文公布。',
        '联系人：张科长，联系电话：13904311234',
        '附件',
        '吉林省城市供水条例（征求意见稿）',
        '第一条 为了加强城市供水管理，制定本条例。',
      ),
    );
    expect(r.findings.filter((f) => f.match === '征求意见稿').every((f) => f.severity === 'info')).toBe(true);
    expect(only(r, '13904311234')).toMatchObject({ severity: 'info', role: 'contact' });
    expect(r.verdict).toBe('pass');
  });

  it('a consultation among the divisions keeps its draft process information', () => {
    const r = review(lines('关于征求《城建处工作规则（征求意见稿）》意见的通知', '各处室：', '现将《城建处工作规则（征求意见稿）》印发给你们，请各处室于3月5日前反馈意见。'));
    expect(r.findings.filter((f) => f.match === '征求意见稿').map((f) => [f.severity, f.role])).toEqual([
      ['review', 'internalConsultation'],
      ['review', 'internalConsultation'],
    ]);
  });

  it('a list of persons keeps their numbers: the row of a table is not a contact line', () => {
    const r = review([
      ...lines('关于公共租赁住房保障对象的公示', '下列家庭符合保障条件，现予公示。'),
      { part: 'body', text: '联系电话', paragraph: 2, table: 0, row: 0, column: 0 },
      { part: 'body', text: '13904315521', paragraph: 3, table: 0, row: 1, column: 0 },
    ], 'docx');
    expect(only(r, '13904315521').severity).toBe('review');
  });

  it('masked numbers are never personal information', () => {
    const r = review(lines(...NOTICE_HEAD, '张三，身份证号2201**********0019，电话138****1234。'));
    expect(r.findings.filter((f) => f.category === 'personal-info')).toEqual([]);
  });
});

describe('cells and context', () => {
  it('no term is made of the end of one cell and the start of the next', () => {
    const r = review(lines(...NOTICE_HEAD, '资料类型：内部\t资料员：张三'));
    expect(r.findings.filter((f) => f.category === 'work-secret')).toEqual([]);
  });

  it('the context a reviewer reads has no space between two wrapped Chinese characters', () => {
    const r = review([{ part: 'body', page: 2, paragraph: 0, text: '各单位要认真学习保守国家秘密法，切实防\n止泄露国家秘密，严格落实保密责任。' }], 'pdf');
    const f = r.findings.find((x) => x.match === '国家秘密' && x.start! > 20)!;
    expect(f.context).toContain('防止泄露国家秘密');
  });
});
