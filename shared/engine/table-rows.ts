// A table cell alone gives no context ("220102198503120019"): a reviewer needs the row it stands in
// (序号, 姓名, 身份证号 …). This maps each table-cell block to its row's text and its own offset there.
import type { TextBlock } from '../document-model';

export interface RowContext {
  readonly text: string;
  /** Where the cell's own text starts within `text`. */
  readonly offset: number;
}

const CELL_SEPARATOR = ' ｜ ';

export function tableRowContexts(blocks: readonly TextBlock[]): Map<number, RowContext> {
  const rows = new Map<string, number[]>();
  blocks.forEach((b, i) => {
    if (b.table === undefined || b.row === undefined) return;
    const key = `${b.part}\u0000${b.table}\u0000${b.row}`;
    const list = rows.get(key) ?? [];
    list.push(i);
    rows.set(key, list);
  });
  const out = new Map<number, RowContext>();
  for (const members of rows.values()) {
    if (members.length < 2) continue;
    let text = '';
    const offsets: number[] = [];
    for (const i of members) {
      if (text) text += CELL_SEPARATOR;
      offsets.push(text.length);
      text += blocks[i].text;
    }
    members.forEach((i, k) => out.set(i, { text, offset: offsets[k] }));
  }
  return out;
}
