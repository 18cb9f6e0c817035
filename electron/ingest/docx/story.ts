// Reads one WordprocessingML "story" (the body, a header, a footnote, a comment, a text box)
// into paragraphs, and sends everything a reader of the printed page would not see — tracked
// deletions, hidden runs, text boxes — to its own part, so nothing is lost and nothing hidden
// is mistaken for the visible text.
//
// Why not mammoth for this: mammoth reads hidden (w:vanish) runs and text-box content into the
// body paragraphs, drops deleted text and comments' places entirely, and flattens tables without
// row positions. We need each of those separately, so the OOXML is walked here directly; a flat
// walk over every w:t of the body cross-checks it afterwards (see crosscheck.ts).

import type { Anchor, Part, TextBlock } from '../../../shared/document-model';
import type { Styles } from './styles';
import {
  chooseAlternative,
  elementChildren,
  firstW,
  isNs,
  isOn,
  isW,
  MATH_NS,
  MC_NS,
  VML_NS,
  wAttr,
  type XmlElement,
} from './xml';

/** Collects blocks per part, and numbers paragraphs per part across the whole file. */
export class BlockSink {
  private readonly blocks = new Map<Part, TextBlock[]>();
  private readonly counters = new Map<Part, number>();

  nextParagraph(part: Part): number {
    const n = this.counters.get(part) ?? 0;
    this.counters.set(part, n + 1);
    return n;
  }

  add(block: TextBlock): void {
    const list = this.blocks.get(block.part) ?? [];
    list.push(block);
    this.blocks.set(block.part, list);
  }

  inOrder(order: readonly Part[]): TextBlock[] {
    return order.flatMap((part) => this.blocks.get(part) ?? []);
  }
}

/** Where a story stands, and how its paragraphs are labelled. */
export interface Story {
  readonly part: Part;
  /** Label of this story's own paragraphs: a header's file name, '脚注 1', '批注 0'. */
  readonly label?: string;
  /** Author of this story's own paragraphs (comments). */
  readonly author?: string;
  /** Added to the labels of deletions, hidden runs and text boxes found here; none for the body. */
  readonly where?: string;
  /** Where the story stands in another (a text box in its paragraph); given to its blocks. */
  readonly anchor?: Anchor;
  /** Table counter, per story. */
  readonly tables: { next: number };
}

export interface ReadContext {
  readonly sink: BlockSink;
  readonly styles: Styles;
  /** Where each comment's and note's mark stands ('comment:0', 'footnote:1' → paragraph and offset). */
  readonly marks: Map<string, Anchor>;
}

interface Cell {
  readonly table: number;
  readonly row: number;
  /** Grid column where the cell starts (merged cells span several), so a header and its column line up. */
  readonly column: number;
}

export function newStory(part: Part, opts: Omit<Story, 'part' | 'tables'> = {}): Story {
  return { part, ...opts, tables: { next: 0 } };
}

/** Reads the block-level content of `root` (w:body, w:hdr, w:footnote, w:comment, w:txbxContent). */
export function readStory(root: XmlElement, story: Story, ctx: ReadContext): void {
  walkBlocks(root, story, ctx, undefined);
}

function walkBlocks(node: XmlElement, story: Story, ctx: ReadContext, cell: Cell | undefined): void {
  for (const child of elementChildren(node)) {
    if (isNs(child, MC_NS, 'AlternateContent')) {
      const branch = chooseAlternative(child);
      if (branch) walkBlocks(branch, story, ctx, cell);
    } else if (isW(child, 'p')) {
      readParagraph(child, story, ctx, cell);
    } else if (isW(child, 'tbl')) {
      readTable(child, story, ctx);
    } else if (!isBlockProperties(child)) {
      // w:sdt, w:sdtContent, w:customXml, w:tc … wrap paragraphs without changing them.
      walkBlocks(child, story, ctx, cell);
    }
  }
}

function isBlockProperties(el: XmlElement): boolean {
  return isW(el) && ['sectPr', 'tblPr', 'tblGrid', 'trPr', 'tcPr', 'sdtPr', 'sdtEndPr', 'tblPrEx'].includes(el.localName ?? '');
}

function readTable(tbl: XmlElement, story: Story, ctx: ReadContext): void {
  const table = story.tables.next++;
  tableRows(tbl).forEach((tr, row) => {
    let column = gridValue(firstW(firstW(tr, 'trPr') ?? tr, 'gridBefore'), 0);
    for (const tc of ownChildren(tr, 'tc')) {
      walkBlocks(tc, story, ctx, { table, row, column });
      column += gridValue(firstW(firstW(tc, 'tcPr') ?? tc, 'gridSpan'), 1);
    }
  });
}

function gridValue(el: XmlElement | undefined, fallback: number): number {
  const n = Number(el ? wAttr(el, 'val') : undefined);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

/** The table's own rows, also where a content control wraps them; not those of nested tables. */
function tableRows(node: XmlElement): XmlElement[] {
  return ownChildren(node, 'tr');
}

/** Children named `name` (w:tr of a table, w:tc of a row), also inside content controls; not nested tables'. */
function ownChildren(node: XmlElement, name: 'tr' | 'tc'): XmlElement[] {
  return elementChildren(node).flatMap((c) => {
    if (isW(c, name)) return [c];
    if (isW(c, 'tbl') || isBlockProperties(c)) return [];
    return ownChildren(c, name);
  });
}

/** A run of text that goes to a special part (one tracked change, one stretch of hidden runs). */
interface Group {
  readonly part: Part;
  readonly label: string;
  readonly author?: string;
  readonly anchor: Anchor;
  text: string;
}

interface RunFlags {
  readonly deletion?: Group;
  readonly insertion?: Group;
  readonly hidden: boolean;
}

class ParagraphReader {
  text = '';
  private hiddenGroup: Group | undefined;

  constructor(
    readonly index: number,
    readonly story: Story,
    readonly ctx: ReadContext,
    readonly styleHides: boolean,
    readonly cell: Cell | undefined,
  ) {}

  label(base: string): string {
    return this.story.where ? `${base} · ${this.story.where}` : base;
  }

  /** Where the text read next stands: this paragraph, at the end of what it holds so far. */
  here(): Anchor {
    return { part: this.story.part, paragraph: this.index, offset: this.text.length, ...(this.cell ?? {}) };
  }

  emit(text: string, flags: RunFlags): void {
    if (!text) return;
    if (flags.deletion) {
      flags.deletion.text += text;
      return;
    }
    if (flags.insertion) flags.insertion.text += text;
    if (flags.hidden) {
      this.hiddenGroup ??= { part: 'hidden', label: this.label('隐藏文字'), anchor: this.here(), text: '' };
      this.hiddenGroup.text += text;
      return;
    }
    this.text += text;
    // Visible text ends a stretch of hidden runs; empty or blank runs between them do not.
    if (/\S/.test(text)) this.closeHidden();
  }

  openGroup(part: Part, base: string, change: XmlElement): Group {
    return { part, label: this.label(base), author: wAttr(change, 'author'), anchor: this.here(), text: '' };
  }

  closeGroup(group: Group): void {
    if (group.text === '') return;
    this.ctx.sink.add({
      part: group.part,
      text: group.text,
      paragraph: this.index,
      label: group.label,
      anchor: group.anchor,
      ...(group.author ? { author: group.author } : {}),
    });
  }

  closeHidden(): void {
    if (this.hiddenGroup) this.closeGroup(this.hiddenGroup);
    this.hiddenGroup = undefined;
  }
}

function readParagraph(p: XmlElement, story: Story, ctx: ReadContext, cell: Cell | undefined): void {
  const index = ctx.sink.nextParagraph(story.part);
  const pPr = firstW(p, 'pPr');
  const styleId = paragraphStyle(pPr);
  const reader = new ParagraphReader(index, story, ctx, ctx.styles.hides(styleId), cell);
  walkInline(p, reader, { hidden: false });
  reader.closeHidden();
  if (reader.text === '') return; // the index is spent anyway, so later indexes match Word's
  const heading = headingLevel(pPr, styleId, ctx.styles);
  ctx.sink.add({
    part: story.part,
    text: reader.text,
    paragraph: index,
    ...(cell ?? {}),
    ...(heading !== undefined ? { heading } : {}),
    ...(story.label ? { label: story.label } : {}),
    ...(story.author ? { author: story.author } : {}),
    ...(story.anchor ? { anchor: story.anchor } : {}),
  });
}

function paragraphStyle(pPr: XmlElement | undefined): string | undefined {
  const pStyle = pPr && firstW(pPr, 'pStyle');
  return pStyle && wAttr(pStyle, 'val');
}

function headingLevel(pPr: XmlElement | undefined, styleId: string | undefined, styles: Styles): number | undefined {
  const outline = pPr && firstW(pPr, 'outlineLvl');
  if (outline) {
    // Direct formatting wins over the style; 9 means "body text".
    const level = Number(wAttr(outline, 'val'));
    return Number.isInteger(level) && level >= 0 && level <= 8 ? level + 1 : undefined;
  }
  return styles.headingLevel(styleId);
}

/** Elements inside a paragraph whose text is not shown: properties, field codes. */
const SKIPPED_INLINE = new Set(['pPr', 'rPr', 'instrText', 'delInstrText', 'sdtPr', 'sdtEndPr', 'fldData']);

function walkInline(node: XmlElement, para: ParagraphReader, flags: RunFlags): void {
  for (const child of elementChildren(node)) {
    if (!isW(child)) {
      walkForeign(child, para, flags);
      continue;
    }
    const name = child.localName ?? '';
    if (SKIPPED_INLINE.has(name)) continue;
    switch (name) {
      case 'r':
        walkInline(child, para, { ...flags, hidden: flags.hidden || runHidden(child, para) });
        break;
      case 'del':
      case 'moveFrom':
        walkChange(child, para, flags, 'tracked-deletion', name === 'del' ? '修订（删除的文字）' : '修订（移出的文字）');
        break;
      case 'ins':
      case 'moveTo':
        walkChange(child, para, flags, 'tracked-insertion', name === 'ins' ? '修订（插入的文字）' : '修订（移入的文字）');
        break;
      case 'commentRangeStart':
      case 'commentReference':
      case 'footnoteReference':
      case 'endnoteReference': {
        // A comment stands where its range starts (or, without one, at its mark); a note at its mark.
        const key = `${name.startsWith('comment') ? 'comment' : name.replace('Reference', '')}:${wAttr(child, 'id') ?? ''}`;
        if (!para.ctx.marks.has(key)) para.ctx.marks.set(key, para.here());
        break;
      }
      case 't':
      case 'delText':
        para.emit(child.textContent ?? '', flags);
        break;
      case 'tab':
      case 'ptab':
        para.emit('\t', flags);
        break;
      case 'br':
      case 'cr':
        para.emit('\n', flags);
        break;
      case 'noBreakHyphen':
        para.emit('-', flags);
        break;
      case 'txbxContent':
        readTextBox(child, para);
        break;
      default:
        // w:hyperlink, w:smartTag, w:sdt, w:fldSimple, w:drawing, w:pict, w:object …
        walkInline(child, para, flags);
    }
  }
}

/** DrawingML, VML, math and markup-compatibility elements met inside a paragraph. */
function walkForeign(el: XmlElement, para: ParagraphReader, flags: RunFlags): void {
  if (isNs(el, MC_NS, 'AlternateContent')) {
    const branch = chooseAlternative(el);
    if (branch) walkInline(branch, para, flags);
  } else if (isNs(el, MATH_NS, 't')) {
    para.emit(el.textContent ?? '', flags);
  } else if (isNs(el, VML_NS, 'textpath')) {
    // WordArt, and the usual way a watermark ("机密", "内部资料") is drawn behind every page.
    readWordArt(el.getAttribute('string') ?? '', para);
    walkInline(el, para, flags);
  } else {
    walkInline(el, para, flags);
  }
}

function walkChange(change: XmlElement, para: ParagraphReader, flags: RunFlags, part: Part, base: string): void {
  const group = para.openGroup(part, base, change);
  const inner = part === 'tracked-deletion' ? { ...flags, deletion: group } : { ...flags, insertion: group };
  walkInline(change, para, inner);
  para.closeGroup(group);
}

function runHidden(run: XmlElement, para: ParagraphReader): boolean {
  const rPr = firstW(run, 'rPr');
  const vanish = rPr && firstW(rPr, 'vanish');
  if (vanish) return isOn(vanish); // direct formatting wins, also w:val="false" over a hiding style
  const rStyle = rPr && firstW(rPr, 'rStyle');
  return para.styleHides || para.ctx.styles.hides(rStyle && wAttr(rStyle, 'val'));
}

function textBoxLabel(para: ParagraphReader): string {
  return para.label('文本框');
}

/** Text-box paragraphs are a story of their own, numbered in the 'textbox' part. */
function readTextBox(content: XmlElement, para: ParagraphReader): void {
  const label = textBoxLabel(para);
  walkBlocks(content, newStory('textbox', { label, where: label, anchor: para.here() }), para.ctx, undefined);
}

function readWordArt(text: string, para: ParagraphReader): void {
  if (text.trim() === '') return;
  para.ctx.sink.add({
    part: 'textbox',
    text,
    paragraph: para.ctx.sink.nextParagraph('textbox'),
    label: para.label('艺术字/水印'),
    anchor: para.here(),
  });
}
