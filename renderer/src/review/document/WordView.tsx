// A Word (or text) file as it looks: the headers above the body and the footers below it, tables as
// tables, headings as headings, tracked deletions struck through and insertions underlined where
// they stand, hidden text dimmed in place, comments in the margin beside their mark, notes at the
// foot with their numbers in the text, pictures with what OCR read in them. Every finding is marked
// where it stands; an aggregation finding outlines its table or section.
import { Tag } from 'antd';
import { memo, useMemo, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TextBlock } from '../../../../shared/document-model';
import { sectionsOf } from '../../../../shared/engine/sections';
import type { StoredFinding } from '../../../../shared/records';
import type { DocumentModel } from '../../../../shared/api-contract';
import { reviewSelectors, useMishenStore } from '../../store';
import { findingsByBlock } from './block-findings';
import { MarkedText, type InlinePiece } from './MarkedText';
import { PictureView } from './PictureView';
import { SelectedStyle } from './SelectedStyle';
import { useScrollToSelected } from './use-scroll-to-selected';
import { wordLayout, type ParagraphItem, type StoryGroup, type StoryItem, type TableItem } from './word-layout';

const NONE: readonly StoredFinding[] = [];

/** What each block's findings are, and which aggregation outlines apply where. */
interface Marks {
  readonly of: (b: TextBlock | undefined) => readonly StoredFinding[];
  readonly onSelect: (id: string) => void;
  /** Aggregation findings by table index, and by body paragraph for sections and the whole text. */
  readonly tableAggregations: ReadonlyMap<number, readonly StoredFinding[]>;
  readonly paragraphAggregations: ReadonlyMap<number, readonly StoredFinding[]>;
}

export function WordView({ model }: { model: DocumentModel }) {
  const findings = useMishenStore(useShallow(reviewSelectors.findings));
  const selectedId = useMishenStore(reviewSelectors.selectedFindingId);
  const selectFinding = useMishenStore((s) => s.selectFinding);
  const layout = useMemo(() => wordLayout(model.blocks), [model]);
  const byBlock = useMemo(() => {
    const lists = findingsByBlock(model.blocks, findings);
    const map = new Map<TextBlock, readonly StoredFinding[]>();
    model.blocks.forEach((b, i) => lists[i].length && map.set(b, lists[i]));
    return map;
  }, [model, findings]);
  // Stable while only the selection moves, so no paragraph is drawn again for it (SelectedStyle).
  const marks: Marks = useMemo(() => ({ of: (b) => (b && byBlock.get(b)) || NONE, onSelect: selectFinding, ...aggregationPlaces(model.blocks, findings) }), [byBlock, selectFinding, model, findings]);
  const pane = useScrollToSelected<HTMLDivElement>(selectedId, [model]);

  return (
    <div ref={pane} className="word-view" data-testid="word-view">
      <SelectedStyle selectedId={selectedId} />
      <div className="word-page">
        {layout.headers.length > 0 && <Band groups={layout.headers} marks={marks} className="word-header" />}
        <div className="word-body">{layout.body.map((item) => <Item key={item.key} item={item} marks={marks} />)}</div>
        {layout.looseComments.length > 0 && <Band groups={layout.looseComments} marks={marks} className="word-loose-comments" />}
        {layout.notes.length > 0 && <Band groups={layout.notes} marks={marks} className="word-notes" kind="word-note" />}
        {layout.footers.length > 0 && <Band groups={layout.footers} marks={marks} className="word-footer" />}
      </div>
      {layout.pictures.length > 0 && (
        <div className="word-pictures">
          <div className="word-section-title">文件中的图片（其中文字由 OCR 识别）</div>
          {layout.pictures.map((b) => (
            <PictureView key={`${b.paragraph}-${b.source ?? ''}`} versionId={model.versionId} block={b} />
          ))}
        </div>
      )}
    </div>
  );
}

/**
 * Headers, footers, comments without a mark (a band: `word-band`), or footnotes and endnotes
 * (`word-note`): each group under its label.
 */
function Band({ groups, marks, className, kind = 'word-band' }: { groups: readonly StoryGroup[]; marks: Marks; className: string; kind?: 'word-band' | 'word-note' }) {
  return (
    <div className={className}>
      {groups.map((g) => (
        <div key={g.label} className={kind === 'word-band' ? 'word-band-group' : 'word-note'}>
          <span className={`${kind}-label`}>{g.label}</span>
          {g.items.map((item) => <Item key={item.key} item={item} marks={marks} />)}
        </div>
      ))}
    </div>
  );
}

/** A paragraph or a table, with its comments in the margin beside it. */
const Item = memo(function Item({ item, marks }: { item: StoryItem; marks: Marks }) {
  const comments = item.kind === 'paragraph' ? item.comments : item.rows.flatMap((r) => r.cells.flatMap((c) => c.paragraphs.flatMap((p) => p.comments)));
  const aggregation = item.kind === 'paragraph' ? (item.part === 'body' ? marks.paragraphAggregations.get(item.paragraph) : undefined) : marks.tableAggregations.get(item.table);
  const content = item.kind === 'paragraph' ? <Paragraph item={item} marks={marks} /> : <Table item={item} marks={marks} />;
  return (
    <div className={`word-row${comments.length ? ' has-comments' : ''}`}>
      <Outlined findings={aggregation} marks={marks} table={item.kind === 'table'}>
        {content}
      </Outlined>
      {comments.length > 0 && (
        <aside className="word-margin">
          {comments.map((c) => (
            <Comment key={c[0].label} blocks={c} marks={marks} />
          ))}
        </aside>
      )}
    </div>
  );
});

/** The outline an aggregation finding draws round its table or section; strong while selected. */
function Outlined({ findings, marks, table, children }: { findings?: readonly StoredFinding[]; marks: Marks; table: boolean; children: ReactNode }) {
  if (!findings?.length) return <>{children}</>;
  return (
    <div className={`aggregate-outline${table ? ' table' : ''}`} data-finding-ids={findings.map((f) => f.id).join(' ')} data-testid="aggregate-outline">
      {table && (
        <button type="button" className="aggregate-badge" onClick={() => marks.onSelect(findings[0].id)}>
          数据汇聚：{findings[0].match}
        </button>
      )}
      {children}
    </div>
  );
}

const Paragraph = memo(function Paragraph({ item, marks }: { item: ParagraphItem; marks: Marks }) {
  const text = item.block?.text ?? '';
  const own = marks.of(item.block);
  const inserted = item.pieces.filter((p) => p.part === 'tracked-insertion');
  // An insertion is part of the paragraph's text; its own findings are shifted onto it there.
  const shifted = inserted.flatMap((p) =>
    marks.of(p).map((f) => ({ ...f, start: (f.start ?? 0) + p.anchor!.offset, end: (f.end ?? f.match.length) + p.anchor!.offset })),
  );
  const inlines: InlinePiece[] = [
    ...item.pieces
      .filter((p) => p.part !== 'tracked-insertion')
      .map((p, i) => ({
        offset: p.anchor!.offset,
        key: `${p.part}-${i}`,
        node: p.part === 'tracked-deletion' ? (
          <del className="tracked-deletion" title={`修订：删除的文字${p.author ? `（${p.author}）` : ''}`} data-part={p.part}>
            <MarkedText text={p.text} findings={marks.of(p)} onSelect={marks.onSelect} />
          </del>
        ) : (
          <span className="hidden-text" title="隐藏文字：打印和阅读时看不到，但保存在文件中" data-part={p.part}>
            <MarkedText text={p.text} findings={marks.of(p)} onSelect={marks.onSelect} />
          </span>
        ),
      })),
    ...item.comments.map((c) => ({ offset: c[0].anchor!.offset, key: `c-${c[0].label}`, node: <sup className="comment-ref">{c[0].label}</sup> })),
    ...item.notes.map((n) => ({ offset: n.anchor!.offset, key: `n-${n.label}`, node: <sup className="note-ref">{n.label?.replace(/\D+/g, '')}</sup> })),
  ];
  const heading = item.block?.heading;
  const className = `word-paragraph${heading ? ` heading heading-${Math.min(heading, 4)}` : ''}`;
  return (
    <div className={className} data-part={item.part} data-paragraph={item.paragraph}>
      <MarkedText text={text} findings={[...own, ...shifted]} onSelect={marks.onSelect} inlines={inlines} inserted={inserted.map((p) => ({ start: p.anchor!.offset, end: p.anchor!.offset + p.text.length }))} />
      {item.boxes.length > 0 && (
        <div className="word-textbox" title={item.boxes[0].label}>
          <span className="word-band-label">{item.boxes[0].label?.split(' · ')[0]}</span>
          {item.boxes.map((b, i) => (
            <div key={i}>
              <MarkedText text={b.text} findings={marks.of(b)} onSelect={marks.onSelect} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
});

function Table({ item, marks }: { item: TableItem; marks: Marks }) {
  return (
    <table className="word-table" data-table={item.table}>
      <tbody>
        {item.rows.map((r) => (
          <tr key={r.row}>
            {r.cells.map((c) => (
              <td key={c.column} colSpan={c.span > 1 ? c.span : undefined}>
                {c.paragraphs.map((p) => (
                  <Paragraph key={p.key} item={p} marks={marks} />
                ))}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Comment({ blocks, marks }: { blocks: readonly TextBlock[]; marks: Marks }) {
  const first = blocks[0];
  return (
    <div className="word-comment" data-part="comment">
      <div className="word-comment-head">
        <Tag color="gold" style={{ marginInlineEnd: 4 }}>
          {first.label}
        </Tag>
        {first.author && <span className="word-comment-author">{first.author}</span>}
      </div>
      {blocks.map((b, i) => (
        <div key={i}>
          <MarkedText text={b.text} findings={marks.of(b)} onSelect={marks.onSelect} />
        </div>
      ))}
    </div>
  );
}

/**
 * Where each aggregation finding stands: its table, or the body paragraphs of its section (the
 * engine's own sections, from the same blocks), or the whole body.
 */
function aggregationPlaces(blocks: readonly TextBlock[], findings: readonly StoredFinding[]) {
  const tableAggregations = new Map<number, StoredFinding[]>();
  const paragraphAggregations = new Map<number, StoredFinding[]>();
  const add = <K,>(map: Map<K, StoredFinding[]>, key: K, f: StoredFinding) => map.set(key, [...(map.get(key) ?? []), f]);
  const aggregations = findings.filter((f) => f.category === 'aggregation');
  if (aggregations.length === 0) return { tableAggregations, paragraphAggregations };
  const sections = sectionsOf(blocks);
  for (const f of aggregations) {
    if (f.table !== undefined) {
      add(tableAggregations, f.table, f);
      continue;
    }
    const first = blocks.findIndex((b) => b.part === 'body' && b.paragraph === f.paragraph);
    const section = f.label === '全文' || first < 0 ? undefined : sections[first];
    blocks.forEach((b, i) => {
      if (b.part === 'body' && b.table === undefined && (section === undefined || sections[i] === section)) add(paragraphAggregations, b.paragraph, f);
    });
  }
  return { tableAggregations, paragraphAggregations };
}
