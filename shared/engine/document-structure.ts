// The structure of an official document (GB/T 9704), read from the text of any format: the head
// (份号, 密级, 紧急程度, 发文机关标志, 发文字号) before the title, the title with its parenthesised
// suffix and its kind (文种), the addressee, the body, the date, notes (附注), the colophon (版记),
// and the titles of documents annexed or forwarded after it. A term weighs by where it stands:
// 征求意见稿 after the title is this draft's status, 请示 at the end of the title is its kind.
import type { TextBlock } from '../document-model';
import type { BlockViews } from './block-views';
import {
  ANNEX_MARKER,
  ARTICLE_LINE,
  COLOPHON_LINE,
  DATE_LINE,
  DOC_NUMBER,
  ENDS_WITH_KIND,
  FORWARDING_TITLE,
  HEAD_LINE,
  INTERNAL_CIRCULATION,
  NORMATIVE_TITLE,
  NOT_A_TITLE_START,
  NOTE_LINE,
  PARENTHESISED_LINE,
  PUBLIC_CONSULTATION,
  PUBLIC_NOTICE_TITLE,
  TITLE_SUFFIX,
} from './role-cues';

export type LineRole = 'head' | 'title' | 'annex-title' | 'doc-number' | 'addressee' | 'date' | 'note' | 'colophon' | 'body';

export interface TitleSpan {
  /** Flow positions of its lines. */
  readonly lines: readonly FlowLine[];
  /** Where the title's own words end and its suffix (（征求意见稿）) begins: on its last line. */
  readonly coreEnd: number;
  /** The title without white space. */
  readonly text: string;
  /** It forwards or issues another document (转发……的通知), whose kind words it repeats. */
  readonly forwarding: boolean;
  readonly main: boolean;
}

export interface FlowLine {
  readonly block: number;
  readonly line: number;
  /** The line's text without white space between CJK characters. */
  readonly compact: string;
}

export interface DocumentStructure {
  roleOf(block: number, line: number): LineRole | undefined;
  titleOf(block: number, line: number): TitleSpan | undefined;
  readonly mainTitle?: TitleSpan;
  /** A law or regulation: its articles state rules about categories. */
  readonly normative: boolean;
  /** Published on purpose: a public consultation, a publicity list (公示). */
  readonly consultation: boolean;
  /** Asks for comments, but inside the organisation (请各处室反馈, 不对外公开). */
  readonly internalConsultation: boolean;
  readonly publicNotice: boolean;
}

/** How far down the main title is looked for (the head takes up to about six lines). */
const TITLE_SEARCH_LINES = 12;
/** Without a recognised title, the first lines of the first page are the head (as before roles). */
const HEAD_LINES_WITHOUT_TITLE = 3;
const MAX_TITLE_LINES = 4;
/** An annexed document's title follows its marker or the date within a few lines. */
const ANNEX_TITLE_REACH = 4;

const CJK_SPACE = /(?<=[\u3400-\u9fff（）《》〈〉“”])\s+(?=[\u3400-\u9fff（）《》〈〉“”])/g;

export function compactLine(line: string): string {
  return line.replace(CJK_SPACE, '').trim();
}

/** The main flow of the document: body paragraphs and page lines outside tables, in reading order. */
function flowOf(blocks: readonly TextBlock[], views: readonly BlockViews[]): FlowLine[] {
  const flow: FlowLine[] = [];
  blocks.forEach((b, block) => {
    if (b.part !== 'body' || b.table !== undefined) return;
    const lines = views[block].lines;
    for (let line = 0; line < lines.count; line++) {
      const compact = compactLine(lines.line(line));
      if (compact !== '' && !compact.includes('\t')) flow.push({ block, line, compact });
    }
  });
  return flow;
}

export function documentStructure(blocks: readonly TextBlock[], views: readonly BlockViews[]): DocumentStructure {
  const flow = flowOf(blocks, views);
  const roles = new Map<string, LineRole>();
  const titles = new Map<string, TitleSpan>();
  const key = (l: { block: number; line: number }) => `${l.block}:${l.line}`;
  const setRole = (l: FlowLine, role: LineRole) => roles.set(key(l), role);

  const main = findMainTitle(flow, views);
  const titleStart = main ? flow.indexOf(main.lines[0]) : -1;
  const headEnd = main ? titleStart : Math.min(HEAD_LINES_WITHOUT_TITLE, firstPageLines(flow, blocks));
  // Prose is never part of the head, even among the first lines of a document without a title.
  for (let i = 0; i < headEnd; i++) if (main || !isProse(flow[i].compact)) setRole(flow[i], 'head');

  const registerTitle = (t: TitleSpan) => {
    for (const l of t.lines) {
      setRole(l, t.main ? 'title' : 'annex-title');
      titles.set(key(l), t);
    }
  };
  if (main) registerTitle(main);

  let articles = 0;
  let addresseeSeen = false;
  let annexFrom = -1; // flow index after which an annexed title may start
  for (let i = main ? titleStart + main.lines.length : 0; i < flow.length; i++) {
    const l = flow[i];
    const c = l.compact;
    if (ARTICLE_LINE.test(c)) articles++;
    if (roles.has(key(l))) continue;
    if (annexFrom >= 0 && i - annexFrom <= ANNEX_TITLE_REACH) {
      const annex = titleAt(flow, i, views, false, main?.forwarding === true);
      if (annex) {
        registerTitle(annex);
        i += annex.lines.length - 1;
        annexFrom = -1;
        continue;
      }
    }
    if (DATE_LINE.test(c)) {
      setRole(l, 'date');
      annexFrom = i;
    } else if (ANNEX_MARKER.test(c)) {
      setRole(l, 'note');
      annexFrom = i;
    } else if (NOTE_LINE.test(c) || PARENTHESISED_LINE.test(c)) setRole(l, 'note');
    else if (COLOPHON_LINE.test(c)) setRole(l, 'colophon');
    else if (DOC_NUMBER.test(c) && c.length <= 40) setRole(l, 'doc-number');
    else if (!addresseeSeen && main && i <= titleStart + main.lines.length + 2 && /[:：]$/.test(c) && !c.includes('。')) {
      setRole(l, 'addressee');
      addresseeSeen = true;
    } else setRole(l, 'body');
  }

  const whole = flow.map((l) => l.compact).join('\n');
  const internal = INTERNAL_CIRCULATION.test(whole);
  // The title itself asks for comments (关于公开征求……意见的通知), not a draft's suffix (（征求意见稿）).
  const asksForComments = /征求/.test(coreOf(main?.text ?? ''));
  return {
    roleOf: (block, line) => roles.get(`${block}:${line}`),
    titleOf: (block, line) => titles.get(`${block}:${line}`),
    mainTitle: main,
    normative: !!main && NORMATIVE_TITLE.test(coreOf(main.text)) && articles >= 2,
    consultation: asksForComments && !internal && PUBLIC_CONSULTATION.test(whole),
    internalConsultation: asksForComments && (internal || !PUBLIC_CONSULTATION.test(whole)),
    publicNotice: !internal && PUBLIC_NOTICE_TITLE.test(coreOf(main?.text ?? '')),
  };
}

function firstPageLines(flow: readonly FlowLine[], blocks: readonly TextBlock[]): number {
  let n = 0;
  while (n < flow.length && (blocks[flow[n].block].page ?? 1) === 1) n++;
  return n;
}

function findMainTitle(flow: readonly FlowLine[], views: readonly BlockViews[]): TitleSpan | undefined {
  for (let i = 0; i < Math.min(flow.length, TITLE_SEARCH_LINES); i++) {
    const title = titleAt(flow, i, views, true, false);
    if (title) return title;
    const c = flow[i].compact;
    // Prose before any title: this is not an official document with a head and a title.
    if (!HEAD_LINE.test(c) && isProse(c)) return undefined;
  }
  return undefined;
}

/** A title starting at flow line i: title-like lines up to one that ends with a kind of document. */
function titleAt(flow: readonly FlowLine[], i: number, views: readonly BlockViews[], main: boolean, forwardedByMain: boolean): TitleSpan | undefined {
  if (!isTitleLike(flow[i].compact) || HEAD_LINE.test(flow[i].compact)) return undefined;
  let text = '';
  for (let j = i; j < Math.min(flow.length, i + MAX_TITLE_LINES); j++) {
    const c = flow[j].compact;
    if (j > i && (!isTitleLike(c) || DOC_NUMBER.test(c) || DATE_LINE.test(c))) return undefined;
    text += c;
    if (ENDS_WITH_KIND.test(coreOf(text))) {
      const lines = flow.slice(i, j + 1);
      const last = lines[lines.length - 1];
      const lineText = views[last.block].lines.line(last.line);
      const suffix = TITLE_SUFFIX.exec(lineText);
      const start = views[last.block].lines.start(last.line);
      const coreEnd = start + (suffix ? suffix.index : lineText.trimEnd().length);
      return { lines, coreEnd, text, forwarding: forwardedByMain || (main && FORWARDING_TITLE.test(coreOf(text))), main };
    }
  }
  return undefined;
}

function isProse(c: string): boolean {
  return c.length > 60 || /[。；]/.test(c);
}

function isTitleLike(c: string): boolean {
  const cjk = c.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  return c.length <= 100 && cjk >= 2 && !/[。；！？，,：:、]$/.test(c) && !c.includes('。') && !NOT_A_TITLE_START.test(c);
}

/** The title without its trailing parenthesised suffixes. */
export function coreOf(title: string): string {
  const m = TITLE_SUFFIX.exec(title);
  return m ? title.slice(0, m.index) : title;
}
