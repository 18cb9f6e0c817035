// Checks a dictionary entry while it is typed (the window) and before a version is saved (the
// service): pure, no I/O. Errors stop a save; warnings are shown but allowed (a term that an
// allow phrase covers only partly is how allow lists are meant to work: 机密 vs 有机密封).
import { normalizeText, normalizeTerm } from '../text/normalize';
import { SEVERITIES } from '../findings';
import { BOUNDARY_MODES, VALIDATOR_NAMES, type AllowEntry, type ContextRule, type DictionaryEntry, type DictionarySet } from './types';

/** An entry as a form holds it: any field may be missing or wrong. */
export interface EntryDraft {
  readonly id?: string;
  readonly type?: 'term' | 'pattern';
  readonly term?: string;
  readonly pattern?: string;
  readonly category?: string;
  readonly severity?: string;
  readonly boundary?: string;
  readonly validator?: string;
  readonly context?: string;
  readonly enabled?: boolean;
}

export interface EntryProblem {
  readonly field: 'id' | 'term' | 'pattern' | 'category' | 'severity' | 'boundary' | 'validator' | 'context';
  readonly message: string;
  readonly level: 'error' | 'warning';
}

export interface ValidationContext {
  readonly entries: readonly DictionaryEntry[];
  readonly allow: readonly AllowEntry[];
  readonly contextRules?: readonly ContextRule[];
}

/**
 * Ordinary office prose with nothing sensitive in it. A pattern that hits more than half of these
 * lines would flag almost every draft and bury the real findings.
 */
export const ORDINARY_SAMPLE: readonly string[] = [
  '为深入贯彻落实省委、省政府关于优化营商环境的决策部署，现将有关事项通知如下。',
  '各市（州）人民政府，省政府各厅委、各直属机构：',
  '一、充分认识做好这项工作的重要意义',
  '各地区、各部门要提高思想认识，加强组织领导，明确责任分工，确保各项任务落到实处。',
  '二、工作目标',
  '到2025年底，政务服务事项网上可办率达到百分之九十以上，群众满意度明显提升。',
  '三、主要任务',
  '（一）推进政务服务标准化。梳理公布政务服务事项清单，统一办理流程和办事指南。',
  '（二）提升审批效率。压缩审批时限，推行容缺受理和告知承诺制。',
  '（三）加强监督检查。定期通报工作进展情况，对落实不力的单位进行督促整改。',
  '四、保障措施',
  '各单位要结合实际制定具体实施方案，并于每季度末报送工作进展情况。',
  '本通知自印发之日起施行，由省政务服务和数字化建设管理局负责解释。',
  '附件：政务服务事项清单',
  '2024年3月15日',
  '今年以来，全省经济运行总体平稳，农业生产形势良好，春耕备耕工作有序开展。',
  '会议强调，要坚持以人民为中心的发展思想，切实解决群众急难愁盼问题。',
  '欢迎社会各界积极参与，提出宝贵意见和建议。',
  '特此通知。',
  '省人民政府办公厅',
];

let normalizedSample: string[] | undefined;
const sample = () => (normalizedSample ??= ORDINARY_SAMPLE.map((line) => normalizeText(line).text));

/** Categories are identifiers (classification-mark, project-codename) or short names: no spaces. */
const BAD_CATEGORY = /[\s,，;；"'<>]|[\u0000-\u001f]/;

const key = (normalizedTerm: string, category: string) => `${normalizedTerm}\u0000${category}`;

/** Builds the indexes once, then checks drafts cheaply (the window calls it on every key stroke). */
export function createEntryChecker(ctx: ValidationContext): (draft: EntryDraft) => EntryProblem[] {
  const byKey = new Map<string, DictionaryEntry[]>();
  for (const e of ctx.entries) {
    if (e.type !== 'term') continue;
    const k = key(normalizeTerm(e.term), e.category);
    byKey.set(k, [...(byKey.get(k) ?? []), e]);
  }
  const allow = ctx.allow.map((a) => ({ entry: a, phrase: normalizeTerm(a.term) })).filter((a) => a.phrase);
  const contextIds = ctx.contextRules && new Set(ctx.contextRules.map((r) => r.id));
  return (draft) => {
    const problems: EntryProblem[] = [];
    const error = (field: EntryProblem['field'], message: string) => problems.push({ field, message, level: 'error' });
    const warn = (field: EntryProblem['field'], message: string) => problems.push({ field, message, level: 'warning' });
    const category = (draft.category ?? '').trim();
    if (!category) error('category', '类别不能为空');
    else if (BAD_CATEGORY.test(category) || category.length > 40) error('category', `类别「${category}」无效：不能含空格、逗号或引号，且不超过 40 个字符`);
    if (!(SEVERITIES as readonly string[]).includes(draft.severity ?? '')) error('severity', `严重程度「${draft.severity ?? ''}」无效，应为 block（禁止发布）、review（需人工判断）或 info（提示）`);
    if (draft.boundary !== undefined && !(BOUNDARY_MODES as readonly string[]).includes(draft.boundary)) error('boundary', `词边界模式「${draft.boundary}」无效，应为 auto、word 或 none`);
    if (draft.context !== undefined && contextIds && !contextIds.has(draft.context)) error('context', `引用的语境规则「${draft.context}」不存在`);
    if (draft.type === 'pattern') checkPattern(draft, error);
    else checkTerm(draft, category, error, warn);
    return problems;
  };

  function checkTerm(draft: EntryDraft, category: string, error: (f: EntryProblem['field'], m: string) => void, warn: (f: EntryProblem['field'], m: string) => void) {
    const term = normalizeTerm(draft.term ?? '');
    if (!term) {
      error('term', '词条不能为空（或只含空白、不可见字符）');
      return;
    }
    const twins = (byKey.get(key(term, category)) ?? []).filter((e) => e.id !== draft.id);
    if (twins.length > 0) {
      const twin = twins[0];
      error('term', `词条与已有条目「${twin.id}」重复（同一类别下规范化后相同）${twin.enabled === false ? '，该条目已停用，可重新启用' : ''}`);
    }
    for (const { entry, phrase } of allow) {
      if (entry.categories.length > 0 && !entry.categories.includes(category)) continue;
      if (phrase === term) error('term', `词条与白名单「${entry.term}」相同，任何命中都会被白名单去掉，永远不会报告`);
      else if (phrase.includes(term)) warn('term', `词条出现在白名单短语「${entry.term}」中时不会报告`);
    }
  }
}

function checkPattern(draft: EntryDraft, error: (f: EntryProblem['field'], m: string) => void) {
  if (draft.validator !== undefined && !(VALIDATOR_NAMES as readonly string[]).includes(draft.validator)) {
    error('validator', `未知的校验器「${draft.validator}」，可用：${VALIDATOR_NAMES.join('、')}`);
  }
  const pattern = draft.pattern ?? '';
  if (!pattern.trim()) {
    error('pattern', '正则表达式不能为空');
    return;
  }
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, 'u');
  } catch (e) {
    error('pattern', `正则表达式无法编译：${(e as Error).message}`);
    return;
  }
  if (regex.test('')) {
    error('pattern', '正则表达式能匹配空文字，会到处命中');
    return;
  }
  const lines = sample();
  const hits = lines.filter((line) => regex.test(line)).length;
  if (hits * 2 > lines.length) error('pattern', `正则表达式过于宽泛：在 ${lines.length} 句普通公文文字中命中 ${hits} 句`);
}

/** One draft against a context (or on its own, without the duplicate and allow-list checks). */
export function validateEntry(draft: EntryDraft, ctx: ValidationContext = { entries: [], allow: [] }): EntryProblem[] {
  return createEntryChecker(ctx)(draft);
}

export interface SetProblem {
  readonly id: string;
  readonly source: string;
  readonly line: number;
  readonly problems: readonly EntryProblem[];
}

/** Every entry and allow entry of a set, each checked against the rest. Only items with problems. */
export function validateSet(set: DictionarySet): SetProblem[] {
  const check = createEntryChecker(set);
  const out: SetProblem[] = [];
  const seen = new Set<string>();
  for (const e of set.entries) {
    const problems = check(e);
    if (seen.has(e.id)) problems.unshift({ field: 'id', message: `编号「${e.id}」重复`, level: 'error' });
    seen.add(e.id);
    if (problems.length > 0) out.push({ id: e.id, source: e.source, line: e.line, problems });
  }
  for (const a of set.allow) {
    if (!normalizeTerm(a.term)) out.push({ id: a.id, source: a.source, line: a.line, problems: [{ field: 'term', message: '白名单短语不能为空', level: 'error' }] });
  }
  return out;
}

/** Only the problems that stop a save. */
export function setErrors(set: DictionarySet): SetProblem[] {
  return validateSet(set)
    .map((p) => ({ ...p, problems: p.problems.filter((x) => x.level === 'error') }))
    .filter((p) => p.problems.length > 0);
}
