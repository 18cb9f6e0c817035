// The document model of a Word (or text) file arranged as the page shows it: each story (the body,
// every header and footer, each note and comment) as its paragraphs in order, table cells gathered
// into tables by row and column, and what the printed page does not show — tracked deletions and
// insertions, hidden runs, comments, note marks, text boxes — put back where it stands (each block's
// `anchor`). Pure: the view (WordView.tsx) only draws this.
import type { Part, TextBlock } from '../../../../shared/document-model';

/** Parts that hold paragraphs of their own, in which other pieces can stand. */
const STORY_PARTS: ReadonlySet<Part> = new Set(['body', 'header', 'footer', 'footnote', 'endnote', 'comment', 'textbox']);
/** Pieces shown inside the text of the paragraph they stand in. */
const INLINE_PARTS: ReadonlySet<Part> = new Set(['tracked-deletion', 'tracked-insertion', 'hidden']);

export interface ParagraphItem {
  readonly kind: 'paragraph';
  readonly key: string;
  readonly part: Part;
  readonly paragraph: number;
  /** The paragraph's own text; absent when all of it is a tracked deletion or hidden. */
  readonly block?: TextBlock;
  /** Deletions, insertions and hidden runs standing in it, by offset. */
  readonly pieces: readonly TextBlock[];
  /** Comments whose mark stands in it, each with its paragraphs. */
  readonly comments: readonly (readonly TextBlock[])[];
  /** The first paragraph of each footnote or endnote whose mark stands in it. */
  readonly notes: readonly TextBlock[];
  /** Text boxes (and WordArt watermarks) drawn in it. */
  readonly boxes: readonly TextBlock[];
  readonly cell?: { readonly table: number; readonly row: number; readonly column: number };
}

export interface TableCellItem {
  readonly column: number;
  readonly span: number;
  readonly paragraphs: readonly ParagraphItem[];
}

export interface TableItem {
  readonly kind: 'table';
  readonly key: string;
  readonly table: number;
  readonly rows: readonly { readonly row: number; readonly cells: readonly TableCellItem[] }[];
  readonly columns: number;
}

export type StoryItem = ParagraphItem | TableItem;

export interface StoryGroup {
  /** 页眉（第 1 节）, 脚注 2, 批注 1 … */
  readonly label: string;
  readonly items: readonly StoryItem[];
}

export interface WordLayout {
  readonly headers: readonly StoryGroup[];
  readonly body: readonly StoryItem[];
  readonly footers: readonly StoryGroup[];
  readonly notes: readonly StoryGroup[];
  /** Comments whose mark was not found: shown after the body. */
  readonly looseComments: readonly StoryGroup[];
  /** Text read by OCR from the pictures in the file. */
  readonly pictures: readonly TextBlock[];
}

const hostKey = (part: Part, paragraph: number) => `${part}:${paragraph}`;

export function wordLayout(blocks: readonly TextBlock[]): WordLayout {
  const anchored = new Map<string, TextBlock[]>();
  const hosts = new Map<Part, TextBlock[]>();
  const comments = new Map<string, TextBlock[]>();
  for (const b of blocks) {
    if (b.part === 'comment') {
      const list = comments.get(b.label ?? '') ?? [];
      list.push(b);
      comments.set(b.label ?? '', list);
    }
    const placedIn = b.anchor && (INLINE_PARTS.has(b.part) || b.part === 'textbox' || b.part === 'comment' || b.part === 'footnote' || b.part === 'endnote');
    if (placedIn) {
      const key = hostKey(b.anchor!.part, b.anchor!.paragraph);
      const list = anchored.get(key) ?? [];
      list.push(b);
      anchored.set(key, list);
    }
    if (STORY_PARTS.has(b.part)) {
      const list = hosts.get(b.part) ?? [];
      list.push(b);
      hosts.set(b.part, list);
    }
  }
  const commentOf = (b: TextBlock) => comments.get(b.label ?? '') ?? [b];
  const placedComments = new Set<string>();

  function paragraphItem(part: Part, paragraph: number, block: TextBlock | undefined): ParagraphItem {
    const here = anchored.get(hostKey(part, paragraph)) ?? [];
    const byOffset = (a: TextBlock, b: TextBlock) => a.anchor!.offset - b.anchor!.offset;
    const seenComments = new Set<string>();
    const itemComments: TextBlock[][] = [];
    for (const c of here.filter((x) => x.part === 'comment').sort(byOffset)) {
      const label = c.label ?? '';
      if (seenComments.has(label)) continue;
      seenComments.add(label);
      placedComments.add(label);
      itemComments.push(commentOf(c));
    }
    const firstOfNote = new Set<string>();
    const notes = here.filter((x) => (x.part === 'footnote' || x.part === 'endnote') && !firstOfNote.has(x.label ?? '') && firstOfNote.add(x.label ?? '')).sort(byOffset);
    const cellAnchor = here.find((x) => x.anchor?.table !== undefined)?.anchor;
    const cell = block?.table !== undefined ? { table: block.table, row: block.row ?? 0, column: block.column ?? 0 } : cellAnchor?.table !== undefined ? { table: cellAnchor.table, row: cellAnchor.row ?? 0, column: cellAnchor.column ?? 0 } : undefined;
    return {
      kind: 'paragraph',
      key: hostKey(part, paragraph),
      part,
      paragraph,
      ...(block ? { block } : {}),
      pieces: here.filter((x) => INLINE_PARTS.has(x.part)).sort(byOffset),
      comments: itemComments,
      notes,
      boxes: here.filter((x) => x.part === 'textbox'),
      ...(cell ? { cell } : {}),
    };
  }

  /** The paragraphs of `part`, and those only its pieces stand in, in order; cells into tables. */
  function story(part: Part, only?: (b: TextBlock) => boolean): StoryGroup[] {
    const own = (hosts.get(part) ?? []).filter((b) => !only || only(b));
    const byParagraph = new Map<number, TextBlock>();
    for (const b of own) if (!byParagraph.has(b.paragraph)) byParagraph.set(b.paragraph, b);
    const paragraphs = new Set(byParagraph.keys());
    // A paragraph wholly deleted or hidden has no block of its own, only pieces standing in it.
    if (!only) for (const key of anchored.keys()) if (key.startsWith(`${part}:`)) paragraphs.add(Number(key.slice(part.length + 1)));
    const groups: { label: string; items: StoryItem[] }[] = [];
    const tables = new Map<string, { item: TableItem; rows: Map<number, Map<number, ParagraphItem[]>> }>();
    for (const paragraph of [...paragraphs].sort((a, b) => a - b)) {
      const block = byParagraph.get(paragraph);
      const label = block?.label ?? groups.at(-1)?.label ?? '';
      if (groups.at(-1)?.label !== label) groups.push({ label, items: [] });
      const group = groups.at(-1)!;
      const item = paragraphItem(part, paragraph, block);
      if (!item.cell) {
        group.items.push(item);
        continue;
      }
      const tableKey = `${label}\u0000${item.cell.table}`;
      let table = tables.get(tableKey);
      if (!table) {
        table = { item: { kind: 'table', key: `${part}:table:${item.cell.table}:${paragraph}`, table: item.cell.table, rows: [], columns: 0 }, rows: new Map() };
        tables.set(tableKey, table);
        group.items.push(table.item);
      }
      const row = table.rows.get(item.cell.row) ?? new Map<number, ParagraphItem[]>();
      table.rows.set(item.cell.row, row);
      const cell = row.get(item.cell.column) ?? [];
      cell.push(item);
      row.set(item.cell.column, cell);
    }
    // Fill each table in: rows in order, each cell spanning up to the next cell's grid column.
    for (const { item, rows } of tables.values()) {
      const columns = Math.max(1, ...[...rows.values()].flatMap((r) => [...r.keys()].map((c) => c + 1)));
      const built = [...rows.entries()]
        .sort(([a], [b]) => a - b)
        .map(([row, cells]) => {
          const starts = [...cells.keys()].sort((a, b) => a - b);
          return { row, cells: starts.map((column, i) => ({ column, span: (starts[i + 1] ?? columns) - column, paragraphs: cells.get(column)! })) };
        });
      Object.assign(item, { rows: built, columns });
    }
    return groups;
  }

  const body = story('body').flatMap((g) => g.items);
  const headers = story('header');
  const footers = story('footer');
  const notes = [...story('footnote'), ...story('endnote')];
  const looseComments = story('comment').filter((g) => !placedComments.has(g.label));
  return { headers, body, footers, notes, looseComments, pictures: blocks.filter((b) => b.part === 'ocr') };
}
