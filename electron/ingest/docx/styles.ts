// What the reader needs from word/styles.xml: which paragraph styles are headings, and which
// styles hide their text (a style with <w:vanish/> hides every run that uses it).

import { elementChildren, firstW, isOn, isW, wAttr, type XmlDocument, type XmlElement } from './xml';

interface StyleEntry {
  readonly name?: string;
  readonly basedOn?: string;
  readonly outlineLevel?: number;
  readonly vanish: boolean;
}

export interface Styles {
  /** Heading level (1 = top) of a paragraph style, if it is a heading. */
  headingLevel(styleId: string | undefined): number | undefined;
  /** Whether runs in this (character or paragraph) style are hidden. */
  hides(styleId: string | undefined): boolean;
}

// Word's built-in ids ('Heading1'), the English names ('heading 1'), and what a Chinese Word
// writes ('标题 1', '标题1').
const HEADING_NAME = /^(?:heading|标题)\s*([1-9])$/i;
const MAX_BASED_ON_HOPS = 8;

export function readStyles(doc: XmlDocument | undefined): Styles {
  const entries = new Map<string, StyleEntry>();
  if (doc?.documentElement) {
    for (const style of elementChildren(doc.documentElement).filter((s) => isW(s, 'style'))) {
      const id = wAttr(style, 'styleId');
      if (id !== undefined) entries.set(id, readEntry(style));
    }
  }
  return {
    headingLevel: (id) => walkBasedOn(entries, id, (entry, styleId) => levelOf(entry, styleId)),
    hides: (id) => walkBasedOn(entries, id, (entry) => (entry?.vanish ? true : undefined)) ?? false,
  };
}

function readEntry(style: XmlElement): StyleEntry {
  const name = firstW(style, 'name');
  const basedOn = firstW(style, 'basedOn');
  const pPr = firstW(style, 'pPr');
  const outline = pPr && firstW(pPr, 'outlineLvl');
  const rPr = firstW(style, 'rPr');
  const level = outline ? Number(wAttr(outline, 'val')) : undefined;
  return {
    name: name && wAttr(name, 'val'),
    basedOn: basedOn && wAttr(basedOn, 'val'),
    outlineLevel: level !== undefined && Number.isInteger(level) ? level : undefined,
    vanish: isOn(rPr && firstW(rPr, 'vanish')),
  };
}

function levelOf(entry: StyleEntry | undefined, styleId: string): number | undefined {
  const byName = HEADING_NAME.exec(styleId) ?? (entry?.name ? HEADING_NAME.exec(entry.name) : null);
  if (byName) return Number(byName[1]);
  // w:outlineLvl is 0-based; 9 means "body text".
  if (entry?.outlineLevel !== undefined && entry.outlineLevel >= 0 && entry.outlineLevel <= 8) {
    return entry.outlineLevel + 1;
  }
  return undefined;
}

/** Follows w:basedOn until `pick` answers; bounded, because a broken file can loop. */
function walkBasedOn<T>(
  entries: ReadonlyMap<string, StyleEntry>,
  styleId: string | undefined,
  pick: (entry: StyleEntry | undefined, styleId: string) => T | undefined,
): T | undefined {
  let id = styleId;
  for (let hop = 0; id !== undefined && hop < MAX_BASED_ON_HOPS; hop++) {
    const entry = entries.get(id);
    const found = pick(entry, id);
    if (found !== undefined) return found;
    id = entry?.basedOn;
  }
  return undefined;
}
