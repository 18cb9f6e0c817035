// The tables of a document, whatever format they came from: Word table cells (blocks with table,
// row and column), and runs of lines whose cells are separated by tabs (PDF rows laid out by the
// reader, tab-separated text). Aggregation scores each table as one scope, and reads its column
// headers: a capacity column whose unit stands only in the header (设计规模（万吨/日）), a column
// of facility names.
import type { TextBlock } from '../document-model';
import type { BlockViews } from './block-views';

export interface TableCell {
  readonly block: number;
  readonly start: number;
  readonly end: number;
  readonly row: number;
  readonly column: number;
}

export interface Table {
  /** 0-based, in reading order: the document's first table is 0. */
  readonly index: number;
  readonly cells: readonly TableCell[];
  readonly rowCount: number;
  /** The row that names the columns (the first with two cells or more, if most hold no digit). */
  readonly headerRow?: number;
}

export interface TableIndex {
  readonly tables: readonly Table[];
  /** The table and cell holding offset `start` of block `block`, if any. */
  cellAt(block: number, start: number): { table: Table; cell: TableCell } | undefined;
  text(cell: TableCell): string;
}

export function tablesOf(blocks: readonly TextBlock[], views: readonly BlockViews[]): TableIndex {
  const tables: Table[] = [];
  const byBlock = new Map<number, Array<{ table: Table; cell: TableCell }>>();
  const add = (cells: TableCell[]) => {
    if (cells.length === 0) return;
    const rowCount = Math.max(...cells.map((c) => c.row)) + 1;
    const table: Table = { index: tables.length, cells, rowCount, headerRow: headerRowOf(cells, blocks) };
    tables.push(table);
    for (const cell of cells) {
      const list = byBlock.get(cell.block) ?? [];
      list.push({ table, cell });
      byBlock.set(cell.block, list);
    }
  };

  let wordTable: string | undefined;
  let wordCells: TableCell[] = [];
  let tabbed: TableCell[] = [];
  let tabbedRow = 0;
  const closeTabbed = () => {
    if (tabbedRow >= 2) add(tabbed);
    tabbed = [];
    tabbedRow = 0;
  };
  blocks.forEach((b, block) => {
    if (b.part !== 'body') return;
    if (b.table !== undefined) {
      closeTabbed();
      const key = String(b.table);
      if (key !== wordTable) {
        add(wordCells);
        wordCells = [];
        wordTable = key;
      }
      wordCells.push({ block, start: 0, end: b.text.length, row: b.row ?? 0, column: b.column ?? 0 });
      return;
    }
    add(wordCells);
    wordCells = [];
    wordTable = undefined;
    const lines = views[block].lines;
    for (let line = 0; line < lines.count; line++) {
      const from = lines.start(line);
      const text = lines.line(line);
      if (!text.includes('\t')) {
        if (text.trim() !== '') closeTabbed();
        continue;
      }
      let at = 0;
      text.split('\t').forEach((cell, column) => {
        tabbed.push({ block, start: from + at, end: from + at + cell.length, row: tabbedRow, column });
        at += cell.length + 1;
      });
      tabbedRow++;
    }
  });
  add(wordCells);
  closeTabbed();

  return {
    tables,
    cellAt: (block, start) => byBlock.get(block)?.find(({ cell }) => cell.start <= start && start <= cell.end),
    text: (cell) => blocks[cell.block].text.slice(cell.start, cell.end),
  };
}

/**
 * The header row names its columns: the first row with two cells or more (a title merged across
 * the top comes before it), when most of its cells hold no digit and data rows follow.
 */
function headerRowOf(cells: readonly TableCell[], blocks: readonly TextBlock[]): number | undefined {
  const textOf = (c: TableCell) => blocks[c.block].text.slice(c.start, c.end).trim();
  const rows = [...new Set(cells.map((c) => c.row))].sort((a, b) => a - b);
  const first = rows.find((r) => cells.filter((c) => c.row === r && textOf(c) !== '').length >= 2);
  if (first === undefined || first === rows[rows.length - 1]) return undefined;
  const texts = cells.filter((c) => c.row === first).map(textOf).filter((t) => t !== '');
  return texts.filter((t) => !/\d/.test(t)).length * 2 >= texts.length ? first : undefined;
}
