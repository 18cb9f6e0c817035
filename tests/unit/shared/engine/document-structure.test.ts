// The structure of an official document, read from lines of text (GB/T 9704).
import { describe, expect, it } from 'vitest';
import type { TextBlock } from '../../../../shared/document-model';
import { BlockViews } from '../../../../shared/engine/block-views';
import { documentStructure, type LineRole } from '../../../../shared/engine/document-structure';

function structureOf(blocks: TextBlock[]) {
  const views = blocks.map((b) => new BlockViews(b, undefined));
  return documentStructure(blocks, views);
}

const lines = (...texts: string[]): TextBlock[] => texts.map((text, paragraph) => ({ part: 'body', text, paragraph }));

function rolesOf(blocks: TextBlock[]): (LineRole | undefined)[] {
  const s = structureOf(blocks);
  return blocks.map((_, i) => s.roleOf(i, 0));
}

describe('documentStructure', () => {
  it('reads the head of a classified notice: copy number, mark, urgency, banner, number, then the title', () => {
    const doc = lines('000123', '机密★1年', '特急', '吉林省住房和城乡建设厅文件', '吉建发〔2025〕3号', '关于做好城市供水安全保障工作的通知', '各市州住建局：', '现将有关事项通知如下。', '吉林省住房和城乡建设厅', '2025年3月5日', '（此件公开发布）');
    expect(rolesOf(doc)).toEqual(['head', 'head', 'head', 'head', 'head', 'title', 'addressee', 'body', 'body', 'date', 'note']);
    const s = structureOf(doc);
    expect(s.mainTitle?.text).toBe('关于做好城市供水安全保障工作的通知');
    expect(s.normative).toBe(false);
  });

  it('finds a title wrapped over lines, with its document number after it (gov.cn style) and its suffix', () => {
    const doc = lines('国务院关于河北雄安新区', '总体规划（2018—2035年）的批复（征求意见稿）', '国函〔2018〕159号', '河北省人民政府：', '你们的请示收悉。');
    expect(rolesOf(doc)).toEqual(['title', 'title', 'doc-number', 'addressee', 'body']);
    const s = structureOf(doc);
    const suffixAt = doc[1].text.indexOf('（征求意见稿）');
    expect(s.mainTitle?.coreEnd).toBe(suffixAt);
    expect(s.mainTitle?.forwarding).toBe(false);
  });

  it('reads spaced titles and forwarding titles, and the forwarded document’s title after the date', () => {
    const doc = lines('国务院办公厅转发国家教委', '关于内地西藏班扩大规模', '有关问题请示的通知', '国办发〔1996〕32号', '各省人民政府：', '现转发给你们。', '国务院办公厅', '一九九六年七月十七日', '关于内地西藏班', '扩大规模有关问题的请示', '国务院：');
    const s = structureOf(doc);
    expect(s.mainTitle?.forwarding).toBe(true);
    expect(rolesOf(doc).slice(7, 10)).toEqual(['date', 'annex-title', 'annex-title']);
    expect(structureOf(lines('国 家 粮 食 应 急 预 案 的 函', '各省：')).mainTitle?.text).toBe('国家粮食应急预案的函');
  });

  it('knows a law by its title and its articles, and a document without a title by its prose', () => {
    const law = structureOf(lines('中华人民共和国公务员法', '第一章 总则', '第一条 为了规范公务员的管理，制定本法。', '第二条 本法所称公务员，是指依法履行公职的工作人员。'));
    expect(law.normative).toBe(true);
    const prose = lines('我市农村经济在新常态下稳步发展', '2014年，全市上下以科学发展观为指导，紧紧抓住机遇。', '一、粮食产量稳步增长。');
    expect(structureOf(prose).mainTitle).toBeUndefined();
    expect(rolesOf(prose)).toEqual(['head', 'body', 'body']);
  });

  it('tells a public consultation from one among the divisions, and a publicity list', () => {
    const open = structureOf(lines('关于公开征求《城市供水条例（征求意见稿）》意见的通知', '为广泛听取社会各界意见，现予公布。'));
    expect([open.consultation, open.internalConsultation]).toEqual([true, false]);
    const inside = structureOf(lines('关于征求《工作规则（征求意见稿）》意见的通知', '各处室：', '请各处室于3月5日前反馈意见。'));
    expect([inside.consultation, inside.internalConsultation]).toEqual([false, true]);
    const draft = structureOf(lines('城市供水条例（征求意见稿）', '第一条 为了加强管理，制定本条例。'));
    expect([draft.consultation, draft.internalConsultation]).toEqual([false, false]);
    expect(structureOf(lines('关于拟任干部的任前公示', '现予公示。')).publicNotice).toBe(true);
  });

  it('reads the lines of a PDF page', () => {
    const page: TextBlock = { part: 'body', page: 1, paragraph: 0, text: '关于做好政务公开工作的通知\n吉建办〔2024〕29 号\n厅机关各处室：\n为深入落实部署，现通知如下：' };
    const s = structureOf([page]);
    expect([0, 1, 2, 3].map((l) => s.roleOf(0, l))).toEqual(['title', 'doc-number', 'addressee', 'body']);
  });
});
