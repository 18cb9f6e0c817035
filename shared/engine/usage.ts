// How a hit is used in its sentence: inside the cited title of another document, in a sentence
// about this document, in a rule or a definition, in a list of categories, in a published contact
// line, tied to a real facility or time. Each detector answers with the cue that decided it (for
// the explanation) or undefined.
import type { TextBlock } from '../document-model';
import type { BlockViews } from './block-views';
import { BOUNDARY, CONTACT_LABELS, DEFINITION, ITEM_DELIMITER, NORMATIVE, SELF_REFERENCE, TIME_OF_DAY } from './role-cues';

/** Other hits of the block, as spans; cue words inside them are words of another finding, not cues. */
export type Spans = readonly (readonly [number, number])[];

const CITED_REACH = 120;
/** 《关于……的请示》, 〈……〉, nested or not. */
const OPEN_TITLE = '《〈';
const CLOSE_TITLE = '》〉';
/** A document number in brackets after a title: （鄂政文〔2004〕15号）, (〔1996〕武司字第82号). */
const CITED_NUMBER = /^\s*[（(][^（()）]{0,30}(?:[〔[]\d{4}[〕\]]|\d+\s*号)[^（()）]{0,12}[）)]/;
/** A reply names what it answers: ……的请示收悉. */
const ACKNOWLEDGED = /^\s*(?:[（(][^（()）]{0,40}[）)])?\s*(?:已?收悉|悉)/;

/** Inside the title of another document: in 《》, or followed by its document number or 收悉. */
export function citedTitleCue(text: string, start: number, end: number): string | undefined {
  let depth = 0;
  for (let i = start - 1; i >= Math.max(0, start - CITED_REACH); i--) {
    const c = text[i];
    if (c === '。') break; // a title holds no full stop
    if (CLOSE_TITLE.includes(c)) depth--;
    else if (OPEN_TITLE.includes(c) && ++depth > 0) return '《》';
  }
  const after = text.slice(end, end + 60);
  if (CITED_NUMBER.test(after)) return '文号';
  if (ACKNOWLEDGED.test(after)) return '收悉';
  return undefined;
}

function firstCue(views: BlockViews, cues: readonly string[], from: number, to: number, skips: Spans, asWord: boolean): string | undefined {
  const text = views.block.text;
  for (const cue of cues) {
    if (asWord) {
      if (views.hasWord(cue, from, to, skips)) return cue;
    } else {
      for (let i = text.indexOf(cue, from); i >= 0 && i + cue.length <= to; i = text.indexOf(cue, i + 1)) {
        if (!skips.some(([s, e]) => i < e && s < i + cue.length)) return cue;
      }
    }
  }
  return undefined;
}

/**
 * The clause's subject is this document: 本报告……属于工作秘密, 此件不公开. A cue of a mention between
 * the document and the hit (本通知要求各单位防止泄露工作秘密) makes the hit a mention instead.
 */
export function selfReferenceCue(
  views: BlockViews,
  clause: { start: number; end: number },
  hit: { start: number; end: number },
  extra: readonly string[],
  mentionCues: readonly string[],
): string | undefined {
  const text = views.block.text;
  for (const cue of extra.length ? [...SELF_REFERENCE, ...extra] : SELF_REFERENCE) {
    for (let i = text.indexOf(cue, clause.start); i >= 0 && i + cue.length <= clause.end; i = text.indexOf(cue, i + 1)) {
      const between = i + cue.length <= hit.start ? text.slice(i + cue.length, hit.start) : '';
      if (!mentionCues.some((c) => between.includes(c))) return cue;
    }
  }
  return undefined;
}

/** 该项目设计参数属于工作秘密。: a predicate right before the hit, and the clause ends with it. */
const CLAIM_BEFORE = /(?:属于|系|为|列为|定为|标注为|标为)(?:[均都已仍])?$/;

/**
 * The draft states as a fact that something in it is of this kind (设计参数属于工作秘密). Not in a
 * rule: 属于国家秘密的，不予公开 and 涉及国家秘密的信息 are about categories.
 */
export function claimCue(views: BlockViews, clause: { start: number; end: number }, hit: { start: number; end: number }): string | undefined {
  const text = views.block.text;
  const before = text.slice(clause.start, hit.start).replace(/[均都已仍]+(?=(?:属于|系|为))/g, '').trimEnd();
  const after = text.slice(hit.end, clause.end).trim();
  const m = CLAIM_BEFORE.exec(before);
  if (!m || after !== '' || views.block.table !== undefined || text.slice(clause.start, clause.end).includes('\t')) return undefined;
  // A subject of its own before the predicate (设计参数属于…), not a numbered category label (1.属于…).
  const subject = before.slice(0, before.length - m[0].length).match(/[\u3400-\u9fff]/g)?.length ?? 0;
  return subject >= 2 ? m[0] : undefined;
}

export function definitionCue(views: BlockViews, sentence: { start: number; end: number }, skips: Spans): string | undefined {
  return firstCue(views, DEFINITION, sentence.start, sentence.end, skips, false);
}

/**
 * A rule: a modal word of the clause (应 in 应当, not in 应急: words only), or a condition of the
 * kind laws are written in (起草单位直接将文件送审稿……报送审核机构的，).
 */
export function normativeCue(views: BlockViews, clause: { start: number; end: number }, skips: Spans): string | undefined {
  const modal = firstCue(views, NORMATIVE, clause.start, clause.end, skips, true);
  if (modal) return modal;
  const text = views.block.text;
  return text[clause.end - 1] === '的' && /[，,]/.test(text[clause.end] ?? '') ? '……的，' : undefined;
}

export function boundaryCue(views: BlockViews, sentence: { start: number; end: number }, skips: Spans): string | undefined {
  return firstCue(views, BOUNDARY, sentence.start, sentence.end, skips, false);
}

/**
 * One item of a list of categories: 讨论记录、过程稿、磋商信函 …; 请示报告及表彰奖惩等文件. The item
 * holding the hit runs between list delimiters; a 、 on either side or a 等 after it makes it a list.
 */
export function enumerationCue(text: string, start: number, end: number): string | undefined {
  let from = start;
  while (from > 0 && !ITEM_DELIMITER.test(text[from - 1]) && start - from < 30) from--;
  let to = end;
  while (to < text.length && !ITEM_DELIMITER.test(text[to]) && !text.startsWith('等', to) && to - end < 30) to++;
  if (text[from - 1] === '、' || text[to] === '、') return '、';
  if (text.startsWith('等', to)) return '等';
  return undefined;
}

/** A contact line a notice publishes: 联系人：…, 咨询电话：… — not a row of a list of persons. */
export function contactCue(views: BlockViews, block: TextBlock, start: number, lineHasIdNumber: boolean): string | undefined {
  if (block.table !== undefined || lineHasIdNumber) return undefined;
  const lines = views.lines;
  const line = lines.lineOf(start);
  const before = block.text.slice(lines.start(line), start);
  if (before.includes('\t')) return undefined;
  return CONTACT_LABELS.find((label) => before.includes(label));
}

/** A time of day in the sentence, outside the hit itself. */
export function timeCue(text: string, sentence: { start: number; end: number }, skips: Spans): string | undefined {
  const re = new RegExp(TIME_OF_DAY.source, 'g');
  const part = text.slice(sentence.start, sentence.end);
  for (let m = re.exec(part); m; m = re.exec(part)) {
    const at = sentence.start + m.index;
    if (!skips.some(([s, e]) => at < e && s < at + m![0].length)) return m[0];
  }
  return undefined;
}
