// A workbook as it looks: a tab per sheet (hidden sheets marked), each sheet as its grid with column
// letters and row numbers, every cell's findings marked in it, hidden rows, columns and sheets shown
// dimmed where they stand, comments at their cells. An aggregation over a sheet outlines it.
import { Empty, Tabs, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DocumentModel } from '../../../../shared/api-contract';
import type { TextBlock } from '../../../../shared/document-model';
import type { StoredFinding } from '../../../../shared/records';
import { reviewSelectors, useMishenStore } from '../../store';
import { findingsByBlock } from './block-findings';
import { MarkedText } from './MarkedText';
import { PictureView } from './PictureView';
import { SelectedStyle } from './SelectedStyle';
import { useScrollToSelected } from './use-scroll-to-selected';

/** A sheet larger than this is shown in part; its text view has every cell. */
const MAX_ROWS = 500;
const MAX_COLUMNS = 52;

/** A, B, … Z, AA, AB … */
export function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

interface Cell {
  readonly block?: TextBlock;
  readonly findings: readonly StoredFinding[];
  readonly comments: readonly TextBlock[];
}

export function SheetView({ model }: { model: DocumentModel }) {
  const findings = useMishenStore(useShallow(reviewSelectors.findings));
  const selectedId = useMishenStore(reviewSelectors.selectedFindingId);
  const selectFinding = useMishenStore((s) => s.selectFinding);
  const sheets = model.sheets ?? [];
  const selected = findings.find((f) => f.id === selectedId);
  const selectedSheet = useMemo(() => {
    if (!selected) return undefined;
    if (selected.table !== undefined) return selected.table;
    const block = model.blocks.find((b) => b.part === selected.part && b.paragraph === selected.paragraph);
    return block?.table ?? block?.anchor?.table;
  }, [selected, model]);
  const [chosen, setChosen] = useState(0);
  const active = selectedSheet ?? chosen;
  const pane = useScrollToSelected<HTMLDivElement>(selectedId, [model, active]);

  const grids = useMemo(() => {
    const lists = findingsByBlock(model.blocks, findings);
    return sheets.map((_, index) => {
      const cells = new Map<string, Cell>();
      let rows = 0;
      let columns = 0;
      const at = (row: number, column: number) => {
        rows = Math.max(rows, row + 1);
        columns = Math.max(columns, column + 1);
        const key = `${row}:${column}`;
        return cells.get(key) ?? { findings: [], comments: [] };
      };
      model.blocks.forEach((b, i) => {
        if (b.table === index && b.row !== undefined && b.column !== undefined && (b.part === 'body' || b.part === 'hidden')) {
          cells.set(`${b.row}:${b.column}`, { ...at(b.row, b.column), block: b, findings: lists[i] });
        } else if (b.part === 'comment' && b.anchor?.table === index && b.anchor.row !== undefined && b.anchor.column !== undefined) {
          const cell = at(b.anchor.row, b.anchor.column);
          cells.set(`${b.anchor.row}:${b.anchor.column}`, { ...cell, comments: [...cell.comments, b], findings: [...cell.findings, ...lists[i]] });
        }
      });
      const aggregations = findings.filter((f) => f.category === 'aggregation' && f.table === index);
      return { cells, rows, columns, aggregations };
    });
  }, [model, findings, sheets]);

  const pictures = model.blocks.filter((b) => b.part === 'ocr');
  if (sheets.length === 0) return <Empty description="这个工作簿没有工作表。" />;
  return (
    <div ref={pane} className="sheet-view" data-testid="sheet-view">
      <SelectedStyle selectedId={selectedId} />
      <Tabs
        size="small"
        activeKey={String(active)}
        onChange={(k) => {
          setChosen(Number(k));
          if (selectedSheet !== undefined) selectFinding(undefined);
        }}
        items={sheets.map((s, i) => ({
          key: String(i),
          label: (
            <span>
              {s.name} {s.hidden && <Tag color="default">隐藏工作表</Tag>}
            </span>
          ),
          children: <Grid sheetHidden={s.hidden} grid={grids[i]} onSelect={selectFinding} />,
        }))}
      />
      {pictures.length > 0 && (
        <div className="word-pictures">
          <div className="word-section-title">工作簿中的图片（其中文字由 OCR 识别）</div>
          {pictures.map((b) => (
            <PictureView key={`${b.paragraph}-${b.source ?? ''}`} versionId={model.versionId} block={b} />
          ))}
        </div>
      )}
    </div>
  );
}

function Grid({ grid, sheetHidden, onSelect }: { grid: { cells: Map<string, Cell>; rows: number; columns: number; aggregations: readonly StoredFinding[] }; sheetHidden: boolean; onSelect: (id: string) => void }) {
  const rows = Math.min(grid.rows, MAX_ROWS);
  const columns = Math.min(grid.columns, MAX_COLUMNS);
  const outline = grid.aggregations.length > 0;
  return (
    <div className={`sheet-grid-frame${outline ? ' aggregate-outline table' : ''}${sheetHidden ? ' sheet-hidden' : ''}`} data-finding-ids={outline ? grid.aggregations.map((f) => f.id).join(' ') : undefined}>
      {outline && (
        <button type="button" className="aggregate-badge" onClick={() => onSelect(grid.aggregations[0].id)}>
          数据汇聚：{grid.aggregations[0].match}
        </button>
      )}
      <table className="sheet-grid">
        <thead>
          <tr>
            <th />
            {Array.from({ length: columns }, (_, c) => (
              <th key={c}>{columnName(c)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, r) => (
            <tr key={r}>
              <th>{r + 1}</th>
              {Array.from({ length: columns }, (_, c) => {
                const cell = grid.cells.get(`${r}:${c}`);
                const hidden = cell?.block?.part === 'hidden';
                return (
                  <td key={c} className={`${hidden ? 'hidden-cell' : ''}${cell?.comments.length ? ' has-comment' : ''}`} title={hidden ? cell?.block?.label : cell?.comments.map((x) => `${x.author ? `${x.author}：` : ''}${x.text}`).join('\n') || undefined}>
                    {cell?.block && <MarkedText text={cell.block.text} findings={cell.findings.filter((f) => f.part !== 'comment')} onSelect={onSelect} />}
                    {cell?.comments.map((x, i) => (
                      <div key={i} className="cell-comment">
                        <MarkedText text={x.text} findings={cell.findings.filter((f) => f.part === 'comment' && x.text.slice(f.start ?? 0, f.end ?? 0) === f.match)} onSelect={onSelect} />
                      </div>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {(grid.rows > MAX_ROWS || grid.columns > MAX_COLUMNS) && <div className="word-band-label">工作表较大，这里只显示前 {MAX_ROWS} 行、{MAX_COLUMNS} 列；其余单元格见「文字」。</div>}
    </div>
  );
}
